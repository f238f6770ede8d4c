// The visual theme's Mustache templates: loaded once, partials inlined, compiled per thread.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "util/diagnostics.h"

namespace techpages {

namespace mustache = kainjow::mustache;

// The partial every list of profiles, case studies, career stories and plans shows its
// items with. Pages get it pre-rendered, as each item's `card_html`.
inline const std::string card_template = "partials/card";

class VisualThemeTemplates {
public:
    // Reads templates/**.mustache from each of visual_theme_dirs (a theme first, then the theme it
    // extends, …): a theme's own file replaces its parent's of the same name, and a file under
    // override_dir (the site's content/templates/) replaces them all. `{{> name}}` includes
    // templates/partials/name.mustache, inlined here once rather than on every render. A
    // symbolic link leading outside the content folder (for override_dir) or the folder
    // holding the theme is not read.
    static std::optional<VisualThemeTemplates> load(const std::vector<std::filesystem::path>& visual_theme_dirs,
                                              const std::filesystem::path& override_dir, Diagnostics& diagnostics);

    const std::string* source(const std::string& name) const;
    // The file a page template came from (the theme's, or the site's override), for messages.
    std::string file(const std::string& name) const;

private:
    std::map<std::string, std::string> sources_;  // name (no extension) -> source with partials inlined
    std::map<std::string, std::filesystem::path> files_;
};

// Compiled templates for one thread: kainjow's renderer is not safe to share.
class TemplateRenderer {
public:
    explicit TemplateRenderer(const VisualThemeTemplates& templates) : templates_(templates) {}
    // Every value is HTML-escaped unless the template uses {{{triple}}} braces, which the
    // theme keeps for HTML the build produced itself (rendered Markdown).
    std::string render(const std::string& name, const mustache::data& data);

private:
    const VisualThemeTemplates& templates_;
    std::map<std::string, std::unique_ptr<mustache::mustache>> compiled_;
};

}  // namespace techpages
