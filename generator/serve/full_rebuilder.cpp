#include "serve/full_rebuilder.h"

#include <chrono>

namespace techpages::serve {

namespace fs = std::filesystem;

FullRebuilder::FullRebuilder(BuildOptions options, fs::path work_dir)
    : options_(std::move(options)), work_dir_(std::move(work_dir)) {}

FullRebuilder::~FullRebuilder() {
    if (cleaner_.joinable()) cleaner_.join();
}

RebuildResult FullRebuilder::rebuild(const std::vector<fs::path>&) {
    if (cleaner_.joinable()) cleaner_.join();
    auto started = std::chrono::steady_clock::now();
    BuildOptions options = options_;
    options.out_dir = work_dir_ / ("site-" + std::to_string(++builds_));
    Diagnostics diagnostics;
    BuildResult built = build_site(options, diagnostics);
    RebuildResult result;
    result.ok = built.ok;
    result.pages_rendered = built.pages;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.diagnostics = diagnostics.sorted();
    if (!built.ok) return result;
    result.site_root = options.out_dir;
    fs::path retired = previous_;
    previous_ = served_;
    served_ = options.out_dir;
    if (!retired.empty()) cleaner_ = std::thread([retired] {
        std::error_code ec;
        fs::remove_all(retired, ec);
    });
    return result;
}

}  // namespace techpages::serve
