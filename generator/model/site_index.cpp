#include "model/site_index.h"

#include <algorithm>
#include <tuple>

#include "model/vocabulary.h"
#include "util/text.h"

namespace techpages {

namespace {


// Collects terms by address. A term is named by its commonest spelling, then the first in
// the site's order (profiles by name), so a new profile with a rarer spelling of a term
// does not rename it; its address depends on neither, only on the term itself.
class TermCollector {
public:
    Term& term(const std::string& name) {
        std::string slug = term_slug(name);
        auto it = index_.find(slug);
        if (it == index_.end()) {
            it = index_.emplace(slug, terms_.size()).first;
            terms_.push_back({slug, name, {}, {}});
            spellings_.emplace_back();
        }
        auto& seen = spellings_[it->second];
        seen.emplace(name, std::make_pair(0, static_cast<int>(seen.size()))).first->second.first++;
        return terms_[it->second];
    }
    std::vector<Term> sorted() {
        for (size_t i = 0; i < terms_.size(); ++i) {
            auto best = spellings_[i].begin();
            for (auto s = spellings_[i].begin(); s != spellings_[i].end(); ++s)
                if (s->second.first > best->second.first ||
                    (s->second.first == best->second.first && s->second.second < best->second.second))
                    best = s;
            terms_[i].name = best->first;
        }
        std::sort(terms_.begin(), terms_.end(), [](const Term& a, const Term& b) {
            std::string la = to_lower(a.name), lb = to_lower(b.name);
            return la != lb ? la < lb : a.slug < b.slug;
        });
        return std::move(terms_);
    }

private:
    std::map<std::string, size_t> index_;
    std::vector<Term> terms_;
    // Of each term, every spelling: how often it is written, and in which order first seen.
    std::vector<std::map<std::string, std::pair<int, int>>> spellings_;
};

}  // namespace

void check_term_addresses(const Site& site, Diagnostics& diagnostics) {
    struct Use {
        std::string path;
        SourcePos pos;
        std::string name;
    };
    std::vector<Use> uses;
    for (const auto& p : site.profiles)
        for (size_t k = 0; k < p.skills.size(); ++k)
            uses.push_back({p.origin.path, k < p.skill_positions.size() ? p.skill_positions[k] : SourcePos{1, 1}, p.skills[k]});
    // File order, not the site's name order: which one is "later" depends on the files alone.
    std::sort(uses.begin(), uses.end(), [](const Use& a, const Use& b) {
        return std::tie(a.path, a.pos.line, a.pos.column) < std::tie(b.path, b.pos.line, b.pos.column);
    });
    std::map<std::string, const Use*> first;  // by address
    for (const auto& use : uses) {
        std::string slug = term_slug(use.name);
        if (slug.empty()) continue;
        auto [it, added] = first.emplace(slug, &use);
        const Use& earlier = *it->second;
        if (added || term_signs(earlier.name) == term_signs(use.name)) continue;
        diagnostics.error(use.path, use.pos,
                          "the skill '" + use.name + "' would have the same address (/skills/" + slug + "/) as '" +
                              earlier.name + "' in " + earlier.path + ":" + std::to_string(earlier.pos.line),
                          "if they are the same skill, write it as there; if not, tell them apart in words");
    }
}

SiteIndex build_site_index(const Site& site) {
    SiteIndex index;
    for (const auto& t : site.commitment_themes) index.by_commitment_theme[t.id];

    for (size_t i = 0; i < site.profiles.size(); ++i)
        for (const auto& t : site.profiles[i].commitment_themes) index.by_commitment_theme[t].profiles.push_back(i);
    for (size_t i = 0; i < site.case_studies.size(); ++i)
        for (const auto& t : site.case_studies[i].commitment_themes) index.by_commitment_theme[t].case_studies.push_back(i);
    for (size_t i = 0; i < site.career_stories.size(); ++i)
        for (const auto& t : site.career_stories[i].commitment_themes) index.by_commitment_theme[t].career_stories.push_back(i);
    for (size_t p = 0; p < site.plans.size(); ++p) {
        const Plan& plan = site.plans[p];
        for (size_t a = 0; a < plan.actions.size(); ++a) {
            const Action& action = plan.actions[a];
            for (const auto& t : action.commitment_themes) {
                auto& members = index.by_commitment_theme[t];
                members.actions.push_back({p, a});
                if (action.children.empty()) members.progress.add(action.rag);
            }
        }
    }

    TermCollector skills, registrations_found, talent;
    for (size_t i = 0; i < site.profiles.size(); ++i) {
        const Profile& profile = site.profiles[i];
        for (const auto& s : profile.skills) {
            if (term_slug(s).empty()) continue;  // reported where it is written (checked_terms)
            auto& term = skills.term(s);
            if (term.profiles.empty() || term.profiles.back() != i) term.profiles.push_back(i);
        }
        for (const auto& r : profile.registrations) registrations_found.term(r).profiles.push_back(i);
    }
    // Every TALENT recommendation has a page, cited or not, so R1–R16 can always be browsed.
    for (int r = 1; r <= talent_count; ++r) talent.term("R" + std::to_string(r));
    for (size_t p = 0; p < site.plans.size(); ++p)
        for (size_t a = 0; a < site.plans[p].actions.size(); ++a)
            for (const auto& r : site.plans[p].actions[a].talent) talent.term(r).actions.push_back({p, a});

    index.skills = {"skills", "Skills", "Skill", skills.sorted()};
    index.registrations = {"registrations", "Professional registrations", "Registration", registrations_found.sorted()};
    // R1 … R16 in numeric order, not alphabetical (R10 after R9).
    auto talent_terms = talent.sorted();
    std::sort(talent_terms.begin(), talent_terms.end(),
              [](const Term& a, const Term& b) { return std::stoi(a.name.substr(1)) < std::stoi(b.name.substr(1)); });
    index.talent = {"talent", "TALENT Commission recommendations", "Recommendation", std::move(talent_terms)};
    return index;
}

}  // namespace techpages
