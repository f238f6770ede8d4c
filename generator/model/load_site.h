// The load and model stages together: content folder in, cross-linked Site out.
#pragma once

#include <filesystem>

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

}  // namespace techpages
