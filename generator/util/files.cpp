#include "util/files.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace techpages {

std::optional<std::string> read_file(const fs::path& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    std::string data;
    char buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, n);
    bool failed = std::ferror(f);
    std::fclose(f);
    if (failed) return std::nullopt;
    return data;
}

bool write_file(const fs::path& path, std::string_view contents) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    bool ok = std::fwrite(contents.data(), 1, contents.size(), f) == contents.size();
    ok = (std::fclose(f) == 0) && ok;
    return ok;
}

std::vector<fs::directory_entry> sorted_entries(const fs::path& dir) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    return entries;
}

std::string relative_path(const fs::path& path, const fs::path& base) {
    // Lexical, so a symbolic link is named where it sits, not where it leads.
    fs::path rel = path.lexically_normal().lexically_relative(base.lexically_normal());
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    std::error_code ec;
    rel = fs::relative(path, base, ec);
    if (ec || rel.empty()) return path.generic_string();
    return rel.generic_string();
}

}  // namespace techpages
