// Markdown to HTML with cmark-gfm: GFM tables, strikethrough, autolinks and the tag filter.
// Raw HTML and unsafe link schemes are dropped unless the site allows raw HTML.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace techpages {

// True for addresses a contributor's link may have: http(s), mailto, tel, or inside the site.
bool is_safe_link(std::string_view url);

class MarkdownRenderer {
public:
    // `base_path` ("/repo/"): a link written as "/themes/" in content points into the site,
    // so it becomes "/repo/themes/" and keeps working under a project subpath.
    explicit MarkdownRenderer(bool allow_raw_html = false, std::string base_path = "/");
    // Block Markdown: paragraphs, lists, tables …
    std::string to_html(std::string_view markdown) const;
    // A short field (an action, a success measure): one paragraph is returned without
    // its <p> so it sits inside a table cell or a sentence.
    std::string to_inline_html(std::string_view markdown) const;
    // For places where only phrasing content is allowed (a heading, a span): paragraphs
    // are joined with <br>; text with lists or tables becomes plain, escaped text.
    std::string to_phrase_html(std::string_view markdown) const;

private:
    int options_;
    std::string base_path_;
};

}  // namespace techpages
