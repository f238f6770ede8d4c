// Rebuilds only what a change affects (incremental/site_builder.h), in place, in one
// folder that is served throughout: each changed page is replaced atomically, so a
// request sees the old page or the new one, never half of either. A change with an
// error in it stops before anything is written, so the last good page stays.
#pragma once

#include "incremental/site_builder.h"
#include "serve/rebuilder.h"

namespace techpages::serve {

class IncrementalRebuilder : public Rebuilder {
public:
    // `options.out_dir` is ignored: the site is built in work_dir/site.
    IncrementalRebuilder(BuildOptions options, const std::filesystem::path& work_dir);
    RebuildResult rebuild(const std::vector<std::filesystem::path>& changed) override;

private:
    std::filesystem::path site_root_;
    SiteBuilder builder_;
    bool built_ = false;
};

}  // namespace techpages::serve
