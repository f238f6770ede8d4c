#include "render/markdown.h"

#include <cstdlib>
#include <mutex>

#include "util/text.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace techpages {

namespace {

// A character reference decodes to any code point: &#1; to U+0001, and cmark-gfm
// 0.29 writes &#xFFFE; as a stray byte. The raw characters are refused where the file
// is read; what references make of them is dropped here, so no page holds a byte
// XML or HTML forbids.
std::string without_unpublishable_chars(std::string html) {
    if (find_forbidden_char(html) == std::string::npos && find_invalid_utf8(html) == std::string::npos) return html;
    std::string valid;
    std::string_view rest = html;
    for (size_t bad = find_invalid_utf8(rest); bad != std::string::npos; bad = find_invalid_utf8(rest)) {
        valid.append(rest.substr(0, bad));
        rest.remove_prefix(bad + 1);
    }
    valid.append(rest);
    return drop_forbidden_chars(valid);
}

// Extensions are registered once per process, before any thread parses.
void ensure_extensions_registered() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

const char* const extension_names[] = {"table", "strikethrough", "autolink", "tagfilter"};

}  // namespace

bool is_safe_link(std::string_view url) {
    // Browsers ignore tabs, newlines and control characters inside a scheme ("java\tscript:").
    std::string scheme;
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= ' ') continue;
        if (c == ':') {
            scheme = to_lower(scheme);
            return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
        }
        if (c == '/' || c == '?' || c == '#') return true;  // no scheme: an address inside the site
        scheme += c;
    }
    return true;
}

namespace {

}  // namespace

MarkdownRenderer::MarkdownRenderer(bool allow_raw_html, std::string base_path) : base_path_(std::move(base_path)) {
    ensure_extensions_registered();
    // Without CMARK_OPT_UNSAFE, cmark drops raw HTML and javascript:/vbscript:/file:/data: links.
    options_ = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG;
    if (allow_raw_html) options_ |= CMARK_OPT_UNSAFE;
}

std::string MarkdownRenderer::to_html(std::string_view markdown) const {
    cmark_parser* parser = cmark_parser_new(options_);
    for (const char* name : extension_names) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    cmark_node* doc = cmark_parser_finish(parser);
    // Link and image addresses: only http(s), mailto, tel and addresses inside the site
    // survive (cmark's own filter lets data: images through); "/…" gets the base path.
    cmark_iter* iter = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter);
        cmark_node_type type = cmark_node_get_type(node);
        if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE)) continue;
        const char* url = cmark_node_get_url(node);
        if (!url) continue;
        if (!is_safe_link(url)) cmark_node_set_url(node, "");
        else if (url[0] == '/' && url[1] != '/' && base_path_ != "/")
            cmark_node_set_url(node, (base_path_ + (url + 1)).c_str());
    }
    cmark_iter_free(iter);
    char* html = cmark_render_html(doc, options_, cmark_parser_get_syntax_extensions(parser));
    std::string out(html ? html : "");
    std::free(html);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    return without_unpublishable_chars(std::move(out));
}

std::string MarkdownRenderer::to_inline_html(std::string_view markdown) const {
    std::string html = to_html(markdown);
    // A single paragraph: strip <p> … </p>\n.
    if (html.size() >= 8 && html.compare(0, 3, "<p>") == 0 && html.compare(html.size() - 5, 5, "</p>\n") == 0 &&
        html.find("<p>", 3) == std::string::npos) {
        return html.substr(3, html.size() - 8);
    }
    while (!html.empty() && html.back() == '\n') html.pop_back();
    return html;
}

std::string MarkdownRenderer::to_phrase_html(std::string_view markdown) const {
    std::string html = to_inline_html(markdown);
    for (const char* block : {"<ul", "<ol", "<li", "<table", "<blockquote", "<pre", "<h1", "<h2", "<h3", "<h4",
                              "<h5", "<h6", "<hr", "<div"})
        if (html.find(block) != std::string::npos) return html_escape(plain_excerpt(markdown, markdown.size() + 1));
    if (html.rfind("<p>", 0) != 0) return html;
    // Several paragraphs: "<p>a</p>\n<p>b</p>" becomes "a<br>b".
    std::string out;
    size_t pos = 0;
    while (pos < html.size()) {
        size_t open = html.find("<p>", pos);
        if (open == std::string::npos) break;
        size_t close = html.find("</p>", open);
        if (close == std::string::npos) break;
        if (!out.empty()) out += "<br>";
        out.append(html, open + 3, close - open - 3);
        pos = close + 4;
    }
    return out;
}

}  // namespace techpages
