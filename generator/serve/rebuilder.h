// What serve asks of whatever builds the site: rebuild after these files changed, and
// say where the built site is. IncrementalRebuilder (incremental_rebuilder.h) re-renders
// only what the changed files affect; a test can put a fake in its place.
#pragma once

#include <filesystem>
#include <vector>

#include "util/diagnostics.h"

namespace techpages::serve {

struct RebuildResult {
    bool ok = false;
    size_t pages_rendered = 0;
    double seconds = 0;
    std::vector<Diagnostic> diagnostics;  // errors when !ok; warnings either way
    std::filesystem::path site_root;      // when ok: the folder to serve from now on
};

class Rebuilder {
public:
    virtual ~Rebuilder() = default;
    // `changed` is empty for the first build. When it fails, the last good site
    // (a previous site_root) must still be there, untouched.
    virtual RebuildResult rebuild(const std::vector<std::filesystem::path>& changed) = 0;
};

}  // namespace techpages::serve
