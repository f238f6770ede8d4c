// Turns the path of an HTTP request into a file inside the served site folder,
// or refuses it. Nothing outside the site can ever be named: `..` and `.` segments,
// their percent-encoded forms, encoded slashes and backslashes, NUL bytes and
// malformed escapes are all refused rather than cleaned up.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace techpages::serve {

// The request target's path as segments, decoded; nullopt when it must be refused.
// `target` is the raw request target ("/a/b%20c/?q=1"); the query and fragment are ignored.
// An empty last segment means the path ended with "/".
std::optional<std::vector<std::string>> decode_request_path(std::string_view target);

// What a request for `target` should get from the site in `root`.
struct ResolvedPath {
    enum class Kind { file, add_slash, not_found } kind = Kind::not_found;
    std::filesystem::path file;  // Kind::file: the file to send
    std::string location;        // Kind::add_slash: the same path ending in "/" (a folder)
};
ResolvedPath resolve_request_path(std::string_view target, const std::filesystem::path& root);

// The Content-Type for a file name, by its extension.
std::string content_type_for(const std::filesystem::path& file);

}  // namespace techpages::serve
