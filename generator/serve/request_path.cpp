#include "serve/request_path.h"

#include <map>

#include "util/text.h"

namespace techpages::serve {

namespace fs = std::filesystem;

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes %XX escapes in one segment; refuses bad escapes and bytes that could
// change how the segment is read as a file name.
std::optional<std::string> decode_segment(std::string_view raw) {
    std::string out;
    for (size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '%') {
            if (i + 2 >= raw.size()) return std::nullopt;
            int hi = hex_value(raw[i + 1]), lo = hex_value(raw[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        }
        if (c == '\0' || c == '/' || c == '\\') return std::nullopt;
        out += c;
    }
    if (out == "." || out == "..") return std::nullopt;
    return out;
}

}  // namespace

std::optional<std::vector<std::string>> decode_request_path(std::string_view target) {
    target = target.substr(0, target.find_first_of("?#"));
    // Only origin-form paths: "http://host/…" (absolute-form) and "*" are not files.
    if (target.empty() || target[0] != '/') return std::nullopt;
    std::vector<std::string> segments;
    size_t start = 1;
    while (true) {
        size_t end = target.find('/', start);
        std::string_view raw = target.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        bool last = end == std::string_view::npos;
        // "//" inside a path would make the rest look absolute to some code; refuse it.
        if (raw.empty() && !last) return std::nullopt;
        auto segment = decode_segment(raw);
        if (!segment) return std::nullopt;
        segments.push_back(std::move(*segment));
        if (last) break;
        start = end + 1;
    }
    return segments;
}

ResolvedPath resolve_request_path(std::string_view target, const fs::path& root) {
    ResolvedPath result;
    auto segments = decode_request_path(target);
    if (!segments) return result;
    fs::path file = root;
    for (const auto& s : *segments)
        if (!s.empty()) file /= fs::path(s);  // segments hold no '/', so each stays one level down

    // Symbolic links inside the site must not lead out of it either.
    std::error_code ec;
    fs::path real_root = fs::canonical(root, ec);
    if (ec) return result;
    fs::path real = fs::weakly_canonical(file, ec);
    if (ec) return result;
    auto r = real_root.begin();
    auto f = real.begin();
    for (; r != real_root.end(); ++r, ++f)
        if (f == real.end() || *f != *r) return result;

    if (fs::is_directory(real, ec)) {
        if (!segments->back().empty()) {
            std::string path(target.substr(0, target.find_first_of("?#")));
            result.kind = ResolvedPath::Kind::add_slash;
            result.location = path + "/";
            return result;
        }
        real /= "index.html";
    }
    if (!fs::is_regular_file(real, ec)) return result;
    result.kind = ResolvedPath::Kind::file;
    result.file = real;
    return result;
}

std::string content_type_for(const fs::path& file) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},   {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json"},           {".xml", "application/xml"},
        {".atom", "application/atom+xml"},       {".rss", "application/rss+xml"},
        {".svg", "image/svg+xml"},               {".png", "image/png"},
        {".jpg", "image/jpeg"},                  {".jpeg", "image/jpeg"},
        {".webp", "image/webp"},                 {".avif", "image/avif"},
        {".gif", "image/gif"},                   {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},   {".csv", "text/csv; charset=utf-8"},
        {".pdf", "application/pdf"},             {".woff2", "font/woff2"},
        {".woff", "font/woff"},                  {".webmanifest", "application/manifest+json"},
    };
    auto it = types.find(to_lower(file.extension().string()));
    return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace techpages::serve
