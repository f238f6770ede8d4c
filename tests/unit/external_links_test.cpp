// External link checking against a small HTTP server run by the test itself on
// 127.0.0.1 (tests/http_test_server.h), which counts requests per path and method, so
// the tests can tell exactly what the checker asked for.
#include "check/external_links.h"

#include <netdb.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "check/link_cache.h"
#include "http_test_server.h"
#include "test_support.h"

using ::testing::HasSubstr;

namespace techpages {
namespace {

using namespace std::chrono_literals;
using namespace techpages::testing;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Every path the tests use.
Response routes(const Request& r) {
    const std::string& p = r.path;
    if (p == "/ok" || p.rfind("/page/", 0) == 0) return {200, {}, "hello", 0ms};
    if (p == "/missing") return {404, {}, "", 0ms};
    if (p == "/gone") return {410, {}, "", 0ms};
    // a chain with two permanent hops: /old → /older → /new
    if (p == "/old") return redirect(301, "/older");
    if (p == "/older") return redirect(308, "/new");
    if (p == "/new") return {200, {}, "", 0ms};
    if (p == "/temp") return redirect(302, "/ok");
    if (p == "/loop/a") return redirect(302, "/loop/b");
    if (p == "/loop/b") return redirect(302, "/loop/a");
    if (p.rfind("/endless/", 0) == 0) return redirect(302, "/endless/" + std::to_string(std::stoi(p.substr(9)) + 1));
    if (p == "/bad-location") return redirect(302, "http://");
    if (p == "/to-credentials") return redirect(302, "http://user:secret@127.0.0.1:9/ok");
    if (p.rfind("/slow", 0) == 0) return {200, {}, "", 3000ms};
    if (p.rfind("/latency/", 0) == 0) return {200, {}, "", 150ms};
    if (p == "/busy") return r.count == 1 ? Response{429, {{"Retry-After", "1"}}, "", 0ms} : Response{};
    if (p == "/busy-date")
        return r.count == 1 ? Response{429, {{"Retry-After", http_date(std::time(nullptr) + 2)}}, "", 0ms} : Response{};
    if (p == "/rate-limited") return {429, {{"Retry-After", "3600"}}, "", 0ms};
    if (p == "/flaky") return r.count == 1 ? Response{503, {}, "", 0ms} : Response{};
    if (p == "/down") return {503, {}, "", 0ms};
    if (p == "/head-refused") return r.method == "HEAD" ? Response{405, {{"Allow", "GET"}}, "", 0ms} : Response{};
    if (p == "/head-not-implemented") return r.method == "HEAD" ? Response{501, {}, "", 0ms} : Response{};
    if (p == "/big")
        return r.method == "HEAD" ? Response{405, {}, "", 0ms} : Response{200, {}, std::string(1 << 20, 'x'), 0ms};
    if (p.rfind("/private/", 0) == 0) return {200, {}, "", 0ms};
    return {404, {}, "", 0ms};
}

// Options that keep every test short.
ExternalCheckOptions quick_options() {
    ExternalCheckOptions o;
    o.connect_timeout = 2;
    o.request_timeout = 2;
    o.deadline = 10;
    o.retry_base_delay = 0.1;
    o.max_retry_wait = 3;
    o.allow_private_addresses = true;  // the test server is on 127.0.0.1
    return o;
}

const ExternalResult& only(const std::vector<ExternalResult>& results) {
    EXPECT_EQ(results.size(), 1u);
    return results.front();
}

std::string describe(const ExternalResult& r) {
    return r.url + ": " + std::string(verdict_name(r.verdict)) + " " + std::to_string(r.status) + " → " + r.final_url +
           " (" + r.message + ")";
}

// ---- helpers ----

TEST(ExternalLinks, GlobMatchesWholeUrlWithStars) {
    EXPECT_TRUE(glob_match("https://www.linkedin.com/*", "https://www.linkedin.com/in/someone"));
    EXPECT_TRUE(glob_match("*://localhost*", "http://localhost:8000/x"));
    EXPECT_TRUE(glob_match("*example.org*", "https://sub.example.org/a?b"));
    EXPECT_TRUE(glob_match("https://a.org/x", "https://a.org/x"));
    EXPECT_TRUE(glob_match("*", ""));
    EXPECT_TRUE(glob_match("a*b*c", "aXXbYYbZZc"));
    EXPECT_FALSE(glob_match("https://a.org/x", "https://a.org/xy"));
    EXPECT_FALSE(glob_match("https://www.linkedin.com/*", "https://linkedin.com/in/someone"));
    EXPECT_FALSE(glob_match("a*b*c", "aXXbYYbZZ"));
}

TEST(ExternalLinks, MalformedReasons) {
    EXPECT_EQ(malformed_reason("https://example.org/page?q=1#top"), "");
    EXPECT_EQ(malformed_reason("HTTP://EXAMPLE.ORG"), "");
    EXPECT_EQ(malformed_reason("https://example.org/caf\xc3\xa9"), "");
    EXPECT_EQ(malformed_reason("http://"), "no host");
    EXPECT_EQ(malformed_reason("https://exa mple.org"), "contains a space");
    EXPECT_EQ(malformed_reason("mailto:someone@example.org"), "not an http(s) URL");
    EXPECT_NE(malformed_reason("https://example.org:99999/"), "");
}

TEST(ExternalLinks, SummaryCountsEachVerdict) {
    std::vector<ExternalResult> results(7);
    LinkVerdict all[] = {LinkVerdict::good,    LinkVerdict::redirected, LinkVerdict::broken,     LinkVerdict::timeout,
                         LinkVerdict::skipped, LinkVerdict::cached,     LinkVerdict::not_checked};
    for (size_t i = 0; i < 7; ++i) results[i].verdict = all[i];
    results.push_back(results[0]);
    auto s = summarise(results);
    EXPECT_EQ(s.good, 2u);
    EXPECT_EQ(s.total(), 8u);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(format_summary(s), "2 good, 1 redirected, 1 broken, 1 timed out, 1 skipped, 1 cached, 1 not checked");
}

// ---- against the server ----

TEST(ExternalLinks, OkNotFoundAndGone) {
    TestServer server(routes);
    auto results =
        check_external_links({server.url("/ok"), server.url("/missing"), server.url("/gone")}, quick_options());
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].verdict, LinkVerdict::good) << describe(results[0]);
    EXPECT_EQ(results[0].status, 200);
    EXPECT_EQ(results[0].final_url, server.url("/ok"));
    EXPECT_EQ(results[1].verdict, LinkVerdict::broken) << describe(results[1]);
    EXPECT_EQ(results[1].status, 404);
    EXPECT_THAT(results[1].message, HasSubstr("404 Not Found")) << results[1].message;
    EXPECT_EQ(results[2].verdict, LinkVerdict::broken) << describe(results[2]);
    EXPECT_EQ(results[2].status, 410);
    // HEAD first; only a refused HEAD is asked again with GET.
    EXPECT_EQ(server.count("HEAD", "/ok"), 1);
    EXPECT_EQ(server.count("GET", "/ok"), 0);
    EXPECT_EQ(server.count("HEAD", "/missing"), 1);
    EXPECT_EQ(server.count("GET", "/missing"), 1);
}

