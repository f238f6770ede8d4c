#include "build.h"

#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "model/load_site.h"
#include "model/site_index.h"
#include "render/markdown.h"
#include "render/pages.h"
#include "render/site_files.h"
#include "render/templates.h"
#include "render/urls.h"
#include "render/visual_theme.h"
#include "render/views.h"
#include "util/files.h"
#include "util/text.h"
#include "util/parallel.h"
#include "check/external_report.h"
#include "check/links.h"
#include "write/codeowners.h"
#include "write/photos.h"
#include "write/output_dir.h"

namespace techpages {

namespace fs = std::filesystem;

fs::path default_cache_dir(const fs::path& content_dir) {
    std::error_code ec;
    return fs::absolute(content_dir, ec).lexically_normal().parent_path() / ".techpages-cache";
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& out) {
    for (const auto& d : diagnostics.sorted()) out << format_diagnostic(d) << '\n';
}

namespace {

// The visual theme must exist; said at site.toml's line, or about --theme.
bool check_theme(const std::string& name, bool from_option, const SiteConfig& config, const fs::path& content_dir,
                 Diagnostics& diagnostics) {
    if (is_theme_dir(find_theme_dir(content_dir, name))) return true;
    std::string hint = unknown_theme_hint(content_dir, name);
    if (from_option)
        diagnostics.error("--theme", {1, 1}, "'" + name + "' is not a visual theme", hint);
    else
        diagnostics.error("site.toml", config.theme_pos, "'" + name + "' is not a visual theme", hint);
    return false;
}

}  // namespace

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

namespace {

// Profile photos and case-study images, by content-relative path.
std::set<std::string> photos_of(const Site& site) {
    std::set<std::string> files;
    for (const auto& p : site.profiles)
        if (!p.photo.empty()) files.insert(site_path::asset_beside(p.origin.path, p.photo));
    for (const auto& c : site.case_studies)
        if (!c.image.empty()) files.insert(site_path::asset_beside(c.origin.path, c.image));
    return files;
}

// Content files published as they are: logos, and pictures in formats not processed (SVG).
// Photos are never copied as uploaded: their EXIF and GPS data would go with them.
std::set<std::string> files_to_copy(const Site& site) {
    std::set<std::string> files;
    for (const auto& i : site.institutions)
        if (!i.logo.empty()) files.insert(site_path::asset_beside(i.origin.path, i.logo));
    for (const auto& p : photos_of(site))
        if (!is_raster_photo(p)) files.insert(p);
    return files;
}

bool copy_into(const fs::path& from, const fs::path& to, Diagnostics& diagnostics, const std::string& shown) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) diagnostics.error(shown, {}, "cannot copy this file into the site (" + ec.message() + ")", "check that it is readable");
    return !ec;
}

size_t copy_assets(const Site& site, const fs::path& content, const VisualTheme& theme, const fs::path& out,
                   Diagnostics& diagnostics) {
    size_t copied = 0;
    for (const auto& [rel, file] : theme.assets()) copied += copy_into(file, out / "assets" / rel, diagnostics, file.string());
    for (const auto& rel : files_to_copy(site)) copied += copy_into(content / rel, out / rel, diagnostics, rel);
    for (const auto& rel : site.static_files)
        copied += copy_into(content / rel, out / rel.substr(std::string("static/").size()), diagnostics, rel);
    return copied;
}

}  // namespace

