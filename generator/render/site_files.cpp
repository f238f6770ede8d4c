#include "render/site_files.h"

#include <algorithm>
#include <tuple>

#include "render/open_data.h"
#include "render/search_index.h"
#include "util/text.h"

namespace techpages {

namespace {

std::string atom_time(const Date& d) { return d.iso() + "T00:00:00Z"; }

struct FeedEntry {
    Date date;
    std::string title, path, summary, author, kind;
};

}  // namespace

std::string sitemap_xml(const std::vector<PageJob>& pages, const Urls& urls) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& page : pages) {
        if (page.kind == PageKind::not_found) continue;
        out += "  <url><loc>" + html_escape(urls.absolute(page.site_path)) + "</loc>";
        if (page.lastmod) out += "<lastmod>" + page.lastmod->iso() + "</lastmod>";
        out += "</url>\n";
    }
    out += "</urlset>\n";
    return out;
}

std::string atom_feed(const Site& site, const Urls& urls) {
    std::vector<FeedEntry> entries;
    for (const auto& c : site.case_studies)
        entries.push_back({c.date, c.title, site_path::case_study(site, c), c.summary.empty() ? plain_excerpt(c.body, 280) : c.summary,
                           site.institutions[c.institution].name, "Case study"});
    for (const auto& s : site.career_stories)
        entries.push_back({s.date, s.title, site_path::career_story(site, s), s.summary.empty() ? plain_excerpt(s.body, 280) : s.summary,
                           s.person.empty() ? site.institutions[s.institution].name : s.person, "Career story"});
    std::stable_sort(entries.begin(), entries.end(), [](const FeedEntry& a, const FeedEntry& b) {
        return std::tie(b.date, a.path) < std::tie(a.date, b.path);
    });
    // The feed changes when its newest entry does; no build time, so output is reproducible.
    std::string updated = entries.empty() ? "2000-01-01T00:00:00Z" : atom_time(entries.front().date);
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
                      html_escape(site.config.language) + "\">\n";
    out += "  <title>" + html_escape(site.config.title) + ": case studies and career stories</title>\n";
    if (!site.config.tagline.empty()) out += "  <subtitle>" + html_escape(site.config.tagline) + "</subtitle>\n";
    out += "  <id>" + html_escape(urls.absolute(feed_path)) + "</id>\n";
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + html_escape(urls.absolute(feed_path)) + "\"/>\n";
    out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + html_escape(urls.absolute("")) + "\"/>\n";
    out += "  <updated>" + updated + "</updated>\n";
    out += "  <author><name>" + html_escape(site.config.title) + "</name></author>\n";
    for (const auto& e : entries) {
        std::string url = html_escape(urls.absolute(e.path));
        out += "  <entry>\n";
        out += "    <title>" + html_escape(e.title) + "</title>\n";
        out += "    <id>" + url + "</id>\n";
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + url + "\"/>\n";
        out += "    <updated>" + atom_time(e.date) + "</updated>\n";
        out += "    <published>" + atom_time(e.date) + "</published>\n";
        out += "    <author><name>" + html_escape(e.author) + "</name></author>\n";
        out += "    <category term=\"" + html_escape(slugify(e.kind)) + "\" label=\"" + html_escape(e.kind) + "\"/>\n";
        if (!e.summary.empty()) out += "    <summary>" + html_escape(e.summary) + "</summary>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

std::vector<SiteFile> site_files(const Site& site, const std::vector<PageJob>& pages, const Urls& urls,
                                 const KeptSiteFiles& kept) {
    std::vector<SiteFile> files;
    files.push_back({"sitemap.xml", sitemap_xml(pages, urls)});
    files.push_back({feed_path, atom_feed(site, urls)});
    files.push_back({search_index_path, kept.search_entries ? search_index_json(site, *kept.search_entries) : search_index_json(site, urls)});
    files.push_back({"robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + urls.absolute("sitemap.xml") + "\n"});
    // GitHub Pages would otherwise run Jekyll over the site, hiding files that start with _.
    files.push_back({".nojekyll", ""});
    if (!site.config.domain.empty()) files.push_back({"CNAME", site.config.domain + "\n"});
    if (kept.open_data) files.insert(files.end(), kept.open_data->begin(), kept.open_data->end());
    else for (auto& f : open_data_files(site, urls)) files.push_back(std::move(f));
    return files;
}

}  // namespace techpages