TEST(ExternalLinks, PermanentRedirectChainIsAWarningWithTheFinalUrl) {
    TestServer server(routes);
    auto r = only(check_external_links({server.url("/old")}, quick_options()));
    EXPECT_EQ(r.verdict, LinkVerdict::redirected) << describe(r);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.final_url, server.url("/new"));
    EXPECT_THAT(r.message, HasSubstr(server.url("/new"))) << r.message;
    EXPECT_EQ(server.count("/old"), 1);
    EXPECT_EQ(server.count("/older"), 1);
    EXPECT_EQ(server.count("/new"), 1);
}

TEST(ExternalLinks, TemporaryRedirectIsGoodAndKeepsTheFinalUrl) {
    TestServer server(routes);
    auto r = only(check_external_links({server.url("/temp")}, quick_options()));
    EXPECT_EQ(r.verdict, LinkVerdict::good) << describe(r);
    EXPECT_EQ(r.final_url, server.url("/ok"));
}

TEST(ExternalLinks, RedirectLoopIsBroken) {
    TestServer server(routes);
    auto r = only(check_external_links({server.url("/loop/a")}, quick_options()));
    EXPECT_EQ(r.verdict, LinkVerdict::broken) << describe(r);
    EXPECT_THAT(r.message, HasSubstr("redirect loop")) << r.message;
    EXPECT_EQ(server.count("/loop/a"), 1);
    EXPECT_EQ(server.count("/loop/b"), 1);
}

