#include "check/external_report.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "util/text.h"

namespace techpages {

namespace {

// Content files searched for one address before it is put down to the template: a link
// in the footer is on every page, and no content file holds it.
constexpr size_t kMaxSourcesTried = 200;

bool is_http(const std::string& link) { return starts_with_ci(link, "http://") || starts_with_ci(link, "https://"); }

// How a content file may hold an address the page shows: as it is, without its final
// slash, or (for identifiers such as an ORCID iD that the template turns into a link)
// only its last path segment.
std::vector<std::string> written_forms(const std::string& url) {
    std::vector<std::string> forms = {url};
    std::string bare = url;
    if (auto hash = bare.find('#'); hash != std::string::npos) bare.resize(hash);
    while (!bare.empty() && bare.back() == '/') bare.pop_back();
    if (bare != url) forms.push_back(bare);
    auto slash = bare.rfind('/');
    if (slash != std::string::npos && bare.find("://") + 2 < slash) {
        std::string last = bare.substr(slash + 1);
        if (last.size() >= 8) forms.push_back(last);
    }
    return forms;
}

bool refuses_checkers(long status) { return status == 401 || status == 403 || status == 429 || status == 999; }

}  // namespace

std::vector<ExternalLinkUse> collect_external_links(const std::vector<PageLinks>& pages, const Urls& urls,
                                                    const std::string& content_dir) {
    std::vector<ExternalLinkUse> uses;
    std::unordered_map<std::string, size_t> index;  // url → uses[…]
    std::vector<size_t> tries;                      // content files searched, per use
    std::vector<bool> located;
    std::vector<const PageLinks*> last_page;        // the page it was last counted on
    for (const auto& page : pages) {
        std::optional<std::optional<std::string>> text;  // read once per page, when needed
        for (const auto& link : page.links) {
            if (!is_http(link) || resolve_link(link, page.site_path, urls).internal) continue;
            auto [it, added] = index.try_emplace(link, uses.size());
            if (added) {
                ExternalLinkUse use;
                use.url = link;
                use.file = page.template_file;
                use.pos = {1, 1};
                use.page = urls.link(page.site_path);
                use.pages = 0;
                uses.push_back(std::move(use));
                tries.push_back(0);
                located.push_back(false);
                last_page.push_back(nullptr);
            }
            size_t i = it->second;
            ExternalLinkUse& use = uses[i];
            if (last_page[i] != &page) {
                last_page[i] = &page;
                ++use.pages;
            }
            if (located[i] || page.source.empty() || tries[i] >= kMaxSourcesTried) continue;
            ++tries[i];
            if (!text) text = read_source_text(content_dir, page.source);
            std::string written;
            if (!*text) continue;
            if (auto pos = find_link_in_text(**text, written_forms(link), written)) {
                use.file = page.source;
                use.pos = *pos;
                use.page.clear();
                located[i] = true;
            }
        }
    }
    return uses;
}

ExternalCheckOptions link_check_options(const LinkCheckSettings& settings, const std::string& base_url,
                                        const std::filesystem::path& cache_file) {
    ExternalCheckOptions options;
    options.skip_patterns = settings.skip;
    options.allow_private_addresses = settings.allow_private_addresses;
    options.max_total = settings.max_connections;
    options.max_per_host = settings.max_per_host;
    options.request_timeout = settings.timeout_seconds;
    options.connect_timeout = std::min(5.0, options.request_timeout);
    options.deadline = settings.deadline_seconds;
    // An expiry of 0 days means "always ask": no cache is read or written.
    if (settings.cache_expiry_days > 0) options.cache_file = cache_file;
    options.cache_expiry_seconds = static_cast<long>(settings.cache_expiry_days) * 24 * 3600;
    std::string contact = settings.contact;
    if (contact.empty() && is_http(base_url)) contact = base_url;
    options.user_agent = link_checker_user_agent(contact);
    return options;
}

ExternalSummary report_external_links(const std::vector<ExternalLinkUse>& uses, const ExternalCheckOptions& options,
                                      SourcePos settings_pos, Diagnostics& diagnostics) {
    std::vector<std::string> urls;
    urls.reserve(uses.size());
    for (const auto& use : uses) urls.push_back(use.url);
    std::vector<ExternalResult> results = check_external_links(urls, options);

    size_t not_checked = 0;
    std::string first_not_checked;
    for (size_t i = 0; i < uses.size(); ++i) {
        const ExternalLinkUse& use = uses[i];
        const ExternalResult& r = results[i];
        // Said once, at the first place; how many pages share it tells how big the fix is.
        std::string where = use.page.empty() ? "" : " (on " + use.page + ")";
        if (use.pages > 1) where += " — on " + std::to_string(use.pages) + " pages";
        std::string link = "the link '" + use.url + "'";
        switch (r.verdict) {
            case LinkVerdict::broken:
                diagnostics.error(use.file, use.pos, link + " is broken: " + r.message + where,
                                  refuses_checkers(r.status)
                                      ? "if it opens in a browser, the site turns link checkers away: add it to skip "
                                        "in [link_check] of site.toml"
                                      : "correct the address, link to an archived copy, or remove the link");
                break;
            case LinkVerdict::timeout:
                diagnostics.error(use.file, use.pos, link + " did not answer: " + r.message + where,
                                  "if it opens in a browser, the site is only slow: raise timeout_seconds in "
                                  "[link_check] of site.toml");
                break;
            case LinkVerdict::redirected:
                diagnostics.warning(use.file, use.pos, link + " has moved permanently to '" + r.final_url + "'" + where,
                                    "link to '" + r.final_url + "' instead");
                break;
            case LinkVerdict::not_checked:
                if (!not_checked++) first_not_checked = use.url + " (" + r.message + ")";
                break;
            case LinkVerdict::skipped:
                if (r.refused)
                    diagnostics.warning(use.file, use.pos, link + " was not checked: " + r.message.substr(std::string_view("skipped: ").size()) + where,
                                        r.message.find("user name") != std::string::npos
                                            ? "remove the user name and password from the address"
                                            : "link to a public address, or set allow_private_addresses = true in [link_check] "
                                              "of site.toml if the site is meant for a private network");
                break;
            case LinkVerdict::good:
            case LinkVerdict::cached: break;
        }
    }
    if (not_checked)
        diagnostics.warning("site.toml", settings_pos,
                            std::to_string(not_checked) + (not_checked == 1 ? " external link was" : " external links were") +
                                " not checked, e.g. " + first_not_checked,
                            "run the check again (links found good are cached, so each run goes further), or raise "
                            "deadline_seconds in [link_check]");
    return summarise(results);
}

}  // namespace techpages
