#include "check/link_cache.h"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <system_error>
#include <vector>

#include "util/files.h"

namespace techpages {

namespace {

constexpr std::string_view kHeader = "# techpages link cache v1: url\tverdict\tstatus\tfinal_url\tchecked_at\n";

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    size_t start = 0;
    for (;;) {
        size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) return fields;
        start = tab + 1;
    }
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

bool parse_verdict(std::string_view name, LinkVerdict& out) {
    for (LinkVerdict v : {LinkVerdict::good, LinkVerdict::redirected, LinkVerdict::broken, LinkVerdict::timeout}) {
        if (verdict_name(v) == name) {
            out = v;
            return true;
        }
    }
    return false;
}

// A field may not hold what separates fields or lines.
bool storable(std::string_view s) { return s.find_first_of("\t\r\n") == std::string_view::npos; }

}  // namespace

LinkCache parse_link_cache(std::string_view text) {
    LinkCache cache;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        std::string_view line =
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        start = end == std::string_view::npos ? text.size() : end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        auto fields = split_tabs(line);
        if (fields.size() != 5 || fields[0].empty()) continue;
        LinkCacheEntry entry;
        if (!parse_verdict(fields[1], entry.verdict)) continue;
        if (!parse_number(fields[2], entry.status)) continue;
        if (!parse_number(fields[4], entry.checked_at)) continue;
        entry.final_url = std::string(fields[3]);
        cache[std::string(fields[0])] = std::move(entry);
    }
    return cache;
}

std::string format_link_cache(const LinkCache& cache) {
    std::string out(kHeader);
    for (const auto& [url, entry] : cache) {
        if (url.empty() || !storable(url) || !storable(entry.final_url)) continue;
        out += url;
        out += '\t';
        out += verdict_name(entry.verdict);
        out += '\t';
        out += std::to_string(entry.status);
        out += '\t';
        out += entry.final_url;
        out += '\t';
        out += std::to_string(entry.checked_at);
        out += '\n';
    }
    return out;
}

LinkCache read_link_cache(const std::filesystem::path& path) {
    auto text = read_file(path);
    return text ? parse_link_cache(*text) : LinkCache{};
}

bool write_link_cache(const std::filesystem::path& path, const LinkCache& cache) {
    return replace_file(path, format_link_cache(cache));
}

bool cache_entry_fresh(const LinkCacheEntry& entry, long long now, long expiry_seconds) {
    // A little slack for clocks that step backwards; an entry from the far future is not trusted.
    if (entry.checked_at > now + 300) return false;
    return now - entry.checked_at < expiry_seconds;
}

}  // namespace techpages
