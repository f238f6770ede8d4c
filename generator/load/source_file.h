// A content file read from disk, in the form every later stage expects:
// valid UTF-8, no byte-order mark, "\n" line endings.
#pragma once

#include <filesystem>
#include <string>

#include "util/diagnostics.h"

namespace techpages {

struct SourceFile {
    std::string path;                // relative to the content folder, for messages
    std::filesystem::path absolute;  // where it is on disk
    std::string text;
};

// Reads and normalises the file. On failure reports a located error and returns false.
bool read_source_file(const std::filesystem::path& absolute, const std::string& display_path,
                      SourceFile& out, Diagnostics& diagnostics);

// The 1-based line and column of byte `offset` in `text` (columns count characters, not bytes).
SourcePos position_of(const std::string& text, size_t offset);

}  // namespace techpages
