// The files around the pages: sitemap.xml, the Atom feed, robots.txt, and the two small
// files GitHub Pages reads (.nojekyll always, CNAME for a custom domain).
#pragma once

#include <string>
#include <vector>

#include "render/pages.h"
#include "render/search_index.h"

namespace techpages {

struct SiteFile {
    std::string path;  // relative to the output folder
    std::string contents;
};

// `search_entries`, when given, says where the search index's entries are kept.
std::vector<SiteFile> site_files(const Site& site, const std::vector<PageJob>& pages, const Urls& urls,
                                 const SearchEntries* search_entries = nullptr);

std::string sitemap_xml(const std::vector<PageJob>& pages, const Urls& urls);
// Case studies and career stories, newest first.
std::string atom_feed(const Site& site, const Urls& urls);
constexpr const char* feed_path = "feed.xml";

}  // namespace techpages
