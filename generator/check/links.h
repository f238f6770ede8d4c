// The check stage: every link, image and #fragment in the rendered site must lead to a
// page, file or element that exists. A broken link is reported where it was written:
// at the content file's line and column, or at the theme template that made it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/urls.h"
#include "util/diagnostics.h"

namespace techpages {

// The links and element ids of one rendered page.
struct PageLinks {
    std::string site_path;      // the page's own address ("institutions/lstm/")
    std::string source;         // the content file it was made from, if any (content-relative)
    std::string template_file;  // the template that rendered it, for links no content file holds
    std::vector<std::string> links;  // href, src and srcset values, as written in the HTML
    std::vector<std::string> ids;
};

// Reads href, src, srcset and id attributes out of generated HTML.
void extract_links(std::string_view html, PageLinks& page);

// What a link points at inside the site, or why it cannot be followed.
struct LinkTarget {
    bool internal = false;  // false: an external (http, mailto) link, not checked here
    bool valid = true;      // false: it leaves the site's base path or climbs above the root
    std::string path;       // site path of the target ("themes/visibility/", "assets/style.css")
    std::string fragment;   // after '#', or ""
};
LinkTarget resolve_link(const std::string& link, const std::string& page_site_path, const Urls& urls);

// A content file's text with every line ending made '\n', so positions match the editor's
// lines; nothing when it cannot be read.
std::optional<std::string> read_source_text(const std::string& content_dir, const std::string& source);

// Where a link is written in a content file's text: the first of `forms` (ways the author
// may have written it) found as a Markdown link target, else anywhere. `written` is set to
// the form found.
std::optional<SourcePos> find_link_in_text(const std::string& text, const std::vector<std::string>& forms,
                                           std::string& written);

// Checks every page's links against the pages and files the build made.
// `content_dir` is read (only for broken links) to find where a link was written.
void check_links(const std::vector<PageLinks>& pages, const std::set<std::string>& files, const Urls& urls,
                 const std::string& content_dir, Diagnostics& diagnostics);

}  // namespace techpages
