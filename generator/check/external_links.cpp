#include "check/external_links.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <unordered_map>

#include "check/link_cache.h"
#include "check/private_address.h"
#include "util/text.h"

#ifndef TECHPAGES_VERSION
#define TECHPAGES_VERSION "0"
#endif

namespace techpages {

namespace {

// At most this much of a GET's body is read; then the transfer is cut short on purpose.
constexpr size_t kMaxBodyBytes = 16 * 1024;

using Clock = std::chrono::steady_clock;

void ensure_curl_initialised() {
    static const bool initialised = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)initialised;
}

struct CurlUrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

std::string get_part(CURLU* u, CURLUPart part, unsigned flags = 0) {
    char* value = nullptr;
    if (curl_url_get(u, part, &value, flags) != CURLUE_OK || !value) return {};
    std::string out(value);
    curl_free(value);
    return out;
}

// Bytes above 0x7f after the host are percent-encoded, as a browser would send them.
std::string encode_non_ascii(const std::string& url) {
    size_t scheme_end = url.find("://");
    size_t path_start = scheme_end == std::string::npos ? 0 : url.find_first_of("/?#", scheme_end + 3);
    if (path_start == std::string::npos) return url;
    std::string out = url.substr(0, path_start);
    static const char* hex = "0123456789ABCDEF";
    for (size_t i = path_start; i < url.size(); ++i) {
        auto c = static_cast<unsigned char>(url[i]);
        if (c >= 0x80) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

struct ParsedUrl {
    std::string error;        // non-empty: malformed (or not http(s))
    std::string request_url;  // normalised by libcurl, without the #fragment
    std::string host_key;     // scheme://host:port, for the per-host limit
    std::string host;         // as libcurl reads it (IPv6 in brackets)
    bool has_credentials = false;  // user:password@ (or user@) before the host
};

ParsedUrl parse_url(const std::string& url) {
    ParsedUrl out;
    if (!starts_with_ci(url, "http://") && !starts_with_ci(url, "https://")) {
        out.error = "not an http(s) URL";
        return out;
    }
    for (unsigned char c : url) {
        if (c == ' ') {
            out.error = "contains a space";
            return out;
        }
        if (c < 0x20 || c == 0x7f) {
            out.error = "contains a control character";
            return out;
        }
    }
    CurlUrl u(curl_url());
    if (!u) {
        out.error = "out of memory";
        return out;
    }
    CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, encode_non_ascii(url).c_str(), 0);
    if (rc == CURLUE_NO_HOST) {
        out.error = "no host";
        return out;
    }
    if (rc != CURLUE_OK) {
        out.error = to_lower(curl_url_strerror(rc));
        return out;
    }
    std::string host = get_part(u.get(), CURLUPART_HOST);
    if (host.empty()) {
        out.error = "no host";
        return out;
    }
    out.host = host;
    out.has_credentials = !get_part(u.get(), CURLUPART_USER).empty() || !get_part(u.get(), CURLUPART_PASSWORD).empty();
    curl_url_set(u.get(), CURLUPART_FRAGMENT, nullptr, 0);
    out.request_url = get_part(u.get(), CURLUPART_URL);
    out.host_key = to_lower(get_part(u.get(), CURLUPART_SCHEME)) + "://" + to_lower(host) + ":" +
                   get_part(u.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    if (out.request_url.empty()) out.error = "cannot be parsed";
    return out;
}

std::string_view reason_phrase(long status) {
    switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 406: return "Not Acceptable";
        case 408: return "Request Timeout";
        case 410: return "Gone";
        case 429: return "Too Many Requests";
        case 451: return "Unavailable For Legal Reasons";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return "";
    }
}

std::string describe_status(long status) {
    std::string out = "HTTP " + std::to_string(status);
    auto phrase = reason_phrase(status);
    if (!phrase.empty()) {
        out += ' ';
        out += phrase;
    }
    return out;
}

std::string format_seconds(double seconds) {
    char buffer[32];
    if (seconds == std::floor(seconds)) std::snprintf(buffer, sizeof buffer, "%.0f s", seconds);
    else std::snprintf(buffer, sizeof buffer, "%.1f s", seconds);
    return buffer;
}

bool is_redirect(long status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}
bool is_permanent_redirect(long status) { return status == 301 || status == 308; }

struct Hop {
    long status;
    std::string url;
};

// One URL being checked: its redirect chain so far and the request in flight.
struct Job {
    std::string url;          // the request URL (no fragment)
    std::string current;      // the URL of this hop
    std::string host_key;     // of `current`
    bool use_get = false;     // HEAD was refused on this hop
    int retries = 0;          // retries used on this hop
    std::vector<Hop> chain;   // hops that answered with a redirect
    Clock::time_point not_before{};
    bool done = false;
    ExternalResult result;

    CURL* easy = nullptr;
    size_t body_bytes = 0;
    bool body_cut = false;
    char error[CURL_ERROR_SIZE] = {};
    std::string refused;  // set by refuse_private_addresses: why the connection was not made
};

// Why a URL is never requested: it carries credentials, or (unless allowed) names a
// private address. "" when it may be requested.
std::string refusal_reason(const ParsedUrl& url, bool allow_private) {
    if (url.has_credentials) return "it holds a user name or password, which the checker never sends";
    if (allow_private) return "";
    std::string why = private_host_reason(url.host);
    return why.empty() ? "" : url.host + " is " + why;
}

// CURLOPT_OPENSOCKETFUNCTION: sees the address each connection is about to be made to,
// after DNS, so a name that resolves to a private address is caught as well.
curl_socket_t refuse_private_addresses(void* data, curlsocktype, curl_sockaddr* address) {
    auto* job = static_cast<Job*>(data);
    std::string why = private_address_reason(&address->addr);
    if (!why.empty()) {
        char text[INET6_ADDRSTRLEN] = "?";
        const sockaddr* a = &address->addr;
        if (a->sa_family == AF_INET) inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(a)->sin_addr, text, sizeof text);
        if (a->sa_family == AF_INET6) inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(a)->sin6_addr, text, sizeof text);
        job->refused = std::string("it resolves to ") + text + ", " + why;
        return CURL_SOCKET_BAD;
    }
    return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

size_t write_callback(char*, size_t size, size_t count, void* user) {
    auto* job = static_cast<Job*>(user);
    job->body_bytes += size * count;
    if (job->body_bytes > kMaxBodyBytes) {
        job->body_cut = true;  // the status is known; the rest of the page is not needed
        return 0;
    }
    return size * count;
}

long long epoch_now() { return static_cast<long long>(std::time(nullptr)); }

class Checker {
public:
    Checker(const ExternalCheckOptions& options, std::string user_agent)
        : options_(options), user_agent_(std::move(user_agent)) {
        multi_ = curl_multi_init();
        curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(max_total()));
        curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(max_per_host()));
        curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, static_cast<long>(max_total()));
    }
    ~Checker() {
        for (Job* job : in_flight_) {
            curl_multi_remove_handle(multi_, job->easy);
            curl_easy_cleanup(job->easy);
        }
        curl_multi_cleanup(multi_);
    }
    Checker(const Checker&) = delete;
    Checker& operator=(const Checker&) = delete;

    void run(std::vector<Job*>& jobs, Clock::time_point deadline_at) {
        deadline_at_ = deadline_at;
        for (Job* job : jobs) ready_[job->host_key].push_back(job);
        for (;;) {
            auto now = Clock::now();
            if (now >= deadline_at_) break;
            promote_waiting(now);
            fill();
            if (in_flight_.empty() && ready_.empty() && waiting_.empty()) break;
            int running = 0;
            curl_multi_perform(multi_, &running);
            drain_messages();
            promote_waiting(Clock::now());
            fill();
            if (in_flight_.empty() && ready_.empty() && waiting_.empty()) break;
            curl_multi_poll(multi_, nullptr, 0, poll_timeout_ms(), nullptr);
        }
        // Whatever is left when the deadline comes is cancelled and said so.
        for (Job* job : jobs) {
            if (job->done) continue;
            finish(*job, LinkVerdict::not_checked, "not checked: deadline reached");
        }
    }

