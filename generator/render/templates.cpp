#include "render/templates.h"

#include <algorithm>
#include <regex>

#include "util/files.h"
#include "util/text.h"

namespace techpages {

namespace {

using Sources = std::map<std::string, std::pair<std::string, std::string>>;  // name -> (text, display path)

// A link leading outside `root` (the content folder, or the folder of themes) is never read:
// the content scan and the theme's loading have reported it.
void read_templates(const fs::path& dir, const fs::path& root, const std::string& display_prefix, Sources& out) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec) || (fs::is_symlink(fs::symlink_status(dir, ec)) && !leads_inside(dir, root))) return;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file() || it->path().extension() != ".mustache") continue;
        if (it->is_symlink() && !leads_inside(it->path(), root)) continue;
        std::string name = relative_path(it->path(), dir);
        name.resize(name.size() - std::string(".mustache").size());
        if (auto text = read_file(it->path())) out[name] = {*text, display_prefix + relative_path(it->path(), dir)};
    }
}

// Replaces {{> name}} with partials/name, recursively; reports unknown partials and loops.
// The card partial becomes {{{card_html}}}: each card is rendered once, before the pages,
// rather than again on every list it appears in (see Views::card_list).
bool inline_partials(std::string& text, const Sources& sources, const std::string& display, Diagnostics& diagnostics,
                     bool card_prerendered, int depth = 0) {
    static const std::regex partial_tag(R"(\{\{>\s*([A-Za-z0-9_\-/]+)\s*\}\})");
    if (depth > 8) {
        diagnostics.error(display, {}, "partials include each other too deeply (a partial including itself?)",
                          "check the {{> name}} tags in the theme's partials");
        return false;
    }
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), partial_tag);
    size_t last = 0;
    bool ok = true;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        out.append(text, last, m.position() - last);
        std::string name = "partials/" + m[1].str();
        auto found = sources.find(name);
        if (card_prerendered && name == card_template && found != sources.end()) {
            out += "{{{card_html}}}";
        } else if (found == sources.end()) {
            diagnostics.error(display, {}, "the partial '" + m[1].str() + "' does not exist",
                              "create templates/" + name + ".mustache in the theme, or fix the name");
            ok = false;
        } else {
            std::string included = found->second.first;
            ok = inline_partials(included, sources, found->second.second, diagnostics, card_prerendered, depth + 1) && ok;
            out += included;
        }
        last = m.position() + m.length();
    }
    out.append(text, last);
    text = std::move(out);
    return ok;
}

}  // namespace

std::optional<VisualThemeTemplates> VisualThemeTemplates::load(const std::vector<fs::path>& visual_theme_dirs, const fs::path& override_dir,
                                                   Diagnostics& diagnostics) {
    std::error_code ec;
    bool any = std::any_of(visual_theme_dirs.begin(), visual_theme_dirs.end(),
                           [&](const fs::path& dir) { return fs::is_directory(dir / "templates", ec); });
    if (!any) {
        diagnostics.error(visual_theme_dirs.empty() ? std::string("--theme") : visual_theme_dirs.front().string(), {},
                          "this visual theme has no templates/ folder, and extends no theme that has one",
                          "add extends = \"default\" to its theme.toml, or name an existing theme with --theme");
        return std::nullopt;
    }
    Sources sources;
    for (auto dir = visual_theme_dirs.rbegin(); dir != visual_theme_dirs.rend(); ++dir)  // the root theme first: children replace
        read_templates(*dir / "templates", dir->parent_path(), (*dir / "templates").string() + "/", sources);
    read_templates(override_dir, override_dir.parent_path(), override_dir.string() + "/", sources);

    VisualThemeTemplates result;
    bool ok = true;
    for (const auto& [name, source] : sources) {
        if (name.rfind("partials/", 0) == 0 && name != card_template) continue;
        std::string text = source.first;
        ok = inline_partials(text, sources, source.second, diagnostics, name != card_template) && ok;
        mustache::mustache compiled(text);
        if (!compiled.is_valid()) {
            diagnostics.error(source.second, {}, "this template has a mistake: " + compiled.error_message(),
                              "check that every {{#section}} has its {{/section}}");
            ok = false;
        }
        result.sources_[name] = std::move(text);
        result.files_[name] = source.second;
    }
    if (!ok) return std::nullopt;
    return result;
}

const std::string* VisualThemeTemplates::source(const std::string& name) const {
    auto it = sources_.find(name);
    return it == sources_.end() ? nullptr : &it->second;
}

std::string VisualThemeTemplates::file(const std::string& name) const {
    auto it = files_.find(name);
    return it == files_.end() ? std::string() : it->second.string();
}

std::string TemplateRenderer::render(const std::string& name, const mustache::data& data) {
    auto it = compiled_.find(name);
    if (it == compiled_.end()) {
        const std::string* source = templates_.source(name);
        if (!source) return {};
        it = compiled_.emplace(name, std::make_unique<mustache::mustache>(*source)).first;
        // The library's escaping, without the characters no page may hold (util/text.h).
        it->second->set_custom_escape([](const std::string& s) {
            if (find_forbidden_char(s) == std::string::npos) return mustache::html_escape<std::string>(s);
            return mustache::html_escape<std::string>(drop_forbidden_chars(s));
        });
    }
    // Into a string, not the library's ostringstream: a list page of several MB would be
    // copied twice more (into the stream, then out of it).
    std::string html;
    it->second->render(data, [&html](const std::string& part) { html += part; });
    return html;
}

}  // namespace techpages
