// `techpages check --external`: every link from the rendered site to another site, checked
// once however many pages carry it, and each problem reported where the link was written
// (the Markdown or front matter of a content file, else the template that made it).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "check/external_links.h"
#include "check/links.h"
#include "model/site_model.h"
#include "render/urls.h"
#include "util/diagnostics.h"

namespace techpages {

// One external http(s) address and the first place it is written.
struct ExternalLinkUse {
    std::string url;   // as it appears in the page
    std::string file;  // content-relative: a content file, or the template when no content file holds it
    SourcePos pos;
    std::string page;  // the page it is on, for links reported at a template ("/techpages/404.html")
    size_t pages = 1;  // how many pages link to it
};

// Every unique external http(s) address in the rendered pages, in page order.
std::vector<ExternalLinkUse> collect_external_links(const std::vector<PageLinks>& pages, const Urls& urls,
                                                    const std::string& content_dir);

// The checker's settings from [link_check] in site.toml; the User-Agent names the
// configured contact, else the site's own address.
ExternalCheckOptions link_check_options(const LinkCheckSettings& settings, const std::string& base_url,
                                        const std::filesystem::path& cache_file);

// Checks every address and reports a broken or silent one as an error and a permanent
// redirect as a warning (with the new address), each at its source; addresses the
// deadline cut off are one warning at [link_check]. Returns the counts for the summary.
ExternalSummary report_external_links(const std::vector<ExternalLinkUse>& uses, const ExternalCheckOptions& options,
                                      SourcePos settings_pos, Diagnostics& diagnostics);

}  // namespace techpages
