#include "build.h"

#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "incremental/site_builder.h"
#include "render/visual_theme.h"
#include "util/files.h"
#include "write/codeowners.h"

namespace techpages {

namespace fs = std::filesystem;

fs::path default_cache_dir(const fs::path& content_dir) {
    std::error_code ec;
    return fs::absolute(content_dir, ec).lexically_normal().parent_path() / ".techpages-cache";
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& out) {
    for (const auto& d : diagnostics.sorted()) out << format_diagnostic(d) << '\n';
}

bool check_visual_theme(const std::string& name, bool from_option, const SiteConfig& config, const fs::path& content_dir,
                 Diagnostics& diagnostics) {
    if (is_visual_theme_dir(find_visual_theme_dir(content_dir, name))) return true;
    std::string hint = unknown_visual_theme_hint(content_dir, name);
    if (from_option)
        diagnostics.error("--theme", {1, 1}, "'" + name + "' is not a visual theme", hint);
    else
        diagnostics.error("site.toml", config.visual_theme_pos, "'" + name + "' is not a visual theme", hint);
    return false;
}

BuildResult check_site(const fs::path& content_dir, Diagnostics& diagnostics, bool external_links) {
    // Everything a build does (drafts too, so they are ready when published), but nothing
    // is written: broken links are found without touching the site.
    BuildOptions options;
    options.content_dir = content_dir;
    options.include_drafts = true;
    options.write_output = false;
    options.external_links = external_links;
    BuildResult result = build_site(options, diagnostics);
    result.ok = !diagnostics.has_errors();
    return result;
}

bool write_codeowners(const fs::path& content_dir, bool write, std::ostream& out, Diagnostics& diagnostics) {
    BuildOptions load;
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

Site load_site(const BuildOptions& options, Diagnostics& diagnostics) {
    BuildOptions load = options;
    load.write_output = false;
    return SiteBuilder(load).load(diagnostics);
}

BuildResult build_site(const BuildOptions& options, Diagnostics& diagnostics) {
    return SiteBuilder(options).build(diagnostics);
}

}  // namespace techpages
