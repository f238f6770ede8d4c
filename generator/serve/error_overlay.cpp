#include "serve/error_overlay.h"

#include "util/text.h"

namespace techpages::serve {

std::string error_banner_html(const std::vector<Diagnostic>& errors) {
    size_t count = 0;
    for (const auto& d : errors) count += d.severity == Severity::error;
    std::string html =
        "\n<aside id=\"techpages-build-errors\" role=\"alert\" style=\"all:initial;display:block;position:relative;"
        "z-index:2147483647;background:#fff4f4;color:#5c0000;border:3px solid #b00020;padding:1rem;margin:0;"
        "font:16px/1.4 system-ui,sans-serif\">\n"
        "<strong style=\"display:block;font-size:1.1em\">The last change could not be built (" +
        std::to_string(count) + (count == 1 ? " error" : " errors") +
        "). This is the last good version of the page.</strong>\n<ul style=\"margin:.5rem 0 0;padding-left:1.2rem\">\n";
    for (const auto& d : errors)
        html += "<li><code style=\"font:14px/1.4 monospace;white-space:pre-wrap\">" + html_escape(format_diagnostic(d)) +
                "</code></li>\n";
    html += "</ul>\n</aside>\n";
    return html;
}

std::string inject_error_banner(std::string html, const std::vector<Diagnostic>& errors) {
    size_t body = html.find("<body");
    size_t at = body == std::string::npos ? std::string::npos : html.find('>', body);
    at = at == std::string::npos ? 0 : at + 1;
    html.insert(at, error_banner_html(errors));
    return html;
}

std::string error_page_html(const std::vector<Diagnostic>& errors) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Build errors — techpages serve</title>"
           "</head>\n<body>\n" +
           error_banner_html(errors) +
           "<p style=\"font-family:system-ui,sans-serif\">Nothing has been built yet. Fix the errors above and save: "
           "this page reloads by itself.</p>\n</body>\n</html>\n";
}

}  // namespace techpages::serve
