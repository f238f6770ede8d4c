// The external link checker's memory between runs: one line per URL in a small TSV file
// (url, verdict, HTTP status, final URL, checked-at in epoch seconds), sorted by URL so
// the same results give the same bytes, and replaced atomically (temporary file + rename).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "check/external_links.h"

namespace techpages {

struct LinkCacheEntry {
    LinkVerdict verdict = LinkVerdict::broken;  // good, redirected, broken or timeout
    long status = 0;
    std::string final_url;
    long long checked_at = 0;  // seconds since the epoch
};

using LinkCache = std::map<std::string, LinkCacheEntry>;  // by URL

// The entries of `text`; lines that are not well formed are left out.
LinkCache parse_link_cache(std::string_view text);
// The file's text: a header line, then one line per entry in URL order.
std::string format_link_cache(const LinkCache& cache);
// An absent or unreadable file is an empty cache.
LinkCache read_link_cache(const std::filesystem::path& path);
// Writes beside `path` and renames over it; creates parent folders. False on failure.
bool write_link_cache(const std::filesystem::path& path, const LinkCache& cache);

// True when `entry` was checked less than `expiry_seconds` before `now` (and not in the future).
bool cache_entry_fresh(const LinkCacheEntry& entry, long long now, long expiry_seconds);

}  // namespace techpages
