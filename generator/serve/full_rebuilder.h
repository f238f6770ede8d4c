// Rebuilds the whole site on every change, each time into a new folder, so the site
// being served is never the one being written. Old folders are removed in the
// background, off the path from save to reload.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "build.h"
#include "serve/rebuilder.h"

namespace techpages::serve {

class FullRebuilder : public Rebuilder {
public:
    // `options.out_dir` is ignored: builds go to work_dir/site-1, site-2 …
    FullRebuilder(BuildOptions options, std::filesystem::path work_dir);
    ~FullRebuilder() override;
    RebuildResult rebuild(const std::vector<std::filesystem::path>& changed) override;

private:
    BuildOptions options_;
    std::filesystem::path work_dir_;
    unsigned builds_ = 0;
    std::filesystem::path served_;    // the last good build
    std::filesystem::path previous_;  // the one before: requests may still be reading it

    // Older folders are removed by a thread of their own: deleting ten thousand pages can
    // take longer than building them, and nobody should wait for it.
    void remove_later(std::filesystem::path folder);
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::filesystem::path> to_remove_;
    bool finishing_ = false;
    std::thread cleaner_;
};

}  // namespace techpages::serve