TEST(ExternalLinks, TooManyRedirectsIsBroken) {
    TestServer server(routes);
    auto options = quick_options();
    options.max_redirects = 5;
    auto r = only(check_external_links({server.url("/endless/0")}, options));
    EXPECT_EQ(r.verdict, LinkVerdict::broken) << describe(r);
    EXPECT_THAT(r.message, HasSubstr("too many redirects")) << r.message;
    EXPECT_EQ(server.total(), 6);  // the first request and five hops
}

TEST(ExternalLinks, RedirectToAMalformedUrlIsBroken) {
    TestServer server(routes);
    auto r = only(check_external_links({server.url("/bad-location")}, quick_options()));
    EXPECT_EQ(r.verdict, LinkVerdict::broken) << describe(r);
}

TEST(ExternalLinks, SlowReplyTimesOut) {
    TestServer server(routes);
    auto options = quick_options();
    options.request_timeout = 0.5;
    auto start = Clock::now();
    auto r = only(check_external_links({server.url("/slow")}, options));
    EXPECT_EQ(r.verdict, LinkVerdict::timeout) << describe(r);
    EXPECT_THAT(r.message, HasSubstr("no answer within 0.5 s")) << r.message;
    EXPECT_LT(seconds_since(start), 2.0);

    // The same on a keep-alive connection that an earlier request opened.
    options.max_total = options.max_per_host = 1;
    auto both = check_external_links({server.url("/ok"), server.url("/slow")}, options);
    EXPECT_EQ(both[0].verdict, LinkVerdict::good) << describe(both[0]);
    EXPECT_EQ(both[1].verdict, LinkVerdict::timeout) << describe(both[1]);
    EXPECT_THAT(both[1].message, HasSubstr("no answer within 0.5 s")) << both[1].message;
}

TEST(ExternalLinks, TooManyRequestsHonoursRetryAfterSecondsThenSucceeds) {
    TestServer server(routes);
    auto start = Clock::now();
    auto r = only(check_external_links({server.url("/busy")}, quick_options()));
    double elapsed = seconds_since(start);
    EXPECT_EQ(r.verdict, LinkVerdict::good) << describe(r);
    EXPECT_EQ(server.count("/busy"), 2);
    EXPECT_GE(elapsed, 0.9);  // waited as asked, not the 0.1 s back-off
    EXPECT_LT(elapsed, 3.0);
}

TEST(ExternalLinks, TooManyRequestsHonoursRetryAfterHttpDate) {
    TestServer server(routes);
    auto start = Clock::now();
    auto r = only(check_external_links({server.url("/busy-date")}, quick_options()));
    double elapsed = seconds_since(start);
    EXPECT_EQ(r.verdict, LinkVerdict::good) << describe(r);
    EXPECT_EQ(server.count("/busy-date"), 2);
    EXPECT_GE(elapsed, 0.9);
    EXPECT_LT(elapsed, 4.0);
}

TEST(ExternalLinks, RetryAfterIsCappedAndNeverOutlivesTheDeadline) {
    TestServer server(routes);
    auto options = quick_options();
    options.max_retry_wait = 0.2;
    options.max_retries = 1;
    auto start = Clock::now();
    auto r = only(check_external_links({server.url("/rate-limited")}, options));
    EXPECT_EQ(r.verdict, LinkVerdict::not_checked) << describe(r);
    EXPECT_EQ(server.count("/rate-limited"), 2);
    EXPECT_LT(seconds_since(start), 2.0);  // not the 3600 s the server asked for

    options.max_retry_wait = 30;  // longer than the deadline: give up at once
    options.deadline = 5;
    start = Clock::now();
    r = only(check_external_links({server.url("/rate-limited")}, options));
    EXPECT_EQ(r.verdict, LinkVerdict::not_checked) << describe(r);
    EXPECT_THAT(r.message, HasSubstr("deadline")) << r.message;
    EXPECT_LT(seconds_since(start), 1.0);
}

