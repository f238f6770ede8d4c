// The model stage in two halves: one content file read into a record, and the records linked into a Site.
#pragma once

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "load/content_tree.h"
#include "model/site_model.h"

namespace techpages {

struct LoadOptions {
    std::filesystem::path content_dir = "content";
    bool include_drafts = false;
    unsigned threads = 0;  // 0: one per core
    std::string base_url;  // empty: site.toml's base_url
};

// The two halves of loading, put together by the build's model stage (SiteBuilder in
// incremental/, which reads again only the files that changed; load_site in build.h).
using ContentRecord = std::variant<std::monostate, SiteConfig, Home, CommitmentTheme, StandalonePage, Institution, Profile,
                                   CaseStudy, CareerStory, Plan>;  // monostate: the file could not be used
// One file read and checked on its own, not yet linked to the others.
ContentRecord read_content_file(const ContentEntry& entry, Diagnostics& diagnostics);
// Links the records of `tree`'s files (records[i] read from tree.entries[i]) into a Site.
Site assemble_site(const ContentTree& tree, std::vector<ContentRecord> records, const LoadOptions& options,
                   Diagnostics& diagnostics);

}  // namespace techpages
