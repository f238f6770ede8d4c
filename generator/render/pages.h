// The list of every page the site has: its address, its template and how to build its data.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "render/views.h"

namespace techpages {

struct PageJob {
    std::string site_path;  // "institutions/lstm/" (written as …/index.html) or "404.html"
    std::string template_name;
    std::function<data(const Views&)> build;
    std::optional<Date> lastmod;  // for sitemap.xml: when the content last changed, if known
    std::string source;           // the content file the page shows, if one (for link errors)
};

std::vector<PageJob> list_pages(const Site& site, const SiteIndex& index);
// Where the page is written, relative to the output folder.
std::string output_file(const std::string& site_path);
// Template names the theme must provide.
const std::vector<std::string>& required_templates();

}  // namespace techpages
