// Rebuilds the whole site on every change, into two folders used in turn, so the
// site being served is never the one being written.
#pragma once

#include "build.h"
#include "serve/rebuilder.h"

namespace techpages::serve {

class FullRebuilder : public Rebuilder {
public:
    // `options.out_dir` is ignored: builds go to work_dir/a and work_dir/b.
    FullRebuilder(BuildOptions options, std::filesystem::path work_dir);
    RebuildResult rebuild(const std::vector<std::filesystem::path>& changed) override;

private:
    BuildOptions options_;
    std::filesystem::path work_dir_;
    int served_ = -1;  // 0: a, 1: b, -1: nothing built yet
};

}  // namespace techpages::serve