TEST(ExternalLinks, ServiceUnavailableRecoversOnRetry) {
    TestServer server(routes);
    auto r = only(check_external_links({server.url("/flaky")}, quick_options()));
    EXPECT_EQ(r.verdict, LinkVerdict::good) << describe(r);
    EXPECT_EQ(server.count("/flaky"), 2);
    EXPECT_EQ(server.count("HEAD", "/flaky"), 1);  // the retry asks with GET, in case only HEAD fails
    EXPECT_EQ(server.count("GET", "/flaky"), 1);
}

TEST(ExternalLinks, ServiceStillUnavailableAfterRetriesIsBroken) {
    TestServer server(routes);
    auto options = quick_options();
    options.max_retries = 2;
    auto r = only(check_external_links({server.url("/down")}, options));
    EXPECT_EQ(r.verdict, LinkVerdict::broken) << describe(r);
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(server.count("/down"), 3);  // the first try and two retries
    EXPECT_THAT(r.message, HasSubstr("503 Service Unavailable (after 2 retries)")) << r.message;
}

TEST(ExternalLinks, HeadRefusedIsAskedAgainWithGet) {
    TestServer server(routes);
    auto results = check_external_links(
        {server.url("/head-refused"), server.url("/head-not-implemented"), server.url("/big")}, quick_options());
    for (const auto& r : results) EXPECT_EQ(r.verdict, LinkVerdict::good) << describe(r);
    EXPECT_EQ(server.count("HEAD", "/head-refused"), 1);
    EXPECT_EQ(server.count("GET", "/head-refused"), 1);
    EXPECT_EQ(server.count("HEAD", "/head-not-implemented"), 1);
    EXPECT_EQ(server.count("GET", "/head-not-implemented"), 1);
    EXPECT_EQ(server.count("GET", "/big"), 1);  // the megabyte body is cut short, not an error
}

TEST(ExternalLinks, ConnectionRefusedIsBroken) {
    RefusingPort port;
    auto start = Clock::now();
    auto r = only(check_external_links({"http://127.0.0.1:" + std::to_string(port.port()) + "/"}, quick_options()));
    EXPECT_EQ(r.verdict, LinkVerdict::broken) << describe(r);
    EXPECT_EQ(r.status, 0);
    EXPECT_THAT(r.message, HasSubstr("could not connect")) << r.message;
    EXPECT_LT(seconds_since(start), 2.0);
}

TEST(ExternalLinks, MalformedUrlsAreReportedWithoutARequest) {
    TestServer server(routes);
    auto start = Clock::now();
    auto results = check_external_links({"http://", "https://exa mple.org", server.url("/ok")}, quick_options());
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].verdict, LinkVerdict::broken);
    EXPECT_EQ(results[0].message, "malformed URL: no host");
    EXPECT_EQ(results[1].verdict, LinkVerdict::broken);
    EXPECT_EQ(results[1].message, "malformed URL: contains a space");
    EXPECT_EQ(results[2].verdict, LinkVerdict::good);
    EXPECT_EQ(server.total(), 1);
    EXPECT_LT(seconds_since(start), 2.0);
}

TEST(ExternalLinks, SkipPatternsAndOtherSchemesSendNoRequest) {
    TestServer server(routes);
    auto options = quick_options();
    options.skip_patterns = {"*/private/*", "https://www.linkedin.com/*"};
    auto results = check_external_links(
        {server.url("/private/a"), "https://www.linkedin.com/in/someone", "mailto:a@example.org", server.url("/ok")},
        options);
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results[0].verdict, LinkVerdict::skipped);
    EXPECT_EQ(results[0].message, "skipped: matches \"*/private/*\"");
    EXPECT_EQ(results[1].verdict, LinkVerdict::skipped);
    EXPECT_EQ(results[2].verdict, LinkVerdict::skipped);
    EXPECT_EQ(results[3].verdict, LinkVerdict::good);
    EXPECT_EQ(server.count("/private/a"), 0);
    EXPECT_EQ(server.total(), 1);
}

