// Builds a site, and builds it again after its content changes, doing only the work the
// change needs: files that did not change are not read again, pages whose inputs did not
// change are not rendered again, and unchanged output files are not written again.
//
//   SiteBuilder builder(options, SiteBuilder::Publish::in_place);
//   BuildResult r = builder.build(diagnostics);   // everything (or what the build cache says changed)
//   r = builder.rebuild(diagnostics);             // after an edit: finds the changed files itself
//   r = builder.rebuild({"content/institutions/x/profiles/y.md"}, diagnostics);  // or is told
//
// `techpages build` is one build() with Publish::staged (build_site in build.h); the live
// preview keeps one SiteBuilder and calls rebuild() on every change.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "build.h"

namespace techpages {

class SiteBuilder {
public:
    enum class Publish {
        staged,    // a new output folder swapped in only when the whole build succeeded
        in_place,  // files replaced one by one in the output folder (each atomically)
    };

    explicit SiteBuilder(BuildOptions options, Publish publish = Publish::staged);
    ~SiteBuilder();
    SiteBuilder(const SiteBuilder&) = delete;
    SiteBuilder& operator=(const SiteBuilder&) = delete;

    // Builds the site, reusing what the build cache on disk says is unchanged (unless
    // options.clean). On errors, staged: nothing is published.
    BuildResult build(Diagnostics& diagnostics);
    // Builds again after changes: looks at every input file's size and time, reads only
    // the changed ones, renders only the pages that depend on them.
    BuildResult rebuild(Diagnostics& diagnostics);
    // The same, told which files changed (added, edited or deleted; paths as the caller
    // knows them, absolute or relative to the working folder), so it need not look.
    BuildResult rebuild(const std::vector<std::filesystem::path>& changed, Diagnostics& diagnostics);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace techpages
