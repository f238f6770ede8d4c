#include "write/site_assets.h"

#include "render/urls.h"
#include "util/files.h"
#include "media/media_check.h"

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

size_t copy_assets(const Site& site, const fs::path& content, const VisualTheme& theme, const fs::path& out,
                   Diagnostics& diagnostics) {
    size_t copied = 0;
    for (const auto& [rel, file] : theme.assets()) copied += copy_into(file, out / "assets" / rel, diagnostics, file.string());
    for (const auto& rel : site.static_files)
        copied += copy_into(content / rel, out / rel.substr(std::string("static/").size()), diagnostics, rel);
    return copied;
}

std::set<std::string> published_files(const Site& site, const VisualTheme& theme, const ImageIndex* images,
                                      const std::vector<std::string>& generated) {
    std::set<std::string> files(generated.begin(), generated.end());
    for (const auto& asset : theme.assets()) files.insert("assets/" + asset.first);
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
