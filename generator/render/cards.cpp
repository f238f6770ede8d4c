#include "render/cards.h"

#include "util/parallel.h"

namespace techpages {

void render_cards(const Views& views, std::vector<std::unique_ptr<TemplateRenderer>>& renderers, CardHtml& html,
                  const std::function<bool(CardKind, size_t)>& wanted) {
    const Site& site = views.site();
    const std::pair<CardKind, size_t> kinds[] = {{CardKind::profile, site.profiles.size()},
                                                 {CardKind::directory_profile, site.profiles.size()},
                                                 {CardKind::case_study, site.case_studies.size()},
                                                 {CardKind::career_story, site.career_stories.size()},
                                                 {CardKind::plan, site.plans.size()}};
    std::vector<std::pair<CardKind, size_t>> jobs;
    for (const auto& [kind, count] : kinds) {
        html.of(kind).resize(count);
        for (size_t i = 0; i < count; ++i)
            if (!wanted || wanted(kind, i)) jobs.push_back({kind, i});
    }
    parallel_for(jobs.size(), static_cast<unsigned>(renderers.size()), [&](unsigned worker, size_t j) {
        auto [kind, i] = jobs[j];
        html.of(kind)[i] = renderers[worker]->render(card_template, views.card(kind, i));
    });
}

}  // namespace techpages
