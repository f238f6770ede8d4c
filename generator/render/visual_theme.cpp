#include "render/visual_theme.h"

#include <algorithm>
#include <set>

#include "load/toml_reader.h"
#include "util/files.h"
#include "util/text.h"

namespace techpages {

namespace fs = std::filesystem;

fs::path find_visual_theme_dir(const fs::path& content_dir, const std::string& name) {
    std::error_code ec;
    fs::path beside = fs::absolute(content_dir, ec).lexically_normal().parent_path() / "themes" / name;
    if (is_visual_theme_dir(beside)) return beside;
    return fs::path(TECHPAGES_BUILTIN_THEMES_DIR) / name;
}

bool is_visual_theme_dir(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir / "templates", ec) || fs::is_regular_file(dir / "theme.toml", ec);
}

std::vector<std::string> available_visual_themes(const fs::path& content_dir) {
    std::set<std::string> names;
    std::error_code ec;
    fs::path beside = fs::absolute(content_dir, ec).lexically_normal().parent_path() / "themes";
    for (const fs::path& dir : {beside, fs::path(TECHPAGES_BUILTIN_THEMES_DIR)})
        for (const auto& e : sorted_entries(dir))
            if (is_visual_theme_dir(e.path())) names.insert(e.path().filename().string());
    return {names.begin(), names.end()};
}

std::string unknown_visual_theme_hint(const fs::path& content_dir, const std::string& name) {
    std::vector<std::string> names = available_visual_themes(content_dir);
    std::string suggestion = closest_match(name, names);
    return suggestion.empty() ? "the themes are folders under themes/: " + join(names, ", ")
                              : "did you mean '" + suggestion + "'?";
}

