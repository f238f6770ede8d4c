#include "check/links.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "load/source_file.h"
#include "util/files.h"
#include "util/text.h"

namespace techpages {

namespace {

std::string html_unescape(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        auto semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 8) {
            out += s[i];
            continue;
        }
        std::string_view entity = s.substr(i + 1, semi - i - 1);
        if (entity == "amp") out += '&';
        else if (entity == "lt") out += '<';
        else if (entity == "gt") out += '>';
        else if (entity == "quot") out += '"';
        else if (entity == "#39" || entity == "apos") out += '\'';
        else {
            out += s.substr(i, semi - i + 1);
        }
        i = semi;
    }
    return out;
}

// "a/./b/../c" → "a/c"; false when it climbs above the root.
bool normalise(std::string& path) {
    std::vector<std::string> parts;
    size_t start = 0;
    bool trailing = !path.empty() && path.back() == '/';
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part == "..") {
            if (parts.empty()) return false;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    path = join(parts, "/");
    if (trailing && !path.empty()) path += '/';
    return true;
}

std::string page_dir(const std::string& site_path) {
    auto slash = site_path.rfind('/');
    return slash == std::string::npos ? std::string() : site_path.substr(0, slash + 1);
}

}  // namespace

void extract_links(std::string_view html, PageLinks& page) {
    // One pass over the page for every ` name="…"` (pages are large and there are many):
    // find each `="`, then read the attribute name before it.
    std::vector<std::string> hrefs, srcs, srcsets;
    for (size_t eq = html.find("=\""); eq != std::string_view::npos; eq = html.find("=\"", eq + 2)) {
        size_t name_start = eq;
        while (name_start > 0 && std::isalpha(static_cast<unsigned char>(html[name_start - 1]))) --name_start;
        if (name_start == 0 || html[name_start - 1] != ' ') continue;
        std::string_view name = html.substr(name_start, eq - name_start);
        size_t start = eq + 2;
        size_t end = html.find('"', start);
        if (end == std::string_view::npos) break;
        std::string_view raw = html.substr(start, end - start);
        if (name == "href") hrefs.push_back(html_unescape(raw));
        else if (name == "src") srcs.push_back(html_unescape(raw));
        else if (name == "id") page.ids.push_back(html_unescape(raw));
        else if (name == "srcset") {
            // "a.jpg 320w, b.jpg 640w"
            std::string v = html_unescape(raw);
            size_t from = 0;
            while (from < v.size()) {
                size_t comma = v.find(',', from);
                std::string item = trim(v.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
                if (!item.empty()) srcsets.push_back(item.substr(0, item.find(' ')));
                if (comma == std::string::npos) break;
                from = comma + 1;
            }
        }
    }
    // In the order the checker has always reported them: href, then src, then srcset.
    page.links.reserve(page.links.size() + hrefs.size() + srcs.size() + srcsets.size());
    for (auto* list : {&hrefs, &srcs, &srcsets})
        for (auto& link : *list) page.links.push_back(std::move(link));
}

LinkTarget resolve_link(const std::string& link, const std::string& page_site_path, const Urls& urls) {
    LinkTarget target;
    std::string rest = link;
    if (rest.empty()) {
        target.internal = true;
        target.valid = false;
        return target;
    }
    std::string own = urls.absolute("");
    auto colon = rest.find(':');
    bool has_scheme = colon != std::string::npos && rest.find('/') > colon && rest.find('#') > colon;
    if (starts_with_ci(rest, own) && own.rfind("http", 0) == 0) {
        rest = "/" + rest.substr(own.size());
        rest = urls.base_path() + rest.substr(1);
    } else if (has_scheme || rest.rfind("//", 0) == 0) {
        return target;  // external: http(s), mailto, tel …
    }
    target.internal = true;
    if (auto hash = rest.find('#'); hash != std::string::npos) {
        target.fragment = rest.substr(hash + 1);
        rest.resize(hash);
    }
    if (auto query = rest.find('?'); query != std::string::npos) rest.resize(query);
    if (rest.empty()) {
        target.path = page_site_path;
    } else if (rest[0] == '/') {
        if (rest.rfind(urls.base_path(), 0) != 0) {
            target.valid = false;  // outside the site's base path: broken once published under a subpath
            return target;
        }
        target.path = rest.substr(urls.base_path().size());
    } else {
        target.path = page_dir(page_site_path) + rest;
    }
    target.valid = normalise(target.path);
    return target;
}

std::optional<std::string> read_source_text(const std::string& content_dir, const std::string& source) {
    auto text = read_file(std::filesystem::path(content_dir) / source);
    if (!text) return std::nullopt;
    std::string normalised;
    normalised.reserve(text->size());
    for (size_t i = 0; i < text->size(); ++i) {
        if ((*text)[i] == '\r') {
            normalised += '\n';
            if (i + 1 < text->size() && (*text)[i + 1] == '\n') ++i;
        } else {
            normalised += (*text)[i];
        }
    }
    return normalised;
}

std::optional<SourcePos> find_link_in_text(const std::string& text, const std::vector<std::string>& forms,
                                           std::string& written) {
    for (const auto& form : forms) {
        if (form.empty()) continue;
        // As a Markdown link target first, then anywhere.
        for (const std::string& needle : {"](" + form, "<" + form + ">", form}) {
            size_t at = text.find(needle);
            if (at != std::string::npos) {
                written = form;
                return position_of(text, at + needle.find(form));
            }
        }
    }
    return std::nullopt;
}

namespace {

std::optional<SourcePos> find_in_source(const std::string& content_dir, const std::string& source,
                                        const std::vector<std::string>& forms, std::string& written) {
    auto text = read_source_text(content_dir, source);
    if (!text) return std::nullopt;
    return find_link_in_text(*text, forms, written);
}

}  // namespace

void check_links(const std::vector<PageLinks>& pages, const std::set<std::string>& files, const Urls& urls,
                 const std::string& content_dir, Diagnostics& diagnostics) {
    // Views of the pages' own paths: at 10,000 pages, copying them costs more than checking
    // the links of the few pages a live-preview rebuild renders.
    std::unordered_map<std::string_view, const PageLinks*> by_path;
    by_path.reserve(pages.size());
    for (const auto& p : pages) by_path[p.site_path] = &p;
    std::vector<std::string> all_paths;  // for "did you mean", made when a link is broken
    std::map<std::string, std::unordered_set<std::string>> ids_cache;
    std::set<std::pair<std::string, std::string>> reported;  // (where, link)

    for (const auto& page : pages) {
        for (const auto& link : page.links) {
            // An empty address is what Markdown leaves of an unsafe link (javascript:); the
            // model stage reports those where they were written.
            if (link.empty()) continue;
            LinkTarget t = resolve_link(link, page.site_path, urls);
            if (!t.internal) continue;
            enum class Fault { none, outside, missing, fragment } fault = Fault::none;
            std::string suggestion, near_path;
            const PageLinks* target_page = nullptr;
            if (!t.valid) {
                fault = Fault::outside;
            } else {
                auto it = by_path.find(t.path);
                if (it == by_path.end() && !t.path.empty() && t.path.back() != '/') it = by_path.find(t.path + "/");
                if (it != by_path.end()) target_page = it->second;
                else if (!files.count(t.path)) {
                    fault = Fault::missing;
                    if (all_paths.empty())
                        for (const auto& p : pages) all_paths.push_back(p.site_path);
                    near_path = closest_match(t.path, all_paths);
                }
            }
            if (fault == Fault::none && target_page && !t.fragment.empty()) {
                const auto& ids = target_page->ids;
                if (std::find(ids.begin(), ids.end(), t.fragment) == ids.end()) {
                    fault = Fault::fragment;
                    std::string near = closest_match(t.fragment, ids);
                    if (!near.empty()) suggestion = "did you mean '#" + near + "'?";
                }
            }
            if (fault == Fault::none) continue;
            // Where was it written? The page's content file, if the link is in it, in the
            // form the author wrote (before the base path was put in front).
            std::optional<SourcePos> pos;
            std::string shown = link;
            if (!page.source.empty()) {
                std::vector<std::string> forms = {link};
                if (link.rfind(urls.base_path(), 0) == 0 && urls.base_path() != "/")
                    forms.push_back("/" + link.substr(urls.base_path().size()));
                pos = find_in_source(content_dir, page.source, forms, shown);
            }
            if (!near_path.empty()) {
                // Suggest in the same form: "/themes/…" in content, "/repo/themes/…" in a template.
                bool site_relative = shown != link && shown.rfind("/", 0) == 0;
                suggestion = "did you mean '" + (site_relative ? "/" + near_path : urls.link(near_path)) + "'?";
            }
            if (suggestion.empty()) suggestion = "correct the address, or remove the link";
            std::string problem;
            switch (fault) {
                case Fault::outside:
                    problem = shown.empty() ? "a link with no address"
                                            : "the link '" + shown + "' leads outside this site's address " + urls.base_path();
                    break;
                case Fault::missing: problem = "the link '" + shown + "' leads to no page or file on this site"; break;
                case Fault::fragment:
                    problem = "the link '" + shown + "' points at '#" + t.fragment + "', which is not on " +
                              urls.link(target_page->site_path);
                    break;
                case Fault::none: break;
            }
            std::string where = pos ? page.source : page.template_file;
            if (!reported.insert({where, link}).second) continue;
            if (pos) diagnostics.error(page.source, *pos, problem, suggestion);
            else diagnostics.error(page.template_file, {1, 1}, problem + " (on " + urls.link(page.site_path) + ")", suggestion);
        }
    }
}

}  // namespace techpages
