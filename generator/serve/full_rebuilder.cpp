#include "serve/full_rebuilder.h"

#include <chrono>

namespace techpages::serve {

namespace fs = std::filesystem;

FullRebuilder::FullRebuilder(BuildOptions options, fs::path work_dir)
    : options_(std::move(options)), work_dir_(std::move(work_dir)) {}

RebuildResult FullRebuilder::rebuild(const std::vector<fs::path>&) {
    int next = served_ == 0 ? 1 : 0;
    BuildOptions options = options_;
    options.out_dir = work_dir_ / (next == 0 ? "a" : "b");
    auto started = std::chrono::steady_clock::now();
    Diagnostics diagnostics;
    BuildResult built = build_site(options, diagnostics);
    RebuildResult result;
    result.ok = built.ok;
    result.pages_rendered = built.pages;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.diagnostics = diagnostics.sorted();
    if (built.ok) {
        served_ = next;
        result.site_root = options.out_dir;
    }
    return result;
}

}  // namespace techpages::serve
