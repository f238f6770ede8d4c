// What each page depends on, as one digest: SHA-256 of the content hashes of every file
// whose words reach the page (its own file, the cards it lists, their institutions), of
// the counts and lists it shows, and of what every page shares (config, templates,
// Commitment themes). A page whose digest is the same as at the last build would come
// out the same, so it is not rendered again.
#pragma once

#include <cstdint>
#include <vector>

#include "incremental/input_files.h"
#include "model/site_index.h"
#include "render/pages.h"
#include "render/views.h"
#include "util/hash.h"

namespace techpages {

class PageDependencies {
public:
    // `settings` covers what is not in a file: options, the techpages binary.
    PageDependencies(const Site& site, const SiteIndex& index, const InputFiles& files, const Digest& settings);

    Digest page(const PageJob& job) const;
    Digest card(CardKind kind, size_t i) const;
    // Shared by every page: settings, site.toml, templates, theme files, Commitment themes.
    Digest global() const { return global_; }

private:
    Digest file(const std::string& content_path) const;
    Digest institution_card(size_t i) const;
    Digest theme_summary(const CommitmentTheme& t) const;
    void add_cards(Hasher& h, CardKind kind, const std::vector<size_t>& items) const;

    const Site& site_;
    const SiteIndex& index_;
    const InputFiles& files_;
    Digest global_;
    std::vector<Digest> profile_cards_, case_study_cards_, career_story_cards_, plan_cards_, institution_cards_;
};

}  // namespace techpages
