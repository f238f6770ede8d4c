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

// What the live preview keeps between builds, so a save does not remake it: where the
// search index's entries are, and the open data files (open_data_files) when no plan changed.
struct KeptSiteFiles {
    const SearchEntries* search_entries = nullptr;
    const std::vector<SiteFile>* open_data = nullptr;
};

std::vector<SiteFile> site_files(const Site& site, const std::vector<PageJob>& pages, const Urls& urls,
                                 const KeptSiteFiles& kept = {});

std::string sitemap_xml(const std::vector<PageJob>& pages, const Urls& urls);
// Case studies and career stories, newest first.
std::string atom_feed(const Site& site, const Urls& urls);
constexpr const char* feed_path = "feed.xml";

}  // namespace techpages