std::map<std::string, fs::path> VisualTheme::assets() const {
    std::map<std::string, fs::path> files;
    std::error_code ec;
    for (auto dir = dirs.rbegin(); dir != dirs.rend(); ++dir) {  // root first, so children replace
        fs::path assets_dir = *dir / "assets";
        if (!fs::is_directory(assets_dir, ec)) continue;
        if (fs::is_symlink(fs::symlink_status(assets_dir, ec)) && !leads_inside(assets_dir, dir->parent_path())) continue;
        for (fs::recursive_directory_iterator it(assets_dir, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file() && (!it->is_symlink() || leads_inside(it->path(), dir->parent_path())))
                files[relative_path(it->path(), assets_dir)] = it->path();
    }
    return files;
}

namespace {

// A theme's files are read only from its folder of themes (themes/ beside the content, or the
// built-in one): a link in it that leads elsewhere (to /etc/passwd, to the CI runner's
// environment) is an error, and none of its bytes reach the site (see also assets()).
bool links_stay_inside(const fs::path& dir, Diagnostics& diagnostics) {
    fs::path root = dir.parent_path();
    std::error_code ec;
    std::vector<fs::path> links;
    if (fs::is_symlink(fs::symlink_status(dir, ec)) && !leads_inside(dir, root)) links.push_back(dir);
    else
        for (const char* part : {"theme.toml", "templates", "assets"})
            for (auto& link : links_leading_outside(dir / part, root)) links.push_back(std::move(link));
    for (const auto& link : links) {
        fs::path target = fs::read_symlink(link, ec);
        diagnostics.error(link.string(), {}, "this is a symbolic link to '" + target.string() + "', outside " + root.string() +
                                                 "/, and a theme's files are read only from there",
                          "replace the link with the file itself");
    }
    return links.empty();
}

struct VisualThemeSettings {
    std::string extends;
    SourcePos extends_pos;
    std::optional<std::vector<std::string>> stylesheets;
};

// theme.toml: `extends = "name"`, `stylesheets = ["file.css", …]` (under the theme's
// assets/), and free-text `description`. Missing file: no settings.
std::optional<VisualThemeSettings> read_settings(const fs::path& dir, Diagnostics& diagnostics) {
    VisualThemeSettings settings;
    fs::path file = dir / "theme.toml";
    std::error_code ec;
    if (!fs::exists(file, ec)) return settings;
    auto text = read_file(file);
    std::string shown = file.string();
    if (!text) {
        diagnostics.error(shown, {1, 1}, "cannot read this file", "check that it is readable");
        return std::nullopt;
    }
    auto table = parse_toml(*text, shown, 1, diagnostics);
    if (!table) return std::nullopt;
    bool ok = true;
    for (const auto& [key, node] : *table) {
        SourcePos pos = node_position(node, 1);
        std::string k(key.str());
        if (k == "extends") {
            if (auto s = node.value<std::string>(); s && !s->empty()) {
                settings.extends = *s;
                settings.extends_pos = pos;
            } else {
                diagnostics.error(shown, pos, "extends must name a theme", "write extends = \"default\"");
                ok = false;
            }
        } else if (k == "stylesheets") {
            std::vector<std::string> files;
            const toml::array* list = node.as_array();
            for (size_t i = 0; list && i < list->size(); ++i) {
                auto s = (*list)[i].value<std::string>();
                if (!s || s->empty() || s->find("..") != std::string::npos || s->front() == '/') {
                    list = nullptr;
                    break;
                }
                files.push_back(*s);
            }
            if (!list) {
                diagnostics.error(shown, pos, "stylesheets must be a list of files in the theme's assets/ folder",
                                  "write stylesheets = [\"my-theme.css\"]");
                ok = false;
            } else {
                settings.stylesheets = files;
            }
        } else if (k != "description") {
            diagnostics.error(shown, pos, "'" + k + "' is not a theme setting",
                              "theme.toml may set extends, stylesheets and description");
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return settings;
}

}  // namespace

std::optional<VisualTheme> load_visual_theme(const fs::path& content_dir, const std::string& name,
                                             Diagnostics& diagnostics) {
    VisualTheme visual_theme;
    visual_theme.name = name;
    std::vector<std::string> names{name};
    std::vector<std::vector<std::string>> own_stylesheets;
    fs::path dir = find_visual_theme_dir(content_dir, name);
    std::error_code ec;
    bool ok = true;
    while (true) {
        visual_theme.dirs.push_back(dir);
        if (!links_stay_inside(dir, diagnostics)) return std::nullopt;
        auto settings = read_settings(dir, diagnostics);
        if (!settings) return std::nullopt;
        std::vector<std::string> sheets;
        if (settings->stylesheets) {
            sheets = *settings->stylesheets;
            for (const auto& s : sheets)
                if (!fs::is_regular_file(dir / "assets" / s, ec)) {
                    ok = false;
                    diagnostics.error((dir / "theme.toml").string(), {1, 1},
                                      "the stylesheet '" + s + "' is not in " + (dir / "assets").string(),
                                      "add the file, or take it out of stylesheets");
                }
        } else if (fs::is_regular_file(dir / "assets" / "style.css", ec)) {
            sheets.push_back("style.css");
        }
        own_stylesheets.push_back(sheets);
        if (settings->extends.empty()) break;
        const std::string& parent = settings->extends;
        std::string shown = (dir / "theme.toml").string();
        if (std::find(names.begin(), names.end(), parent) != names.end()) {
            names.push_back(parent);
            diagnostics.error(shown, settings->extends_pos,
                              parent == names[names.size() - 2]
                                  ? "the theme '" + parent + "' extends itself"
                                  : "themes extend each other in a circle: " + join(names, " → "),
                              "a theme extends one other theme, whose chain ends at a theme without extends (such as default)");
            return std::nullopt;
        }
        fs::path parent_dir = find_visual_theme_dir(content_dir, parent);
        if (!is_visual_theme_dir(parent_dir)) {
            diagnostics.error(shown, settings->extends_pos, "'" + parent + "' is not a visual theme",
                              unknown_visual_theme_hint(content_dir, parent));
            return std::nullopt;
        }
        names.push_back(parent);
        dir = parent_dir;
    }
    if (!ok) return std::nullopt;
    for (auto it = own_stylesheets.rbegin(); it != own_stylesheets.rend(); ++it)
        for (const auto& s : *it)
            if (std::find(visual_theme.stylesheets.begin(), visual_theme.stylesheets.end(), s) == visual_theme.stylesheets.end())
                visual_theme.stylesheets.push_back(s);
    return visual_theme;
}

}  // namespace techpages
