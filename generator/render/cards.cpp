#include "render/cards.h"

#include "util/parallel.h"

namespace techpages {

bool directory_is_filterable(const Site& site) {
    return site.profiles.size() <= static_cast<size_t>(site.config.cards_per_page);
}

void render_cards(const Site& site, const CardViews& views, std::vector<std::unique_ptr<TemplateRenderer>>& renderers,
                  CardHtml& html, const std::function<bool(CardKind, size_t)>& wanted, const CardRendered& rendered) {
    std::vector<std::pair<CardKind, size_t>> jobs;
    for (CardKind kind : card_kinds) {
        size_t count = card_count(site, kind);
        html.of(kind).resize(count);
        for (size_t i = 0; i < count; ++i)
            if (!wanted || wanted(kind, i)) jobs.push_back({kind, i});
    }
    parallel_for(jobs.size(), static_cast<unsigned>(renderers.size()), [&](unsigned worker, size_t j) {
        auto [kind, i] = jobs[j];
        ReadLog reads;
        {
            RecordReads recording(reads);
            html.of(kind)[i] = renderers[worker]->render(card_template, views.card(kind, i));
        }
        if (rendered) rendered(kind, i, reads);
    });
}

}  // namespace techpages
