// The external half of link checking: every http(s) address the site links to must
// still answer. Checked with libcurl's multi interface (many requests at once, a few
// per host), HEAD first and GET where HEAD is refused, redirects followed one hop at a
// time so the chain is known, 429 and 5xx retried with back-off, and one overall
// deadline so a check always ends. Results are kept in a cache file, so a link known
// to be good is not asked about again until the cache entry expires.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace techpages {

struct ExternalCheckOptions {
    // Globs matched against the whole URL as written; '*' matches any run of characters
    // (including '/'), e.g. "https://www.linkedin.com/*", "*://localhost*".
    std::vector<std::string> skip_patterns;
    int max_total = 32;                // requests in flight at once
    int max_per_host = 4;              // requests in flight to one scheme://host:port
    double connect_timeout = 5;        // seconds, per request
    double request_timeout = 10;       // seconds, per request (headers and, for GET, the first body bytes)
    double deadline = 60;              // seconds for the whole check; what is left then is "not checked"
    int max_retries = 2;               // further attempts after a 429 or 5xx (a 5xx on HEAD is retried with GET)
    double retry_base_delay = 1;       // first back-off in seconds, doubled for each further retry
    double max_retry_wait = 30;        // cap on one wait, whether from back-off or from Retry-After
    int max_redirects = 10;            // hops followed before a chain counts as broken
    std::filesystem::path cache_file;  // empty: no cache (nothing read or written)
    long cache_expiry_seconds = 7L * 24 * 3600;
    std::string user_agent;  // empty: link_checker_user_agent() with no contact
    // false: loopback, private, link-local and other non-public addresses (check/private_address.h)
    // are never asked, whether written in the URL, resolved from its name or redirected to.
    bool allow_private_addresses = false;
};

enum class LinkVerdict {
    good,         // answered 2xx, perhaps after temporary redirects
    redirected,   // answered 2xx after a permanent redirect (301/308): a warning; final_url says where
    broken,       // 4xx/5xx, redirect loop, too many redirects, could not connect, malformed URL, …
    timeout,      // no (complete) answer within connect_timeout / request_timeout
    skipped,      // matched a skip pattern, not an http(s) URL, or refused (see ExternalResult::refused)
    cached,       // known good from the cache file; no request sent
    not_checked,  // the overall deadline came first (or still rate limited after every retry)
};

struct ExternalResult {
    std::string url;  // as given
    LinkVerdict verdict = LinkVerdict::not_checked;
    long status = 0;          // the last HTTP status seen (0: no answer)
    std::string final_url;    // where the redirects ended: the URL itself (normalised, without #fragment)
                              // when there were none; "" when no request was made (skipped, malformed)
    std::string message;      // one line for people: why it is broken, where it moved, …
    bool from_cache = false;  // true for `cached`, and for a `redirected` taken from the cache
    bool refused = false;     // skipped for safety: a private address, or a user name or password in it
};

// One result per entry of `urls`, in the same order; a URL given twice (or differing only
// in its #fragment) is requested once. Returns once options.deadline has passed, whatever
// is still pending. Reads and rewrites options.cache_file if set.
// Safe to call from several threads at once (each call has its own libcurl handles).
std::vector<ExternalResult> check_external_links(const std::vector<std::string>& urls,
                                                 const ExternalCheckOptions& options);

struct ExternalSummary {
    size_t good = 0, redirected = 0, broken = 0, timeout = 0, skipped = 0, cached = 0, not_checked = 0;
    size_t total() const { return good + redirected + broken + timeout + skipped + cached + not_checked; }
    // Nothing broken and nothing timed out (redirects are warnings; not_checked is neither).
    bool ok() const { return broken == 0 && timeout == 0; }
};
ExternalSummary summarise(const std::vector<ExternalResult>& results);
// "12 good, 1 redirected, 2 broken, 0 timed out, 3 skipped, 40 cached, 0 not checked"
std::string format_summary(const ExternalSummary& summary);

// "good", "redirected", "broken", "timeout", "skipped", "cached", "not_checked"
std::string_view verdict_name(LinkVerdict verdict);

// "techpages-linkcheck/<version> (+<contact>)": the contact (a web address, or an e-mail
// address written as mailto:) tells a site owner who sees the checker in their logs whose
// it is. The site's [link_check] contact, else its base_url; without one, no brackets.
std::string link_checker_user_agent(std::string_view contact = {});

// Helpers, exposed for tests.
// Whole-string match where '*' matches any run of characters.
bool glob_match(std::string_view pattern, std::string_view text);
// Why `url` cannot be requested ("no host", "contains a space", …), or "" when it can.
// Only http and https URLs are considered; anything else gets "not an http(s) URL".
std::string malformed_reason(const std::string& url);

}  // namespace techpages
