// What the build reads, and whether it changed: every file under the content folder and
// the visual theme, with its size, modification time and content hash. Like git's index,
// a file whose size and time are unchanged is taken as unchanged without reading it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "util/hash.h"

namespace techpages {

struct FileStamp {
    int64_t size = -1;
    int64_t mtime_ns = 0;
    Digest hash;  // SHA-256 of its bytes; not known() until read
    bool same_stat(const FileStamp& other) const { return size == other.size && mtime_ns == other.mtime_ns; }
};

// Keyed by path: content files relative to the content folder ("institutions/x/institution.md"),
// the visual theme's files (its own folder's and those of the themes it extends) as
// "theme:" + absolute path.
using InputFiles = std::map<std::string, FileStamp>;

constexpr const char* visual_theme_prefix = "theme:";

// Size and time of every file (hash not known yet).
InputFiles stat_inputs(const std::filesystem::path& content_dir, const std::vector<std::filesystem::path>& visual_theme_dirs);
// One file's size and time; size -1 when it is missing.
FileStamp stat_file(const std::filesystem::path& path);
// Fills in each hash not yet known: from `previous` when size and time match, else by
// reading the file.
// Returns how many files were read.
size_t hash_inputs(InputFiles& files, const InputFiles& previous, const std::filesystem::path& content_dir,
                   unsigned threads);
// The file on disk that an InputFiles key names.
std::filesystem::path input_path(const std::string& key, const std::filesystem::path& content_dir);
// Same paths and same hashes.
bool same_inputs(const InputFiles& a, const InputFiles& b);

}  // namespace techpages
