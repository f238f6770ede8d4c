// Turns each content file into its typed record, checking every field.
// One function per kind of file; each reports its problems and returns nothing
// when the file cannot be used at all.
#pragma once

#include <optional>

#include "load/content_tree.h"
#include "model/site_model.h"

namespace techpages {

std::optional<SiteConfig> read_site_config(const ContentEntry& entry, Diagnostics& diagnostics);
std::optional<Home> read_home(const ContentEntry& entry, Diagnostics& diagnostics);
std::optional<CommitmentTheme> read_commitment_theme(const ContentEntry& entry, Diagnostics& diagnostics);
std::optional<StandalonePage> read_standalone_page(const ContentEntry& entry, Diagnostics& diagnostics);
std::optional<Institution> read_institution(const ContentEntry& entry, Diagnostics& diagnostics);
std::optional<Profile> read_profile(const ContentEntry& entry, Diagnostics& diagnostics);
std::optional<CaseStudy> read_case_study(const ContentEntry& entry, Diagnostics& diagnostics);
std::optional<CareerStory> read_career_story(const ContentEntry& entry, Diagnostics& diagnostics);
std::optional<Plan> read_plan(const ContentEntry& entry, Diagnostics& diagnostics);

}  // namespace techpages
