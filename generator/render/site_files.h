// The files around the pages: sitemap.xml, the Atom feed, robots.txt, and the two small
// files GitHub Pages reads (.nojekyll always, CNAME for a custom domain).
#pragma once

#include <string>
#include <vector>

#include "render/pages.h"

namespace techpages {

struct SiteFile {
    std::string path;  // relative to the output folder
    std::string contents;
};

std::vector<SiteFile> site_files(const Site& site, const std::vector<PageJob>& pages, const Urls& urls);

std::string sitemap_xml(const std::vector<PageJob>& pages, const Urls& urls);
// Case studies and career stories, newest first.
std::string atom_feed(const Site& site, const Urls& urls);
constexpr const char* feed_path = "feed.xml";

}  // namespace techpages
