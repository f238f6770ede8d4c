// The list of every page the site has: its address, its template and how to build its data.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "render/pagination.h"
#include "render/views.h"

namespace techpages {

// What a page shows, so the build cache can tell what it depends on.
// Every kind of output page; its template is template_of(kind) (a table in pages.cpp).
enum class PageKind {
    home, commitment_themes_index, commitment_theme, institutions_index, institution, plan, profile, case_study, career_story,
    technicians, search, case_studies, career_stories, plans, taxonomy, term, page, accessibility, not_found
};

// The template a page of this kind is rendered with; page 2 onwards of a long list is
// rendered with list_template, whatever its kind.
const char* template_of(PageKind kind);
inline constexpr const char* list_template = "list";

struct PageJob {
    std::string site_path;  // "institutions/lstm/" (written as …/index.html) or "404.html"
    std::function<data(const Views&)> build;
    std::optional<Date> lastmod;  // for sitemap.xml: when the content last changed, if known
    std::string source;           // the content file the page shows, if one (for link errors)
    PageKind kind = PageKind::not_found;
    size_t item = 0;  // index into the Site's list of that kind (themes, profiles, terms, …)
    // A page of a long list (PageSlice): which page it is, and the items on it (profiles,
    // or case studies or career stories on their own lists), for the build cache.
    PageSlice slice;
    std::vector<size_t> items;
    CardKind listed = CardKind::profile;  // what `items` are

    const char* template_name() const { return slice.is_first() ? template_of(kind) : list_template; }
};

std::vector<PageJob> list_pages(const Site& site, const SiteIndex& index);
// Where the page is written, relative to the output folder.
std::string output_file(const std::string& site_path);
// Template names the theme must provide.
const std::vector<std::string>& required_templates();

}  // namespace techpages
