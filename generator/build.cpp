#include "build.h"

#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "incremental/site_builder.h"
#include "model/load_site.h"
#include "util/files.h"
#include "util/text.h"
#include "write/codeowners.h"

namespace techpages {

namespace fs = std::filesystem;

fs::path default_cache_dir(const fs::path& content_dir) {
    std::error_code ec;
    return fs::absolute(content_dir, ec).lexically_normal().parent_path() / ".techpages-cache";
}

fs::path find_theme_dir(const fs::path& content_dir, const std::string& name) {
    std::error_code ec;
    fs::path beside = fs::absolute(content_dir, ec).lexically_normal().parent_path() / "themes" / name;
    if (fs::is_directory(beside, ec)) return beside;
    return fs::path(TECHPAGES_BUILTIN_THEMES_DIR) / name;
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& out) {
    for (const auto& d : diagnostics.sorted()) out << format_diagnostic(d) << '\n';
}

namespace {

// Every visual theme techpages can find for this content folder.
std::vector<std::string> available_themes(const fs::path& content_dir) {
    std::vector<std::string> names;
    std::error_code ec;
    fs::path beside = fs::absolute(content_dir, ec).lexically_normal().parent_path() / "themes";
    for (const fs::path& dir : {beside, fs::path(TECHPAGES_BUILTIN_THEMES_DIR)})
        for (const auto& e : sorted_entries(dir))
            if (fs::is_directory(e.path() / "templates", ec)) names.push_back(e.path().filename().string());
    return names;
}

}  // namespace

bool check_theme(const std::string& name, bool from_option, const SiteConfig& config, const fs::path& content_dir,
                 Diagnostics& diagnostics) {
    std::error_code ec;
    if (fs::is_directory(find_theme_dir(content_dir, name) / "templates", ec)) return true;
    std::string suggestion = closest_match(name, available_themes(content_dir));
    std::string hint = suggestion.empty() ? "the themes are folders under themes/: " + join(available_themes(content_dir), ", ")
                                          : "did you mean '" + suggestion + "'?";
    if (from_option)
        diagnostics.error("--theme", {1, 1}, "'" + name + "' is not a visual theme", hint);
    else
        diagnostics.error("site.toml", config.theme_pos, "'" + name + "' is not a visual theme", hint);
    return false;
}

bool check_site(const fs::path& content_dir, Diagnostics& diagnostics) {
    // Everything a build does (drafts too, so they are ready when published), but nothing
    // is written: broken links are found without touching the site.
    BuildOptions options;
    options.content_dir = content_dir;
    options.include_drafts = true;
    options.write_output = false;
    build_site(options, diagnostics);
    return !diagnostics.has_errors();
}

bool write_codeowners(const fs::path& content_dir, bool write, std::ostream& out, Diagnostics& diagnostics) {
    LoadOptions load;
    load.content_dir = content_dir;
    load.include_drafts = true;
    Site site = load_site(load, diagnostics);
    if (diagnostics.has_errors()) return false;
    std::error_code ec;
    std::string text = codeowners_text(site, fs::absolute(content_dir, ec).lexically_normal().filename().string());
    if (!write) {
        out << text;
        return true;
    }
    fs::path path = codeowners_path(content_dir);
    if (!write_file(path, text)) {
        diagnostics.error(path.string(), {}, "cannot write CODEOWNERS", "check that the .github folder is writable");
        return false;
    }
    out << "Wrote " << path.string() << "\n";
    return true;
}

BuildResult build_site(const BuildOptions& options, Diagnostics& diagnostics) {
    return SiteBuilder(options).build(diagnostics);
}

}  // namespace techpages
