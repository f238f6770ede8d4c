#include "serve/full_rebuilder.h"

#include <chrono>

namespace techpages::serve {

namespace fs = std::filesystem;

FullRebuilder::FullRebuilder(BuildOptions options, fs::path work_dir)
    : options_(std::move(options)), work_dir_(std::move(work_dir)) {
    cleaner_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        while (true) {
            wake_.wait(lock, [&] { return finishing_ || !to_remove_.empty(); });
            if (to_remove_.empty()) return;
            fs::path folder = std::move(to_remove_.front());
            to_remove_.pop_front();
            lock.unlock();
            std::error_code ec;
            fs::remove_all(folder, ec);
            lock.lock();
        }
    });
}

FullRebuilder::~FullRebuilder() {
    {
        std::lock_guard lock(mutex_);
        finishing_ = true;
    }
    wake_.notify_all();
    cleaner_.join();
}

void FullRebuilder::remove_later(fs::path folder) {
    {
        std::lock_guard lock(mutex_);
        to_remove_.push_back(std::move(folder));
    }
    wake_.notify_all();
}

RebuildResult FullRebuilder::rebuild(const std::vector<fs::path>&) {
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
    if (!retired.empty()) remove_later(retired);
    return result;
}

}  // namespace techpages::serve
