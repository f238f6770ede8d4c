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

std::string entry_json(const Entry& e) {
    return "{\"t\":" + json_string(e.title) + ",\"u\":" + json_string(e.url) + ",\"k\":" + json_string(e.kind) +
           ",\"s\":" + json_string(e.summary) + ",\"w\":" + json_string(e.words) + "}";
}

}  // namespace

std::string search_index_json(const Site& site, const Urls& urls) {
    std::vector<Entry> entries;
    auto institution_name = [&](size_t i) { return site.institutions[i].name; };
    for (const auto& p : site.profiles) {
        std::vector<std::string> words{institution_name(p.institution), p.department};
        words.insert(words.end(), p.skills.begin(), p.skills.end());
        words.insert(words.end(), p.registrations.begin(), p.registrations.end());
        words.push_back(plain_excerpt(p.body, body_words_limit));
        entries.push_back({p.name, urls.link(site_path::profile(site, p)), "Technician profile",
                           p.role + ", " + institution_name(p.institution), join(words, " ")});
    }
    for (const auto& c : site.case_studies)
        entries.push_back({c.title, urls.link(site_path::case_study(site, c)), "Case study",
                           c.summary.empty() ? plain_excerpt(c.body, summary_limit) : c.summary,
                           institution_name(c.institution) + " " + plain_excerpt(c.body, body_words_limit)});
    for (const auto& s : site.career_stories)
        entries.push_back({s.title, urls.link(site_path::career_story(site, s)), "Career story",
                           s.summary.empty() ? plain_excerpt(s.body, summary_limit) : s.summary,
                           s.person + " " + institution_name(s.institution) + " " + plain_excerpt(s.body, body_words_limit)});
    for (const auto& plan : site.plans) {
        std::string plan_url = urls.link(site_path::plan(site, plan));
        std::string where = plan.title + ", " + institution_name(plan.institution);
        for (const auto& a : plan.actions) {
            std::string text = plain_excerpt(a.action, summary_limit);
            entries.push_back({a.ref.empty() ? text : a.ref + " " + text, plan_url + "#action-" + slugify(a.id),
                               "Action", where, join(a.owners, " ") + " " + plain_excerpt(a.success, summary_limit)});
        }
    }
    std::string out = "[\n";
    for (size_t i = 0; i < entries.size(); ++i) out += entry_json(entries[i]) + (i + 1 < entries.size() ? ",\n" : "\n");
    out += "]\n";
    return out;
}

}  // namespace techpages