private:
    int max_total() const { return std::max(1, options_.max_total); }
    int max_per_host() const { return std::max(1, options_.max_per_host); }

    void promote_waiting(Clock::time_point now) {
        for (auto it = waiting_.begin(); it != waiting_.end();) {
            if ((*it)->not_before <= now) {
                ready_[(*it)->host_key].push_back(*it);
                it = waiting_.erase(it);
            } else {
                ++it;
            }
        }
    }

    // Starts what the limits allow, one job per host in turn so no host is starved.
    void fill() {
        bool started = true;
        while (started && static_cast<int>(in_flight_.size()) < max_total()) {
            started = false;
            for (auto it = ready_.begin(); it != ready_.end() && static_cast<int>(in_flight_.size()) < max_total();) {
                auto& [host, queue] = *it;
                if (!queue.empty() && active_by_host_[host] < max_per_host()) {
                    Job* job = queue.front();
                    queue.pop_front();
                    start(*job);
                    started = true;
                }
                it = queue.empty() ? ready_.erase(it) : std::next(it);
            }
        }
    }

    long poll_timeout_ms() const {
        auto now = Clock::now();
        auto until = deadline_at_;
        for (const Job* job : waiting_) until = std::min(until, job->not_before);
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count() + 1;
        return std::clamp<long>(static_cast<long>(ms), 0, 1000);
    }

    void start(Job& job) {
        CURL* e = curl_easy_init();
        job.easy = e;
        job.body_bytes = 0;
        job.body_cut = false;
        job.error[0] = '\0';
        job.refused.clear();
        curl_easy_setopt(e, CURLOPT_URL, job.current.c_str());
        if (!options_.allow_private_addresses) {
            curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, refuse_private_addresses);
            curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, &job);
        }
        curl_easy_setopt(e, CURLOPT_PRIVATE, &job);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, job.error);
        if (job.use_get) curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
        else curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);  // followed here, hop by hop
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_USERAGENT, user_agent_.c_str());
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
        // A transfer cancelled at the deadline during its DNS lookup leaves the resolver thread
        // to finish on its own, instead of waiting for it: the deadline holds.
        curl_easy_setopt(e, CURLOPT_QUICK_EXIT, 1L);
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout * 1000));
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.request_timeout * 1000));
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, write_callback);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &job);
        curl_multi_add_handle(multi_, e);
        in_flight_.insert(&job);
        ++active_by_host_[job.host_key];
    }

    void drain_messages() {
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
            if (msg->msg != CURLMSG_DONE) continue;
            CURL* e = msg->easy_handle;
            CURLcode code = msg->data.result;
            Job* job = nullptr;
            curl_easy_getinfo(e, CURLINFO_PRIVATE, &job);
            transfer_done(*job, code);
        }
    }

    void release(Job& job) {
        curl_multi_remove_handle(multi_, job.easy);
        curl_easy_cleanup(job.easy);
        job.easy = nullptr;
        in_flight_.erase(&job);
        if (--active_by_host_[job.host_key] <= 0) active_by_host_.erase(job.host_key);
    }

    void finish(Job& job, LinkVerdict verdict, std::string message) {
        if (job.easy) release(job);
        job.done = true;
        job.result.verdict = verdict;
        job.result.message = std::move(message);
        if (job.result.final_url.empty()) job.result.final_url = job.current;
    }

    void again_now(Job& job) { ready_[job.host_key].push_back(&job); }

    // Skipped for safety: a private address (after DNS, or a redirect to one), or credentials.
    void refuse(Job& job, const std::string& why) {
        std::string hop = job.chain.empty() ? "" : "it redirects to " + job.result.final_url + ", and ";
        job.result.refused = true;
        finish(job, LinkVerdict::skipped, "skipped: " + hop + why);
    }

    std::string chain_text(const Job& job, const std::string& last) const {
        std::string out;
        for (const auto& hop : job.chain) out += hop.url + " → ";
        return out + last;
    }

    void transfer_done(Job& job, CURLcode code) {
        long status = 0;
        curl_easy_getinfo(job.easy, CURLINFO_RESPONSE_CODE, &status);
        char* location = nullptr;
        curl_easy_getinfo(job.easy, CURLINFO_REDIRECT_URL, &location);
        std::string redirect_to = location ? location : "";
        curl_off_t retry_after = 0;
        curl_easy_getinfo(job.easy, CURLINFO_RETRY_AFTER, &retry_after);
        // Zero until a connection is ready to send on. (CONNECT_TIME is zero as well on a
        // reused keep-alive connection, so it cannot tell "never connected" from "reused".)
        curl_off_t pretransfer_us = 0;
        curl_easy_getinfo(job.easy, CURLINFO_PRETRANSFER_TIME_T, &pretransfer_us);
        std::string error = job.error[0] ? job.error : curl_easy_strerror(code);
        release(job);

        if (code == CURLE_WRITE_ERROR && job.body_cut) code = CURLE_OK;
        job.result.status = status;
        if (!job.refused.empty() && code != CURLE_OK) {
            job.result.final_url = job.current;
            refuse(job, job.refused);
            return;
        }

        if (code != CURLE_OK) {
            if (code == CURLE_OPERATION_TIMEDOUT) {
                job.result.final_url = job.current;
                if (status == 0 && pretransfer_us == 0)
                    finish(job, LinkVerdict::timeout,
                           "timed out: no connection within " + format_seconds(options_.connect_timeout));
                else
                    finish(job, LinkVerdict::timeout,
                           "timed out: no answer within " + format_seconds(options_.request_timeout));
                return;
            }
            // Some servers drop the connection on HEAD; a GET may still work.
            if (!job.use_get && (code == CURLE_GOT_NOTHING || code == CURLE_RECV_ERROR ||
                                 code == CURLE_PARTIAL_FILE || code == CURLE_WEIRD_SERVER_REPLY)) {
                job.use_get = true;
                again_now(job);
                return;
            }
            job.result.final_url = job.current;
            std::string what = code == CURLE_COULDNT_RESOLVE_HOST ? "host not found"
                               : code == CURLE_COULDNT_CONNECT    ? "could not connect"
                                                                  : "request failed";
            finish(job, LinkVerdict::broken, what + ": " + error);
            return;
        }

        if (is_redirect(status) && !redirect_to.empty()) {
            job.chain.push_back({status, job.current});
            ParsedUrl next = parse_url(redirect_to);
            if (!next.error.empty()) {
                job.result.final_url = redirect_to;
                finish(job, LinkVerdict::broken, "redirects to a malformed URL (" + next.error + "): " + redirect_to);
                return;
            }
            if (std::string why = refusal_reason(next, options_.allow_private_addresses); !why.empty()) {
                job.result.final_url = next.request_url;
                refuse(job, why);
                return;
            }
            for (const auto& hop : job.chain) {
                if (hop.url == next.request_url) {
                    job.result.final_url = next.request_url;
                    finish(job, LinkVerdict::broken, "redirect loop: " + chain_text(job, next.request_url));
                    return;
                }
            }
            if (static_cast<int>(job.chain.size()) > options_.max_redirects) {
                job.result.final_url = next.request_url;
                finish(job, LinkVerdict::broken,
                       "too many redirects (more than " + std::to_string(options_.max_redirects) + ")");
                return;
            }
            job.current = next.request_url;
            job.host_key = next.host_key;
            job.use_get = false;
            job.retries = 0;
            again_now(job);
            return;
        }

        job.result.final_url = job.current;
        if ((status >= 200 && status < 300) || status == 304) {
            long permanent = 0;
            for (const auto& hop : job.chain)
                if (is_permanent_redirect(hop.status) && !permanent) permanent = hop.status;
            if (permanent) {
                finish(job, LinkVerdict::redirected,
                       "permanent redirect (" + std::to_string(permanent) + "): link to " + job.current +
                           " instead");
            } else if (!job.chain.empty()) {
                finish(job, LinkVerdict::good, "HTTP " + std::to_string(status) + " at " + job.current +
                                                   " after a temporary redirect");
            } else {
                finish(job, LinkVerdict::good, "HTTP " + std::to_string(status));
            }
            return;
        }

        bool retryable = status == 429 || (status >= 500 && status <= 599 && !(status == 501 && !job.use_get));
        if (retryable) {
            if (job.retries < options_.max_retries) {
                double wait = retry_after > 0 ? static_cast<double>(retry_after)
                                              : options_.retry_base_delay * std::pow(2.0, job.retries);
                wait = std::clamp(wait, 0.0, options_.max_retry_wait);
                auto when = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                               std::chrono::duration<double>(wait));
                if (when >= deadline_at_) {
                    finish(job, LinkVerdict::not_checked,
                           "not checked: " + describe_status(status) + ", and a retry after " + format_seconds(wait) +
                               " would pass the deadline");
                    return;
                }
                ++job.retries;
                // A server that fails HEAD with a 5xx may only be failing HEAD: the retry asks with GET.
                if (status != 429) job.use_get = true;
                job.not_before = when;
                waiting_.push_back(&job);
                return;
            }
            std::string tries = " (after " + std::to_string(job.retries) + " retries)";
            if (status == 429)
                finish(job, LinkVerdict::not_checked, "not checked: still rate limited, HTTP 429" + tries);
            else
                finish(job, LinkVerdict::broken, describe_status(status) + tries + where(job));
            return;
        }

        // HEAD refused (405, 501) or answered oddly (another 4xx): ask again with GET.
        if (!job.use_get && (status == 405 || status == 501 || (status >= 400 && status < 500))) {
            job.use_get = true;
            again_now(job);
            return;
        }
        if (status == 0) {
            finish(job, LinkVerdict::broken, "no HTTP status in the answer");
            return;
        }
        if (is_redirect(status) || (status >= 300 && status < 400)) {
            finish(job, LinkVerdict::broken, describe_status(status) + " without a usable Location" + where(job));
            return;
        }
        finish(job, LinkVerdict::broken, describe_status(status) + where(job));
    }

    // " at <final URL>" when redirects led somewhere else.
    static std::string where(const Job& job) { return job.chain.empty() ? "" : " at " + job.current; }

    const ExternalCheckOptions& options_;
    std::string user_agent_;
    CURLM* multi_ = nullptr;
    Clock::time_point deadline_at_;
    std::map<std::string, std::deque<Job*>> ready_;  // by host key
    std::vector<Job*> waiting_;                      // backing off until not_before
    std::set<Job*> in_flight_;
    std::unordered_map<std::string, int> active_by_host_;
};

}  // namespace