TEST(ExternalLinks, DuplicatesAndFragmentsAreRequestedOnce) {
    TestServer server(routes);
    auto results = check_external_links({server.url("/ok"), server.url("/ok#top"), server.url("/ok")}, quick_options());
    ASSERT_EQ(results.size(), 3u);
    for (const auto& r : results) EXPECT_EQ(r.verdict, LinkVerdict::good) << describe(r);
    EXPECT_EQ(results[1].url, server.url("/ok#top"));
    EXPECT_EQ(server.total(), 1);
}

TEST(ExternalLinks, SendsTheUserAgent) {
    TestServer server(routes);
    check_external_links({server.url("/ok")}, quick_options());
    EXPECT_EQ(server.last_user_agent(), link_checker_user_agent());
    EXPECT_EQ(link_checker_user_agent(), std::string("techpages-linkcheck/") + TECHPAGES_VERSION);
    EXPECT_EQ(link_checker_user_agent("https://example.ac.uk/technicians/"),
              std::string("techpages-linkcheck/") + TECHPAGES_VERSION + " (+https://example.ac.uk/technicians/)");
    EXPECT_EQ(link_checker_user_agent("web@example.ac.uk"),
              std::string("techpages-linkcheck/") + TECHPAGES_VERSION + " (+mailto:web@example.ac.uk)");

    auto options = quick_options();
    options.user_agent = "custom-agent/1";
    check_external_links({server.url("/ok")}, options);
    EXPECT_EQ(server.last_user_agent(), "custom-agent/1");
}

TEST(ExternalLinks, ManyAtOnceButNoMoreThanThePerHostLimit) {
    TestServer server(routes);
    std::vector<std::string> urls;
    for (int i = 0; i < 24; ++i) urls.push_back(server.url("/latency/" + std::to_string(i)));
    auto options = quick_options();
    options.max_per_host = 3;
    auto start = Clock::now();
    auto results = check_external_links(urls, options);
    double elapsed = seconds_since(start);
    for (const auto& r : results) EXPECT_EQ(r.verdict, LinkVerdict::good) << describe(r);
    EXPECT_LE(server.max_in_flight(), 3);
    EXPECT_GE(server.max_in_flight(), 2);
    EXPECT_LT(elapsed, 3.0);  // in parallel: about 8 rounds of 0.15 s, not 24 (3.6 s)
}

TEST(ExternalLinks, TheWholeRunNeverOutlivesItsDeadline) {
    TestServer server(routes);
    std::vector<std::string> urls;
    for (int i = 0; i < 20; ++i) urls.push_back(server.url("/slow/" + std::to_string(i)));
    urls.push_back(server.url("/ok"));
    auto options = quick_options();
    options.request_timeout = 10;  // each would wait 3 s for its answer…
    options.deadline = 1;          // …but the check as a whole may take only 1 s
    options.max_per_host = 4;
    auto start = Clock::now();
    auto results = check_external_links(urls, options);
    double elapsed = seconds_since(start);
    EXPECT_LT(elapsed, 1.5);
    EXPECT_GE(elapsed, 0.9);
    auto s = summarise(results);
    EXPECT_EQ(s.not_checked + s.good, urls.size());
    EXPECT_GE(s.not_checked, 20u);
    for (const auto& r : results) {
        if (r.verdict == LinkVerdict::not_checked) {
            EXPECT_EQ(r.message, "not checked: deadline reached");
        }
    }
}

// ---- the cache ----

