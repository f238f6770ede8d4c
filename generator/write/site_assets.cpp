#include "write/site_assets.h"

#include <cctype>
#include <map>

#include "render/urls.h"
#include "util/files.h"
#include "media/media_check.h"
#include "util/text.h"

namespace techpages {

std::set<std::string> photos_of(const Site& site) {
    std::set<std::string> files;
    for (const auto& use : media_uses(site)) files.insert(use.file);
    return files;
}

namespace {

// A rebuild in place need not copy again what it copied last time.
bool already_there(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    auto to_size = fs::file_size(to, ec);
    if (ec || to_size != fs::file_size(from, ec) || ec) return false;
    auto to_time = fs::last_write_time(to, ec);
    return !ec && to_time >= fs::last_write_time(from, ec) && !ec;
}

bool copy_into(const fs::path& from, const fs::path& to, Diagnostics& diagnostics, const std::string& shown) {
    if (already_there(from, to)) return true;
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) diagnostics.error(shown, {}, "cannot copy this file into the site (" + ec.message() + ")", "check that it is readable");
    return !ec;
}

}  // namespace

size_t copy_assets(const Site& site, const fs::path& content, const VisualTheme& visual_theme, const fs::path& out,
                   Diagnostics& diagnostics) {
    size_t copied = 0;
    for (const auto& [rel, file] : visual_theme.assets()) copied += copy_into(file, out / "assets" / rel, diagnostics, file.string());
    for (const auto& rel : site.static_files)
        copied += copy_into(content / rel, out / rel.substr(std::string("static/").size()), diagnostics, rel);
    return copied;
}

namespace {

// A name the build gives a version of `photo`: "<folder>/<stem>-<width>.jpg" or ".webp" (lower case).
bool is_photo_version(const std::string& file, const std::string& photo) {
    std::string stem = to_lower(picture_stem(photo)) + "-";
    if (file.rfind(stem, 0) != 0) return false;
    std::string rest = file.substr(stem.size());
    size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
    if (digits == 0) return false;
    for (const char* format : picture_formats)
        if (rest.substr(digits) == format) return true;
    return false;
}

// What the build makes at each site path (lower case): said in the message.
std::map<std::string, std::string> files_made(const Site& site, const VisualTheme& visual_theme,
                                              const std::vector<std::string>& page_files,
                                              const std::vector<std::string>& generated) {
    std::map<std::string, std::string> made;
    for (const auto& f : page_files) made.emplace(to_lower(f), "the page the build makes at " + f);
    for (const auto& f : generated) made.emplace(to_lower(f), "the file the build makes at " + f);
    for (const auto& asset : visual_theme.assets()) made.emplace(to_lower("assets/" + asset.first), "the theme's assets/" + asset.first);
    return made;
}

// What publishing `file` (a lower-case site path) would do wrong, or "" when nothing.
std::string collision(const std::string& file, const std::map<std::string, std::string>& made,
                      const std::set<std::string>& photos) {
    if (auto it = made.find(file); it != made.end()) return "replace " + it->second;
    if (auto it = made.lower_bound(file + "/"); it != made.end() && it->first.rfind(file + "/", 0) == 0)
        return "stand where the build needs a folder (for " + it->second + ")";
    for (size_t slash = file.find('/'); slash != std::string::npos; slash = file.find('/', slash + 1))
        if (auto it = made.find(file.substr(0, slash)); it != made.end()) return "be inside " + it->second + ", which is a file";
    for (const auto& photo : photos)
        if (is_photo_version(file, photo)) return "replace a version the build makes of the photo " + photo;
    return {};
}

}  // namespace

bool check_static_files(const Site& site, const VisualTheme& visual_theme, const std::vector<std::string>& page_files,
                        const std::vector<std::string>& generated, Diagnostics& diagnostics) {
    if (site.static_files.empty()) return true;
    auto made = files_made(site, visual_theme, page_files, generated);
    std::set<std::string> photos = photos_of(site);
    bool ok = true;
    for (const auto& rel : site.static_files) {
        std::string published = rel.substr(std::string("static/").size());
        std::string why = collision(to_lower(published), made, photos);
        if (why.empty()) continue;
        diagnostics.error(rel, {1, 1}, "this file would be published at " + published + " and " + why,
                          "rename it, or move it into a folder of static/ the build does not use");
        ok = false;
    }
    return ok;
}

std::set<std::string> published_files(const Site& site, const VisualTheme& visual_theme, const ImageIndex* images,
                                      const std::vector<std::string>& generated) {
    std::set<std::string> files(generated.begin(), generated.end());
    for (const auto& asset : visual_theme.assets()) files.insert("assets/" + asset.first);
    for (const auto& f : site.static_files) files.insert(f.substr(std::string("static/").size()));
    if (!images) {
        for (const auto& f : photos_of(site)) files.insert(f);  // unprocessed, pages link the originals
        return files;
    }
    for (const auto& [original, image] : *images)
        for (const auto& v : image.variants) {
            files.insert(v.jpeg);
            files.insert(v.webp);
        }
    return files;
}

}  // namespace techpages