std::string_view verdict_name(LinkVerdict verdict) {
    switch (verdict) {
        case LinkVerdict::good: return "good";
        case LinkVerdict::redirected: return "redirected";
        case LinkVerdict::broken: return "broken";
        case LinkVerdict::timeout: return "timeout";
        case LinkVerdict::skipped: return "skipped";
        case LinkVerdict::cached: return "cached";
        case LinkVerdict::not_checked: return "not_checked";
    }
    return "unknown";
}

std::string link_checker_user_agent(std::string_view contact) {
    std::string agent = std::string("techpages-linkcheck/") + TECHPAGES_VERSION;
    if (contact.empty()) return agent;
    bool web = starts_with_ci(contact, "https://") || starts_with_ci(contact, "http://");
    return agent + " (+" + (web ? "" : "mailto:") + std::string(contact) + ")";
}

bool glob_match(std::string_view pattern, std::string_view text) {
    // Iterative matcher with one backtrack point: linear-ish, no recursion.
    size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::string malformed_reason(const std::string& url) { return parse_url(url).error; }

std::vector<ExternalResult> check_external_links(const std::vector<std::string>& urls,
                                                 const ExternalCheckOptions& options) {
    auto started = Clock::now();
    auto deadline_at = started + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(std::max(0.0, options.deadline)));
    ensure_curl_initialised();
    long long now_epoch = epoch_now();

    LinkCache cache;
    if (!options.cache_file.empty()) cache = read_link_cache(options.cache_file);

    std::vector<ExternalResult> results(urls.size());
    // Each input either has its result already or waits for the job of its request URL.
    std::vector<std::unique_ptr<Job>> jobs;
    std::map<std::string, Job*> job_by_request;
    std::vector<Job*> job_of(urls.size(), nullptr);

    for (size_t i = 0; i < urls.size(); ++i) {
        const std::string& url = urls[i];
        ExternalResult& r = results[i];
        r.url = url;
        auto pattern = std::find_if(options.skip_patterns.begin(), options.skip_patterns.end(),
                                    [&](const std::string& p) { return glob_match(p, url); });
        if (pattern != options.skip_patterns.end()) {
            r.verdict = LinkVerdict::skipped;
            r.message = "skipped: matches \"" + *pattern + "\"";
            continue;
        }
        ParsedUrl parsed = parse_url(url);
        if (parsed.error == "not an http(s) URL") {
            r.verdict = LinkVerdict::skipped;
            r.message = "skipped: not an http(s) URL";
            continue;
        }
        if (!parsed.error.empty()) {
            r.verdict = LinkVerdict::broken;
            r.message = "malformed URL: " + parsed.error;
            continue;
        }
        if (std::string why = refusal_reason(parsed, options.allow_private_addresses); !why.empty()) {
            r.verdict = LinkVerdict::skipped;
            r.refused = true;
            r.message = "skipped: " + why;
            continue;
        }
        if (auto it = cache.find(parsed.request_url); it != cache.end()) {
            const LinkCacheEntry& entry = it->second;
            bool reusable = entry.verdict == LinkVerdict::good || entry.verdict == LinkVerdict::redirected;
            if (reusable && cache_entry_fresh(entry, now_epoch, options.cache_expiry_seconds)) {
                r.from_cache = true;
                r.status = entry.status;
                r.final_url = entry.final_url;
                if (entry.verdict == LinkVerdict::good) {
                    r.verdict = LinkVerdict::cached;
                    r.message = "cached: HTTP " + std::to_string(entry.status);
                } else {
                    r.verdict = LinkVerdict::redirected;
                    r.message = "permanent redirect: link to " + entry.final_url + " instead (cached)";
                }
                continue;
            }
        }
        Job*& job = job_by_request[parsed.request_url];
        if (!job) {
            jobs.push_back(std::make_unique<Job>());
            job = jobs.back().get();
            job->url = job->current = parsed.request_url;
            job->host_key = parsed.host_key;
        }
        job_of[i] = job;
    }

    if (!jobs.empty()) {
        std::vector<Job*> order;
        for (auto& job : jobs) order.push_back(job.get());
        std::string user_agent = options.user_agent.empty() ? link_checker_user_agent() : options.user_agent;
        Checker checker(options, user_agent);
        checker.run(order, deadline_at);
    }

    for (size_t i = 0; i < urls.size(); ++i) {
        if (!job_of[i]) continue;
        std::string url = results[i].url;
        results[i] = job_of[i]->result;
        results[i].url = std::move(url);
    }

    if (!options.cache_file.empty()) {
        long long checked_at = epoch_now();
        for (const auto& job : jobs) {
            LinkVerdict v = job->result.verdict;
            if (v != LinkVerdict::good && v != LinkVerdict::redirected && v != LinkVerdict::broken &&
                v != LinkVerdict::timeout)
                continue;  // not_checked: whatever the cache knew still stands
            cache[job->url] = {v, job->result.status, job->result.final_url, checked_at};
        }
        for (auto it = cache.begin(); it != cache.end();) {
            if (cache_entry_fresh(it->second, checked_at, options.cache_expiry_seconds)) ++it;
            else it = cache.erase(it);
        }
        write_link_cache(options.cache_file, cache);
    }
    return results;
}

ExternalSummary summarise(const std::vector<ExternalResult>& results) {
    ExternalSummary s;
    for (const auto& r : results) {
        switch (r.verdict) {
            case LinkVerdict::good: ++s.good; break;
            case LinkVerdict::redirected: ++s.redirected; break;
            case LinkVerdict::broken: ++s.broken; break;
            case LinkVerdict::timeout: ++s.timeout; break;
            case LinkVerdict::skipped: ++s.skipped; break;
            case LinkVerdict::cached: ++s.cached; break;
            case LinkVerdict::not_checked: ++s.not_checked; break;
        }
    }
    return s;
}

std::string format_summary(const ExternalSummary& s) {
    return std::to_string(s.good) + " good, " + std::to_string(s.redirected) + " redirected, " +
           std::to_string(s.broken) + " broken, " + std::to_string(s.timeout) + " timed out, " +
           std::to_string(s.skipped) + " skipped, " + std::to_string(s.cached) + " cached, " +
           std::to_string(s.not_checked) + " not checked";
}

}  // namespace techpages
