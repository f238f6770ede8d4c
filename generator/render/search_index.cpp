#include "render/search_index.h"

#include "util/json.h"
#include "util/text.h"

namespace techpages {

namespace {

// How much of a body the index keeps: enough to find a page by what it is about,
// small enough that the index stays quick to download on a phone.
constexpr size_t body_words_limit = 400;
constexpr size_t summary_limit = 200;

struct Entry {
    std::string title, url, kind, summary, words;
};

std::string entry_line(const Entry& e) {
    return "{\"t\":" + json_string(e.title) + ",\"u\":" + json_string(e.url) + ",\"k\":" + json_string(e.kind) +
           ",\"s\":" + json_string(e.summary) + ",\"w\":" + json_string(e.words) + "},\n";
}

}  // namespace

std::string search_index_entries(const Site& site, const Urls& urls, SearchItem kind, size_t i) {
    auto institution_name = [&](size_t n) { return site.institutions[n].name; };
    switch (kind) {
        case SearchItem::profile: {
            const Profile& p = site.profiles[i];
            std::vector<std::string> words{institution_name(p.institution), p.department};
            words.insert(words.end(), p.skills.begin(), p.skills.end());
            words.insert(words.end(), p.registrations.begin(), p.registrations.end());
            words.push_back(plain_excerpt(p.body, body_words_limit));
            return entry_line({p.name, urls.link(site_path::profile(site, p)), "Technician profile",
                               p.role + ", " + institution_name(p.institution), join(words, " ")});
        }
        case SearchItem::case_study: {
            const CaseStudy& c = site.case_studies[i];
            return entry_line({c.title, urls.link(site_path::case_study(site, c)), "Case study",
                               c.summary.empty() ? plain_excerpt(c.body, summary_limit) : c.summary,
                               institution_name(c.institution) + " " + plain_excerpt(c.body, body_words_limit)});
        }
        case SearchItem::career_story: {
            const CareerStory& s = site.career_stories[i];
            return entry_line({s.title, urls.link(site_path::career_story(site, s)), "Career story",
                               s.summary.empty() ? plain_excerpt(s.body, summary_limit) : s.summary,
                               s.person + " " + institution_name(s.institution) + " " + plain_excerpt(s.body, body_words_limit)});
        }
        case SearchItem::plan: break;
    }
    const Plan& plan = site.plans[i];
    std::string plan_url = urls.link(site_path::plan(site, plan));
    std::string where = plan.title + ", " + institution_name(plan.institution);
    std::string lines;
    for (const auto& a : plan.actions) {
        std::string text = plain_excerpt(a.action, summary_limit);
        lines += entry_line({a.ref.empty() ? text : a.ref + " " + text, plan_url + "#" + site_path::action_anchor(a), "Action", where,
                             join(a.owners, " ") + " " + plain_excerpt(a.success, summary_limit)});
    }
    return lines;
}

std::string search_index_json(const Site& site, const SearchEntries& entries) {
    const std::pair<SearchItem, size_t> items[] = {{SearchItem::profile, site.profiles.size()},
                                                   {SearchItem::case_study, site.case_studies.size()},
                                                   {SearchItem::career_story, site.career_stories.size()},
                                                   {SearchItem::plan, site.plans.size()}};
    std::string out = "[\n";
    for (auto [kind, count] : items)
        for (size_t i = 0; i < count; ++i) out += entries(kind, i);
    if (out.size() > 2) out.replace(out.size() - 2, 2, "\n");  // no comma after the last entry
    out += "]\n";
    return out;
}

std::string search_index_json(const Site& site, const Urls& urls) {
    std::string entry;
    return search_index_json(site, [&](SearchItem kind, size_t i) -> const std::string& {
        return entry = search_index_entries(site, urls, kind, i);
    });
}

}  // namespace techpages
