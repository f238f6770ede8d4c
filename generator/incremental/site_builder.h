// Builds a site, and builds it again after its content changes, doing only the work the
// change needs: files that did not change are not read again, pages whose inputs did not
// change are not rendered again, and unchanged output files are not written again.
//
//   SiteBuilder builder(options, SiteBuilder::Publish::in_place);
//   BuildResult r = builder.build(diagnostics);   // everything (or what the build cache says changed)
//   r = builder.build(diagnostics);               // after an edit: finds the changed files itself
//   r = builder.build({"content/institutions/x/profiles/y.md"}, diagnostics);  // or is told
//
// `techpages build` is one build() with Publish::staged (build_site in build.h); the live
// preview keeps one SiteBuilder and builds again on every change. The stages, in order,
// are listed in SiteBuilder::State::run (site_builder.cpp).
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

    // Builds the site, reusing what did not change: the first time, what the build cache on
    // disk says (unless options.clean); after that, what this builder built. Looks at every
    // input file's size and time, reads only the changed ones, renders only the pages that
    // depend on them. On errors, staged: nothing is published.
    BuildResult build(Diagnostics& diagnostics);
    // The same, told which files changed (added, edited or deleted; paths as the caller
    // knows them, absolute or relative to the working folder), so it need not look.
    BuildResult build(const std::vector<std::filesystem::path>& changed, Diagnostics& diagnostics);
    // Only the load and model stages: every content file read, checked and linked, with
    // every problem in `diagnostics`; nothing rendered or written (load_site in build.h).
    Site load(Diagnostics& diagnostics);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace techpages
