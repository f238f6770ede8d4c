#include "model/site_index.h"

#include <algorithm>

#include "model/vocabulary.h"
#include "util/text.h"

namespace techpages {

namespace {


// Collects terms by slug, keeping the first spelling seen (profiles are in name order).
class TermCollector {
public:
    Term& term(const std::string& name) {
        std::string slug = slugify(name);
        auto it = index_.find(slug);
        if (it != index_.end()) return terms_[it->second];
        index_[slug] = terms_.size();
        terms_.push_back({slug, name, {}, {}});
        return terms_.back();
    }
    std::vector<Term> sorted() {
        std::sort(terms_.begin(), terms_.end(), [](const Term& a, const Term& b) {
            std::string la = to_lower(a.name), lb = to_lower(b.name);
            return la != lb ? la < lb : a.slug < b.slug;
        });
        return std::move(terms_);
    }

private:
    std::map<std::string, size_t> index_;
    std::vector<Term> terms_;
};

}  // namespace

SiteIndex build_site_index(const Site& site) {
    SiteIndex index;
    for (const auto& theme : site.themes) index.by_theme[theme.id];

    for (size_t i = 0; i < site.profiles.size(); ++i)
        for (const auto& t : site.profiles[i].themes) index.by_theme[t].profiles.push_back(i);
    for (size_t i = 0; i < site.case_studies.size(); ++i)
        for (const auto& t : site.case_studies[i].themes) index.by_theme[t].case_studies.push_back(i);
    for (size_t i = 0; i < site.career_stories.size(); ++i)
        for (const auto& t : site.career_stories[i].themes) index.by_theme[t].career_stories.push_back(i);
    for (size_t p = 0; p < site.plans.size(); ++p) {
        const Plan& plan = site.plans[p];
        for (size_t a = 0; a < plan.actions.size(); ++a) {
            const Action& action = plan.actions[a];
            for (const auto& t : action.themes) {
                auto& members = index.by_theme[t];
                members.actions.push_back({p, a});
                if (action.children.empty()) members.progress.add(action.rag);
            }
        }
    }

    TermCollector skills, registrations_found, talent;
    for (size_t i = 0; i < site.profiles.size(); ++i) {
        const Profile& profile = site.profiles[i];
        for (const auto& s : profile.skills) {
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