TEST(ExternalLinks, SecondRunWithinExpirySendsNoRequestForKnownGoodUrls) {
    TestServer server(routes);
    TempDir dir;
    auto options = quick_options();
    options.cache_file = dir.path() / ".techpages-cache" / "links.tsv";
    std::vector<std::string> urls = {server.url("/ok"), server.url("/old"), server.url("/missing")};

    auto first = check_external_links(urls, options);
    EXPECT_EQ(first[0].verdict, LinkVerdict::good);
    EXPECT_EQ(first[1].verdict, LinkVerdict::redirected);
    EXPECT_EQ(first[2].verdict, LinkVerdict::broken);
    ASSERT_TRUE(std::filesystem::exists(options.cache_file));
    int ok_requests = server.count("/ok"), old_requests = server.count("/old"), new_requests = server.count("/new");
    int missing_requests = server.count("/missing");

    auto second = check_external_links(urls, options);
    EXPECT_EQ(server.count("/ok"), ok_requests);
    EXPECT_EQ(server.count("/old"), old_requests);
    EXPECT_EQ(server.count("/new"), new_requests);
    EXPECT_GT(server.count("/missing"), missing_requests);  // broken ones are checked again
    EXPECT_EQ(second[0].verdict, LinkVerdict::cached) << describe(second[0]);
    EXPECT_TRUE(second[0].from_cache);
    EXPECT_EQ(second[0].status, 200);
    EXPECT_EQ(second[1].verdict, LinkVerdict::redirected) << describe(second[1]);  // still a warning
    EXPECT_TRUE(second[1].from_cache);
    EXPECT_EQ(second[1].final_url, server.url("/new"));
    EXPECT_EQ(second[2].verdict, LinkVerdict::broken);
    EXPECT_FALSE(second[2].from_cache);
    EXPECT_EQ(summarise(second).cached, 1u);

    // Written atomically: nothing but the cache file is left beside it.
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(options.cache_file.parent_path())) {
        ++files;
        EXPECT_EQ(entry.path().filename(), "links.tsv");
    }
    EXPECT_EQ(files, 1u);
}

TEST(ExternalLinks, ExpiredCacheEntriesAreCheckedAgain) {
    TestServer server(routes);
    TempDir dir;
    auto options = quick_options();
    options.cache_file = dir.path() / "links.tsv";
    options.cache_expiry_seconds = 1000;
    long long now = std::time(nullptr);
    LinkCache cache;
    cache[server.url("/ok")] = {LinkVerdict::good, 200, server.url("/ok"), now - 2000};          // expired
    cache[server.url("/page/1")] = {LinkVerdict::good, 200, server.url("/page/1"), now - 10};    // fresh
    cache[server.url("/page/2")] = {LinkVerdict::broken, 404, server.url("/page/2"), now - 10};  // broken: ask again
    ASSERT_TRUE(write_link_cache(options.cache_file, cache));

    auto results = check_external_links({server.url("/ok"), server.url("/page/1"), server.url("/page/2")}, options);
    EXPECT_EQ(results[0].verdict, LinkVerdict::good);
    EXPECT_EQ(results[1].verdict, LinkVerdict::cached);
    EXPECT_EQ(results[2].verdict, LinkVerdict::good);
    EXPECT_EQ(server.count("/ok"), 1);
    EXPECT_EQ(server.count("/page/1"), 0);
    EXPECT_EQ(server.count("/page/2"), 1);

    auto after = read_link_cache(options.cache_file);
    ASSERT_EQ(after.size(), 3u);
    EXPECT_GE(after[server.url("/ok")].checked_at, now);                 // refreshed
    EXPECT_EQ(after[server.url("/page/1")].checked_at, now - 10);        // kept as it was
    EXPECT_EQ(after[server.url("/page/2")].verdict, LinkVerdict::good);  // now good
}

TEST(ExternalLinks, CacheFileIsSortedTsvAndSkipsBadLines) {
    LinkCache cache;
    cache["https://b.org/"] = {LinkVerdict::redirected, 200, "https://c.org/", 1700000000};
    cache["https://a.org/"] = {LinkVerdict::good, 200, "https://a.org/", 1700000001};
    std::string text = format_link_cache(cache);
    EXPECT_EQ(text,
              "# techpages link cache v1: url\tverdict\tstatus\tfinal_url\tchecked_at\n"
              "https://a.org/\tgood\t200\thttps://a.org/\t1700000001\n"
              "https://b.org/\tredirected\t200\thttps://c.org/\t1700000000\n");
    auto parsed = parse_link_cache(text + "garbage line\nhttps://x.org/\tgood\tNaN\thttps://x.org/\t1\n");
    ASSERT_EQ(parsed.size(), 2u);
    EXPECT_EQ(format_link_cache(parsed), text);
    EXPECT_TRUE(cache_entry_fresh(parsed["https://a.org/"], 1700000001 + 10, 60));
    EXPECT_FALSE(cache_entry_fresh(parsed["https://a.org/"], 1700000001 + 60, 60));
    EXPECT_FALSE(cache_entry_fresh(parsed["https://a.org/"], 1700000001 - 3600, 60));  // from the future
}


