// The load and model stages together: content folder in, cross-linked Site out.
#pragma once

#include <filesystem>
#include <variant>
#include <vector>

#include "load/content_tree.h"
#include "model/site_model.h"

namespace techpages {

struct LoadOptions {
    std::filesystem::path content_dir = "content";
    bool include_drafts = false;
    unsigned threads = 0;  // 0: one per core
};

// Reads every file (in parallel), checks it, and links the records. Problems go to
// `diagnostics`; the returned Site holds whatever could be read, so one run reports
// every problem. Callers must not publish a Site when diagnostics has errors.
Site load_site(const LoadOptions& options, Diagnostics& diagnostics);

// The two halves of load_site, for builds that read again only the files that changed.
using ContentRecord = std::variant<std::monostate, SiteConfig, Home, CommitmentTheme, Page, Institution, Profile,
                                   CaseStudy, CareerStory, Plan>;  // monostate: the file could not be used
// One file read and checked on its own, not yet linked to the others.
ContentRecord read_content_file(const ContentEntry& entry, Diagnostics& diagnostics);
// Links the records of `tree`'s files (records[i] read from tree.entries[i]) into a Site.
Site assemble_site(const ContentTree& tree, std::vector<ContentRecord> records, const LoadOptions& options,
                   Diagnostics& diagnostics);

}  // namespace techpages
