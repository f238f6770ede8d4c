// Publishes a build atomically: everything is written into a staging folder beside
// the output, which replaces the output only once the whole build has succeeded.
#pragma once

#include <filesystem>
#include <string>

#include "util/diagnostics.h"

namespace techpages {

class StagedOutput {
public:
    explicit StagedOutput(std::filesystem::path out_dir);
    ~StagedOutput();  // removes the staging folder if commit() never ran

    // Creates a fresh staging folder; reports and returns false when it cannot.
    bool begin(Diagnostics& diagnostics);
    const std::filesystem::path& staging() const { return staging_; }
    // Swaps the staging folder in place of the output folder.
    bool commit(Diagnostics& diagnostics);

private:
    std::filesystem::path out_;
    std::filesystem::path staging_;
    bool made_staging_ = false;  // begin() made it: only then may it be removed
    bool committed_ = false;
};

// Removes the staging folders that builds killed half-way left beside `out_dir`
// (begin() does this too).
void remove_abandoned_staging(const std::filesystem::path& out_dir);
// Removes the folders in `parent` named `prefix` followed by the id of a process that no
// longer exists: what builds (and previews) that were killed left behind. Only folders
// techpages made (marked, or empty) are removed; a folder of that name that someone else
// made is left alone.
void remove_abandoned_staging(const std::filesystem::path& parent, const std::string& prefix);

// The file every output folder techpages makes holds (".techpages-site"): a build replaces
// only a folder that has it, an empty one, or none at all.
inline constexpr const char* output_marker = ".techpages-site";
// Writes the marker into `dir`, which exists. False when it cannot.
bool mark_as_output(const std::filesystem::path& dir);
// A real folder (not a link to one) holding the marker techpages writes.
bool is_marked_output(const std::filesystem::path& dir);

// Refuses output folders that would overwrite content or the system: "/", the content
// folder, a folder inside it, or one of its parents; a file or a symbolic link; and a
// folder with files in it that techpages did not make (unless `force`: then it is replaced).
bool output_dir_is_safe(const std::filesystem::path& out, const std::filesystem::path& content, bool force,
                        Diagnostics& diagnostics);

}  // namespace techpages