BuildResult build_site(const BuildOptions& options, Diagnostics& diagnostics) {
    auto started = std::chrono::steady_clock::now();
    BuildResult result;
    if (!output_dir_is_safe(options.out_dir, options.content_dir, diagnostics)) return result;

    // load → model
    LoadOptions load;
    load.content_dir = options.content_dir;
    load.include_drafts = options.include_drafts;
    load.threads = options.threads;
    Site site = load_site(load, diagnostics);
    if (diagnostics.has_errors()) return result;
    if (!options.base_url.empty()) site.config.base_url = options.base_url;
    std::string theme_name = options.theme.empty() ? site.config.theme : options.theme;
    if (!check_theme(theme_name, !options.theme.empty(), site.config, options.content_dir, diagnostics)) return result;
    SiteIndex index = build_site_index(site);

    // render: templates first, so a broken theme fails before anything is written
    auto theme = load_visual_theme(options.content_dir, theme_name, diagnostics);
    if (!theme) return result;
    auto templates = ThemeTemplates::load(theme->dirs, options.content_dir / "templates", diagnostics);
    if (!templates) return result;
    for (const auto& name : required_templates())
        if (!templates->source(name))
            diagnostics.error((theme->dirs.front() / "templates").string(), {}, "the theme has no " + name + ".mustache template",
                              "add templates/" + name + ".mustache to the theme");
    if (diagnostics.has_errors()) return result;

    // write: photos first, since pages give their sizes
    std::optional<StagedOutput> output;
    if (options.write_output) {
        output.emplace(options.out_dir);
        if (!output->begin(diagnostics)) return result;
    }
    unsigned threads = options.threads ? options.threads : default_thread_count();
    fs::path cache_dir = options.cache_dir.empty() ? default_cache_dir(options.content_dir) : options.cache_dir;
    ImageIndex images;
    if (output)
        images = process_photos(photos_of(site), options.content_dir, output->staging(), cache_dir / "photos", threads,
                                result.photos, diagnostics);
    if (diagnostics.has_errors()) return result;

    Urls urls(site.config.base_url);
    // Content under institutions/ comes from contributors: raw HTML never reaches the page,
    // whatever the site allows for its own pages.
    MarkdownRenderer contributor_markdown(false, urls.base_path());
    MarkdownRenderer site_markdown(site.config.allow_raw_html, urls.base_path());
    Views views(site, index, urls, contributor_markdown, site_markdown, images);
    views.set_stylesheets(theme->stylesheets);
    std::vector<PageJob> pages = list_pages(site, index);
    std::vector<std::unique_ptr<TemplateRenderer>> renderers;
    for (unsigned t = 0; t < threads; ++t) renderers.push_back(std::make_unique<TemplateRenderer>(*templates));
    std::vector<PageLinks> links(pages.size());
    std::map<std::string, std::string> template_files;  // relative to the content folder, like every message
    for (const auto& name : required_templates())
        template_files[name] = fs::absolute(templates->file(name)).lexically_normal().lexically_relative(fs::absolute(options.content_dir).lexically_normal()).generic_string();
    parallel_for(pages.size(), threads, [&](unsigned worker, size_t i) {
        const PageJob& job = pages[i];
        std::string html = renderers[worker]->render(job.template_name, job.build(views));
        links[i].site_path = job.site_path;
        links[i].source = job.source;
        links[i].template_file = template_files.at(job.template_name);
        extract_links(html, links[i]);
        if (!output) return;
        fs::path file = output->staging() / output_file(job.site_path);
        if (!write_file(file, html))
            diagnostics.error(file.string(), {}, "cannot write this page", "check that the output folder is writable and the disk is not full");
    });

    // The files beside the pages: feeds, assets, photos. Without an output folder, the
    // same list is worked out so links to them can still be checked.
    std::set<std::string> files;
    for (const auto& file : site_files(site, pages, urls)) {
        files.insert(file.path);
        if (output && !write_file(output->staging() / file.path, file.contents))
            diagnostics.error(file.path, {}, "cannot write this file", "check that the output folder is writable");
    }
    if (output) {
        result.files_copied = copy_assets(site, options.content_dir, *theme, output->staging(), diagnostics);
        std::error_code ec;
        for (fs::recursive_directory_iterator it(output->staging(), ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file()) files.insert(relative_path(it->path(), output->staging()));
    } else {
        for (const auto& f : files_to_copy(site)) files.insert(f);
        for (const auto& f : photos_of(site)) files.insert(f);  // unprocessed, pages link the originals
        for (const auto& asset : theme->assets()) files.insert("assets/" + asset.first);
        for (const auto& f : site.static_files) files.insert(f.substr(std::string("static/").size()));
    }

    // check: every internal link leads somewhere
    check_links(links, files, urls, options.content_dir.string(), diagnostics);
    // and, when asked, every link to another site still answers
    if (options.external_links) {
        auto started_external = std::chrono::steady_clock::now();
        auto uses = collect_external_links(links, urls, options.content_dir.string());
        auto checker = link_check_options(site.config.link_check, site.config.base_url, cache_dir / "links.tsv");
        result.external = report_external_links(uses, checker, site.config.link_check.pos, diagnostics);
        result.external_unique = uses.size();
        result.external_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started_external).count();
    }
    if (!output) {
        check_codeowners(site, options.content_dir, diagnostics);
        result.ok = !diagnostics.has_errors();
        return result;
    }
    if (diagnostics.has_errors() || !output->commit(diagnostics)) return result;

    result.ok = true;
    result.pages = pages.size();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace techpages
