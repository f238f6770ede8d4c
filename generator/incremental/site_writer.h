// Where a build's files go. Staged (techpages build): into a fresh staging folder that
// replaces the output only when the whole build succeeded; files that did not change are
// hard-linked from the previous output rather than written again. In place (the live
// preview): straight into the output folder, each file replaced atomically by a rename,
// so a browser never reads half a page.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "util/diagnostics.h"
#include "write/output_dir.h"

namespace techpages {

class SiteWriter {
public:
    SiteWriter(std::filesystem::path out_dir, bool in_place);

    bool begin(Diagnostics& diagnostics);
    // The folder files are written into now: the staging folder, or the output itself.
    const std::filesystem::path& root() const;
    // Writes a file (relative to the site's root). Thread-safe for different files.
    bool write(const std::string& file, std::string_view contents);
    // The file is the same as in the previous output: staged, it is hard-linked (or copied)
    // into the staging folder; in place, it is left as it is. False when the previous
    // output does not have it, so it must be written after all.
    bool keep(const std::string& file);
    // In place: a file the site no longer has (and its folder, if that is left empty).
    void remove(const std::string& file);
    bool commit(Diagnostics& diagnostics);

private:
    std::filesystem::path out_;
    bool in_place_;
    std::optional<StagedOutput> staged_;
};

}  // namespace techpages
