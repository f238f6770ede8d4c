// A visual theme and the themes it extends: where its templates, assets and stylesheets
// come from. A theme's folder may hold theme.toml with `extends = "parent"`; every template
// and asset the theme does not have itself is then the parent's (and so on up the chain).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace techpages {

struct VisualTheme {
    std::string name;
    // The theme's own folder first, then the one it extends, and so on to the root theme.
    std::vector<std::filesystem::path> dirs;
    // Stylesheets every page links, as paths under assets/: the root theme's first, so a
    // child's rules come later and win.
    std::vector<std::string> stylesheets;

    // Every asset file: path under assets/ -> file on disk, a theme's own replacing its parent's.
    std::map<std::string, std::filesystem::path> assets() const;
};

// Where a theme called `name` lives: themes/NAME beside the content folder, else the built-in one.
std::filesystem::path find_visual_theme_dir(const std::filesystem::path& content_dir, const std::string& name);
// A folder is a theme if it has templates/ or theme.toml.
bool is_visual_theme_dir(const std::filesystem::path& dir);
// Every theme name techpages can find for this content folder, sorted.
std::vector<std::string> available_visual_themes(const std::filesystem::path& content_dir);
// What to write instead of a theme name that names no theme: the nearest one, or the list.
std::string unknown_visual_theme_hint(const std::filesystem::path& content_dir, const std::string& name);

// Follows `extends` from the named theme (which must exist) to the root theme. An unknown
// parent, a theme extending itself or a cycle, or a mistake in theme.toml is a located error.
std::optional<VisualTheme> load_visual_theme(const std::filesystem::path& content_dir, const std::string& name,
                                             Diagnostics& diagnostics);

}  // namespace techpages
