// Reading and writing whole files, and listing folders in a stable order.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace techpages {

namespace fs = std::filesystem;

std::optional<std::string> read_file(const fs::path& path);
// Creates parent folders as needed. Returns false (with errno set) on failure.
bool write_file(const fs::path& path, std::string_view contents);
// Writes beside `path` under a name no other process or thread uses, then renames it over
// `path`: a reader (another build, the preview server) sees the old file or the new one,
// never half of either. Returns false (with errno set) on failure, leaving no temporary.
bool replace_file(const fs::path& path, std::string_view contents);
// Entries of a folder sorted by name, so every run sees the same order.
std::vector<fs::directory_entry> sorted_entries(const fs::path& dir);
// `path` relative to `base`, with forward slashes; for messages and addresses.
std::string relative_path(const fs::path& path, const fs::path& base);

}  // namespace techpages
