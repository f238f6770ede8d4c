// Checks the pictures contributors name: what they are, their size in pixels, their names.
#include "media/media_check.h"

#include <algorithm>
#include <climits>
#include <map>
#include <mutex>

#include "load/content_tree.h"
#include "util/files.h"
#include "util/hash.h"
#include "util/parallel.h"

namespace techpages {

namespace fs = std::filesystem;

namespace {

// A file name may have this many bytes (ext4, XFS, APFS, NTFS all agree).
constexpr size_t max_name_bytes = 255;
// Room for the staging folder's name beside the output (".site.staging-<pid>").
constexpr size_t staging_allowance = 40;
// Change this when what the cache entry holds changes.
constexpr const char* header_recipe = "media-header-v1";

std::string longest_suffix() {
    std::string longest;
    for (const char* format : picture_formats) {
        std::string s = picture_version("", picture_widths[std::size(picture_widths) - 1], format);
        if (s.size() > longest.size()) longest = s;
    }
    return longest;
}

void report(Diagnostics& diagnostics, const MediaUse& use, const std::string& problem, const std::string& remedy) {
    diagnostics.error(use.named_in, use.pos, problem, remedy);
}

// Names whose versions would not fit the file system, or would be another picture's versions.
void check_names(const std::vector<MediaUse>& uses, const MediaCheckOptions& o, Diagnostics& diagnostics) {
    std::error_code ec;
    size_t out_length = fs::absolute(o.out_dir, ec).lexically_normal().string().size() + staging_allowance;
    std::string suffix = longest_suffix();
    std::map<std::string, const MediaUse*> by_stem;
    for (const auto& use : uses) {
        std::string name = fs::path(use.file).filename().string();
        std::string longest = fs::path(picture_stem(use.file)).filename().string() + suffix;
        if (longest.size() > max_name_bytes) {
            report(diagnostics, use,
                   "the name '" + name.substr(0, 40) + "…' is too long: its published versions (named like '…" + suffix +
                       "') would have " + std::to_string(longest.size()) + " bytes, over the " +
                       std::to_string(max_name_bytes) + " a file name may have",
                   "rename the file to something short, such as the person's name, and write that name here");
            continue;
        }
        if (out_length + 1 + picture_stem(use.file).size() + suffix.size() >= PATH_MAX) {
            report(diagnostics, use, "the folders and name of '" + name + "' make its published versions' path longer than the system allows",
                   "use a shorter file name, or build into an output folder with a shorter path");
            continue;
        }
        auto [it, added] = by_stem.emplace(picture_stem(use.file), &use);
        if (!added && it->second->file != use.file)
            report(diagnostics, use,
                   "'" + name + "' would be published under the same names as '" +
                       fs::path(it->second->file).filename().string() + "' (named in " + it->second->named_in + " line " +
                       std::to_string(it->second->pos.line) + "), so one would replace the other",
                   "rename one of the two files so their names differ before the extension, and write the new name in its field");
    }
}

Digest content_hash(const std::string& file, const MediaCheckOptions& o) {
    if (Digest known = o.known_hash ? o.known_hash(file) : Digest{}; known.known()) return known;
    return hash_file(o.content_dir / file);
}

// The header of one file: remembered, cached on disk, or read.
MediaHeader header_of(const std::string& file, const Digest& hash, const MediaCheckOptions& o) {
    fs::path entry = o.cache_dir / (to_hex(Hasher().add(header_recipe).add(hash).value()) + ".header");
    MediaHeader h;
    if (!hash.known()) return inspect_media(o.content_dir / file);  // unreadable: say why
    if (auto line = read_file(entry); line && parse_media_header_line(*line, h)) return within_limits(h);
    h = inspect_media(o.content_dir / file);
    if (h.ok()) {
        std::error_code ec;
        fs::create_directories(o.cache_dir, ec);
        replace_file(entry, media_header_line(h));
    }
    return h;
}

}  // namespace

std::string picture_stem(const std::string& file) {
    fs::path p(file);
    return (p.parent_path() / p.stem()).generic_string();
}

std::string picture_version(const std::string& file, int width, const char* format) {
    return picture_stem(file) + "-" + std::to_string(width) + format;
}

std::vector<MediaUse> media_uses(const Site& site) {
    std::vector<MediaUse> uses;
    auto add = [&](const Origin& origin, const std::string& name, const char* field, SourcePos pos) {
        if (!name.empty()) uses.push_back({site_path::asset_beside(origin.path, name), origin.path, field, pos});
    };
    for (const auto& i : site.institutions) add(i.origin, i.logo, "logo", i.logo_pos);
    for (const auto& p : site.profiles) add(p.origin, p.photo, "photo", p.photo_pos);
    for (const auto& c : site.case_studies) add(c.origin, c.image, "image", c.image_pos);
    std::sort(uses.begin(), uses.end(), [](const MediaUse& a, const MediaUse& b) {
        return a.named_in != b.named_in ? a.named_in < b.named_in : a.pos.line < b.pos.line;
    });
    return uses;
}

void check_media(const Site& site, const MediaCheckOptions& o, MediaHeaders& memo, Diagnostics& diagnostics) {
    std::vector<MediaUse> uses = media_uses(site);
    if (uses.empty()) return;
    check_names(uses, o, diagnostics);
    std::vector<std::string> files;
    for (const auto& use : uses) files.push_back(use.file);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    std::vector<MediaHeader> headers(files.size());
    std::mutex memo_mutex;
    parallel_for(files.size(), o.threads, [&](unsigned, size_t i) {
        Digest hash = content_hash(files[i], o);
        {
            std::lock_guard lock(memo_mutex);
            if (auto it = memo.find(hash); hash.known() && it != memo.end()) {
                headers[i] = it->second;
                return;
            }
        }
        headers[i] = header_of(files[i], hash, o);
        std::lock_guard lock(memo_mutex);
        if (hash.known() && headers[i].ok()) memo[hash] = headers[i];
    });
    for (const auto& use : uses) {
        size_t i = static_cast<size_t>(std::lower_bound(files.begin(), files.end(), use.file) - files.begin());
        if (!headers[i].ok())
            report(diagnostics, use, "the " + use.field + " '" + fs::path(use.file).filename().string() + "' " + headers[i].problem,
                   headers[i].remedy);
    }
}

}  // namespace techpages
