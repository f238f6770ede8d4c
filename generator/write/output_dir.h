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
    bool committed_ = false;
};

// Removes the staging folders that builds killed half-way left beside `out_dir`
// (begin() does this too).
void remove_abandoned_staging(const std::filesystem::path& out_dir);
// Removes the folders in `parent` named `prefix` followed by the id of a process that no
// longer exists: what builds (and previews) that were killed left behind.
void remove_abandoned_staging(const std::filesystem::path& parent, const std::string& prefix);

// Refuses output folders that would overwrite content or the system:
// "/", the content folder, a folder inside it, or one of its parents.
bool output_dir_is_safe(const std::filesystem::path& out, const std::filesystem::path& content, Diagnostics& diagnostics);

}  // namespace techpages