// Without allow_private_addresses nothing private is asked: the test server on 127.0.0.1
// (written as an address, as localhost, or as a name that resolves to it) gets no request.
TEST(CheckerRefuses, PrivateAddressesAreSkippedWithTheReason) {
    TestServer server(routes);
    ExternalCheckOptions options = quick_options();
    options.allow_private_addresses = false;
    std::string port = std::to_string(server.port());
    std::vector<std::string> urls = {server.url("/ok"), "http://localhost:" + port + "/ok", "http://2130706433:" + port + "/ok",
                                     "http://0x7f.1:" + port + "/ok", "http://[::1]:" + port + "/ok",
                                     "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]:" + port + "/ok",
                                     "http://0:" + port + "/ok"};
    auto results = check_external_links(urls, options);
    ASSERT_EQ(results.size(), urls.size());
    for (const auto& r : results) {
        EXPECT_EQ(r.verdict, LinkVerdict::skipped) << describe(r);
        EXPECT_TRUE(r.refused) << describe(r);
        EXPECT_EQ(r.message.rfind("skipped: ", 0), 0u) << r.message;
    }
    EXPECT_THAT(results[0].message, HasSubstr("127.0.0.1 is a loopback address")) << results[0].message;
    EXPECT_THAT(results[5].message, HasSubstr("cloud metadata")) << results[5].message;
    EXPECT_EQ(server.total(), 0) << "no request reached the server";
    EXPECT_EQ(summarise(results).skipped, urls.size());
}

TEST(CheckerRefuses, ANameThatResolvesToLoopbackIsCaughtAtConnect) {
    TestServer server(routes);
    char name[256] = {};
    ASSERT_EQ(gethostname(name, sizeof name - 1), 0);
    addrinfo* found = nullptr;
    addrinfo hints{};
    hints.ai_family = AF_INET;
    if (getaddrinfo(name, nullptr, &hints, &found) != 0) GTEST_SKIP() << name << " does not resolve here";
    std::string address = inet_ntoa(reinterpret_cast<sockaddr_in*>(found->ai_addr)->sin_addr);
    freeaddrinfo(found);
    if (address.rfind("127.", 0) != 0) GTEST_SKIP() << name << " resolves to " << address << ", not loopback";
    ExternalCheckOptions options = quick_options();
    options.allow_private_addresses = false;
    auto r = only(check_external_links({"http://" + std::string(name) + ":" + std::to_string(server.port()) + "/ok"}, options));
    EXPECT_EQ(r.verdict, LinkVerdict::skipped) << describe(r);
    EXPECT_TRUE(r.refused);
    EXPECT_THAT(r.message, HasSubstr("resolves to 127.")) << r.message;
    EXPECT_EQ(server.total(), 0);
    options.allow_private_addresses = true;
    EXPECT_EQ(only(check_external_links({"http://" + std::string(name) + ":" + std::to_string(server.port()) + "/ok"}, options)).verdict,
              LinkVerdict::good)
        << "allowed, the same link is asked";
}

TEST(CheckerRefuses, CredentialsAreNeverSentNorFollowed) {
    TestServer server(routes);
    std::string port = std::to_string(server.port());
    auto results = check_external_links({"http://user:secret@127.0.0.1:" + port + "/ok", "http://user@127.0.0.1:" + port + "/ok",
                                         server.url("/to-credentials")},
                                        quick_options());  // private addresses allowed: only the credentials refuse
    for (const auto& r : results) {
        EXPECT_EQ(r.verdict, LinkVerdict::skipped) << describe(r);
        EXPECT_TRUE(r.refused);
        EXPECT_THAT(r.message, HasSubstr("user name or password")) << r.message;
    }
    EXPECT_THAT(results[2].message, HasSubstr("it redirects to http://user:secret@127.0.0.1:9/ok"))
        << results[2].message;
    EXPECT_EQ(server.total(), 1) << "only the redirecting page was asked";
    EXPECT_EQ(server.count("/ok"), 0);
}

}  // namespace
}  // namespace techpages
