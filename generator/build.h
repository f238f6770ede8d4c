// The whole pipeline, in the order a newcomer reads it:
// load (load/) → model (model/) → render (render/) → write (write/) → check (check/).
// One engine runs the stages for build, serve and check: SiteBuilder::State::run in
// incremental/site_builder.cpp, a table of the stages in order (read it first); the
// functions here are the commands' entry points. Which stage may use which: cmake/stages.cmake.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "check/external_links.h"
#include "model/site_model.h"
#include "util/diagnostics.h"
#include "write/photos.h"

namespace techpages {

struct BuildOptions {
    std::filesystem::path content_dir = "content";
    std::filesystem::path out_dir = "site";
    std::string visual_theme;  // empty: the site's configured visual theme
    std::string base_url;  // empty: the site's configured base URL
    bool include_drafts = false;
    unsigned threads = 0;  // 0: one per core
    std::filesystem::path cache_dir;  // empty: .techpages-cache beside the content folder
    bool write_output = true;  // false: render and check everything, write nothing (techpages check)
    bool external_links = false;  // also ask every other site the pages link to (check --external)
    bool clean = false;        // ignore the build cache: render every page (and write a new cache)
    bool force = false;        // replace an output folder techpages did not make (see output_dir_is_safe)
};

struct BuildResult {
    bool ok = false;
    size_t pages = 0;           // pages the site has
    size_t pages_rendered = 0;  // of those, rendered by this build; the others were unchanged
    size_t files_copied = 0;
    PhotoStats photos;
    double seconds = 0;
    std::optional<ExternalSummary> external;  // with external_links: the counts for the summary
    size_t external_unique = 0;               // distinct addresses asked about
    double external_seconds = 0;
};

// Builds the site into options.out_dir. On any error nothing is published and the
// previous output stays exactly as it was; every problem is in `diagnostics`. Pages whose
// inputs did not change since the last build are not rendered again (incremental/).
BuildResult build_site(const BuildOptions& options, Diagnostics& diagnostics);

// The content read, checked and linked into a Site by the build's own load and model
// stages, nothing rendered or written (options.content_dir, include_drafts, threads).
// The Site holds whatever could be read, so one run reports every problem; never
// publish it when `diagnostics` has errors.
Site load_site(const BuildOptions& options, Diagnostics& diagnostics);

// Loads and checks the content without writing anything; with `external_links`, also
// checks every link to another site (the cache is <content>/../.techpages-cache/links.tsv).
BuildResult check_site(const std::filesystem::path& content_dir, Diagnostics& diagnostics, bool external_links = false);

// Prints (or, with `write`, writes) .github/CODEOWNERS from the institutions' reviewers.
bool write_codeowners(const std::filesystem::path& content_dir, bool write, std::ostream& out,
                      Diagnostics& diagnostics);

// Prints diagnostics sorted by file and line, one per line.
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& out);

// Where processed photos are kept between builds: <content>/../.techpages-cache.
std::filesystem::path default_cache_dir(const std::filesystem::path& content_dir);

// The visual theme must exist; said at site.toml's line, or about --theme.
bool check_visual_theme(const std::string& name, bool from_option, const SiteConfig& config,
                 const std::filesystem::path& content_dir, Diagnostics& diagnostics);

}  // namespace techpages
