// Shows build errors in the browser during serve: a banner on top of the last good
// page, or a page of its own when there has never been a good build.
#pragma once

#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace techpages::serve {

// A banner listing each located error (escaped: messages quote contributors' text).
std::string error_banner_html(const std::vector<Diagnostic>& errors);
// `html` with the banner added just after its <body> tag (or at the start).
std::string inject_error_banner(std::string html, const std::vector<Diagnostic>& errors);
// A whole page with the banner, for when no good build exists yet.
std::string error_page_html(const std::vector<Diagnostic>& errors);

}  // namespace techpages::serve
