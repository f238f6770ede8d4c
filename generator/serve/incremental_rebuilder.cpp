#include "serve/incremental_rebuilder.h"

#include <chrono>

namespace techpages::serve {

namespace fs = std::filesystem;

namespace {

BuildOptions in_folder(BuildOptions options, const fs::path& site_root) {
    options.out_dir = site_root;
    return options;
}

}  // namespace

IncrementalRebuilder::IncrementalRebuilder(BuildOptions options, const fs::path& work_dir)
    : site_root_(work_dir / "site"), builder_(in_folder(std::move(options), site_root_), SiteBuilder::Publish::in_place) {}

RebuildResult IncrementalRebuilder::rebuild(const std::vector<fs::path>& changed) {
    auto started = std::chrono::steady_clock::now();
    Diagnostics diagnostics;
    // Until one build has succeeded there is nothing to patch: build everything.
    BuildResult built = built_ ? builder_.build(changed, diagnostics) : builder_.build(diagnostics);
    RebuildResult result;
    result.ok = built.ok;
    result.pages_rendered = built_ ? built.pages_rendered : built.pages;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.diagnostics = diagnostics.sorted();
    if (built.ok) {
        built_ = true;
        result.site_root = site_root_;
    }
    return result;
}

}  // namespace techpages::serve
