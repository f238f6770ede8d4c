// Reading and writing whole files, and listing folders in a stable order.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace techpages {

namespace fs = std::filesystem;

// The bytes of an ordinary file; nothing for a missing file, a folder, a named pipe or a device.
std::optional<std::string> read_file(const fs::path& path);
// Creates parent folders as needed. Returns false (with errno set) on failure.
bool write_file(const fs::path& path, std::string_view contents);
// Writes beside `path` under a name no other process or thread uses, then renames it over
// `path`: a reader (another build, the preview server) sees the old file or the new one,
// never half of either. Returns false (with errno set) on failure, leaving no temporary.
bool replace_file(const fs::path& path, std::string_view contents);
// Entries of a folder sorted by name, so every run sees the same order.
std::vector<fs::directory_entry> sorted_entries(const fs::path& dir);
// True when `path`, every symbolic link on the way followed, is `root` or inside it. False for
// a link that leads nowhere (nothing to read there).
bool leads_inside(const fs::path& path, const fs::path& root);
// The symbolic links under `dir` (and `dir` itself, if it is one) that lead outside `root`:
// what a build must refuse to read. Links to folders are not followed into.
std::vector<fs::path> links_leading_outside(const fs::path& dir, const fs::path& root);
// `path` relative to `base`, with forward slashes; for messages and addresses.
std::string relative_path(const fs::path& path, const fs::path& base);

}  // namespace techpages
