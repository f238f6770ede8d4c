// Derived views of the model that pages share: who and what belongs to each
// Commitment theme and to each taxonomy term (skills, registrations, TALENT).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/site_model.h"

namespace techpages {

struct ActionRef {
    size_t plan = 0, action = 0;
};

struct Term {
    std::string slug, name;
    std::vector<size_t> profiles;
    std::vector<ActionRef> actions;
};

struct Taxonomy {
    std::string slug, title, singular;
    std::vector<Term> terms;  // sorted by name
};

struct CommitmentThemeMembers {
    std::vector<size_t> profiles, case_studies, career_stories;
    std::vector<ActionRef> actions;  // in plan order
    Progress progress;               // over leaf actions
};

struct SiteIndex {
    std::map<std::string, CommitmentThemeMembers> by_commitment_theme;
    Taxonomy skills, registrations, talent;
};

SiteIndex build_site_index(const Site& site);

// Two skills that share an address (term_slug) but differ in a sign that matters
// (term_signs: "Python 3.1", "Python 3 1") are an error at the later one, in file order,
// naming the earlier. Spellings that differ only in case and separators are one term.
void check_term_addresses(const Site& site, Diagnostics& diagnostics);

}  // namespace techpages
