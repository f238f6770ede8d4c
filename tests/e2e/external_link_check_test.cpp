// `techpages check --external` on a copy of the sample content whose links point at a
// test server on 127.0.0.1 (tests/http_test_server.h). The sample site's real addresses
// (all https://) are skipped through [link_check], so nothing leaves the machine.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "http_test_server.h"
#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

Response routes(const Request& r) {
    const std::string& p = r.path;
    if (p == "/ok" || p == "/new") return {};
    if (p == "/moved") return redirect(301, "/new");
    if (p == "/recovering") return r.count == 1 ? Response{503, {}, "", 0ms} : Response{};
    if (p == "/head-refused") return r.method == "HEAD" ? Response{405, {}, "", 0ms} : Response{};
    if (p == "/slow") return {200, {}, "", 3s};
    if (p.rfind("/never", 0) == 0) return {200, {}, "", 60s};  // longer than any test waits
    return {404, {}, "", 0ms};
}

// Real-world addresses are skipped: every one in the sample site is https://.
// The test server is on 127.0.0.1, which the checker asks only when allowed.
const std::string skip_real = "skip = [\"https://*\"]\nallow_private_addresses = true\n";

struct ExternalSite {
    TempDir dir;
    fs::path content = dir / "content";
    TestServer server{routes};

    explicit ExternalSite(const std::string& settings = skip_real + "timeout_seconds = 5\ndeadline_seconds = 30\n") {
        copy_tree(source_dir / "content", content);
        // The sample's own [link_check] (the last table in site.toml) is replaced.
        std::string config = read_text(content / "site.toml");
        config = config.substr(0, config.find("\n[link_check]"));
        write_text(content / "site.toml", config + "\n[link_check]\n" + settings);
    }
    std::string url(const std::string& path) const { return server.url(path); }
    void append(const std::string& rel, const std::string& text) { write_text(content / rel, read_text(content / rel) + text); }
    RunResult check(const std::string& extra = " --external") {
        return run(binary + " check --content " + quote(content) + extra);
    }
    // "rel:line:column" of the first `needle` in a content file (or of `then`, after it).
    std::string at(const std::string& rel, const std::string& needle, const std::string& then = "") const {
        std::string text = read_text(content / rel);
        size_t offset = text.find(needle);
        if (offset != std::string::npos && !then.empty()) offset = text.find(then, offset);
        if (offset == std::string::npos) return "(not in " + rel + ")";
        size_t line_start = text.rfind('\n', offset);
        line_start = line_start == std::string::npos ? 0 : line_start + 1;
        return rel + ":" + std::to_string(count_of(text.substr(0, offset), "\n") + 1) + ":" +
               std::to_string(offset - line_start + 1);
    }
};

const std::string profile = "institutions/lstm/profiles/kwame-mensah.md";
const std::string about = "pages/about.md";

TEST(ExternalLinkCheck, BrokenInternalAndExternalLinksAreReportedAtTheirSource) {
    ExternalSite site(skip_real + "timeout_seconds = 1\ndeadline_seconds = 30\n");
    RefusingPort refused;
    std::string refused_url = "http://127.0.0.1:" + std::to_string(refused.port()) + "/";
    site.append(profile, "\nGood: [ok](" + site.url("/ok") + "), [moved](" + site.url("/moved") + "), [recovering](" +
                             site.url("/recovering") + "), [head](" + site.url("/head-refused") + ").\n" +
                             "Bad: [theme](/themes/visiblity/), [gone](" + site.url("/missing") + ") and [refused](" +
                             refused_url + ").\n" + "Slow: [slow](" + site.url("/slow") + ").\n");
    site.append(about, "\nThe same page again: [ok](" + site.url("/ok") + ").\n");

    RunResult r = site.check();
    EXPECT_EQ(r.status, 1) << r.output;
    // The broken internal link, with the nearest address…
    EXPECT_THAT(long_text(r.output), HasSubstr(site.at(profile, "/themes/visiblity/") +
                                               ": error: the link '/themes/visiblity/' leads to no "
                                               "page or file on this site — did you mean '/themes/visibility/'?"))
        << r.output;
    // …the broken external links, at their Markdown source…
    EXPECT_THAT(long_text(r.output),
                HasSubstr(site.at(profile, site.url("/missing")) + ": error: the link '" + site.url("/missing") +
                          "' is broken: HTTP 404 Not Found — correct the address"))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(site.at(profile, refused_url) + ": error: the link '" + refused_url +
                                               "' is broken: could not connect"))
        << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(site.at(profile, site.url("/slow")) + ": error: the link '" + site.url("/slow") +
                          "' did not answer: timed out: no answer within 1 s — if it opens in a browser, the site is "
                          "only slow: raise timeout_seconds in [link_check] of site.toml"))
        << r.output;
    // …the permanent redirect as a warning with its new address…
    EXPECT_THAT(long_text(r.output), HasSubstr(site.at(profile, site.url("/moved")) + ": warning: the link '" +
                                               site.url("/moved") + "' has moved permanently to '" + site.url("/new") +
                                               "' — link to '" + site.url("/new") + "' instead"))
        << r.output;
    // …and the good, recovering (503, then 200) and HEAD-refusing links not at all.
    for (const std::string path : {"/ok", "/recovering", "/head-refused"})
        EXPECT_THAT(long_text(r.output), Not(HasSubstr("the link '" + site.url(path) + "'"))) << path << "\n"
                                                                                              << r.output;
    EXPECT_EQ(site.server.count("/recovering"), 2);
    EXPECT_EQ(site.server.count("GET /head-refused"), 1);
    EXPECT_EQ(site.server.count("/ok"), 1) << "one request for an address on two pages";
    EXPECT_THAT(long_text(r.output), HasSubstr("4 errors, ")) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(", 3 good, 1 redirected, 2 broken, 1 timed out, ")) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(" skipped, 0 cached, 0 not checked")) << r.output;
    // The checker says whose it is: the site's own address.
    EXPECT_EQ(site.server.last_user_agent(),
              std::string("techpages-linkcheck/") + TECHPAGES_VERSION + " (+https://example.github.io/techpages/)");
}

TEST(ExternalLinkCheck, AFrontMatterLinkIsReportedAtItsLine) {
    ExternalSite site;
    std::string text = read_text(site.content / profile);
    std::string linkedin = "https://www.linkedin.com/in/kwame-mensah-example";
    text.replace(text.find(linkedin), linkedin.size(), site.url("/missing-profile"));
    write_text(site.content / profile, text);
    RunResult r = site.check();
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(site.at(profile, site.url("/missing-profile")) + ": error: the link '" +
                                               site.url("/missing-profile") + "' is broken: HTTP 404"))
        << r.output;
}

TEST(ExternalLinkCheck, SecondRunWithinExpirySendsNoRequestsForKnownGoodLinks) {
    ExternalSite site;
    site.append(profile, "\n[ok](" + site.url("/ok") + "), [moved](" + site.url("/moved") + "), [recovering](" +
                             site.url("/recovering") + ").\n");
    RunResult first = site.check();
    EXPECT_EQ(first.status, 0) << first.output;
    EXPECT_THAT(long_text(first.output), HasSubstr(", 2 good, 1 redirected, 0 broken, ")) << first.output;
    EXPECT_TRUE(fs::exists(site.dir / ".techpages-cache/links.tsv")) << "the cache sits beside the content folder";
    int requests = site.server.total();
    EXPECT_GE(requests, 4);

    RunResult second = site.check();
    EXPECT_EQ(second.status, 0) << second.output;
    EXPECT_EQ(site.server.total(), requests) << "no request for a link known to be good\n" << second.output;
    EXPECT_THAT(long_text(second.output), HasSubstr(", 0 good, 1 redirected, 0 broken, 0 timed out, "))
        << second.output;
    EXPECT_THAT(long_text(second.output), HasSubstr(" skipped, 2 cached, 0 not checked")) << second.output;
    // The redirect is still a warning, from the cache.
    EXPECT_THAT(long_text(second.output), HasSubstr("has moved permanently to '" + site.url("/new") + "'"))
        << second.output;
}

TEST(ExternalLinkCheck, BrokenLinksAreAskedAgainAndAZeroExpiryKeepsNoCache) {
    ExternalSite site(skip_real + "cache_expiry_days = 0\n");
    site.append(profile, "\n[ok](" + site.url("/ok") + ") and [gone](" + site.url("/missing") + ").\n");
    EXPECT_EQ(site.check().status, 1);
    EXPECT_EQ(site.check().status, 1);
    EXPECT_EQ(site.server.count("/ok"), 2);
    EXPECT_EQ(site.server.count("HEAD /missing"), 2);
    EXPECT_FALSE(fs::exists(site.dir / ".techpages-cache/links.tsv"));
}

TEST(ExternalLinkCheck, TheCommandNeverOutlivesItsDeadline) {
    // Each request could wait a minute; the whole check may take 2 s.
    ExternalSite site(skip_real + "timeout_seconds = 60\ndeadline_seconds = 2\n");
    std::string links;
    for (int i = 0; i < 6; ++i) links += "[never " + std::to_string(i) + "](" + site.url("/never/" + std::to_string(i)) + ") ";
    site.append(profile, "\n" + links + "\n");
    auto started = std::chrono::steady_clock::now();
    RunResult r = site.check();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_LT(seconds, 2 + 6.0) << "the deadline plus the time to render the site";
    EXPECT_GE(seconds, 2.0);
    EXPECT_EQ(r.status, 0) << "links the deadline cut off are a warning, not an error\n" << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("site.toml:")) << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(": warning: 6 external links were not checked, e.g. " + site.url("/never/0") +
                          " (not checked: deadline reached) — run the check again"))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(", 6 not checked (")) << r.output;
}

TEST(ExternalLinkCheck, WithoutExternalNoRequestIsSent) {
    ExternalSite site;
    site.append(profile, "\n[gone](" + site.url("/missing") + ")\n");
    RunResult r = site.check("");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(site.server.total(), 0);
    EXPECT_THAT(long_text(r.output), Not(HasSubstr("External links:"))) << r.output;
}

TEST(ExternalLinkCheck, SettingsAreCheckedWhereTheyAreWritten) {
    ExternalSite site("timeout_seconds = 0\nmax_per_hots = 2\ncontact = \"nobody\"\ndeadline_seconds = \"soon\"\n"
                      "skip = [\"linkedin.com\"]\n");
    RunResult r = site.check();
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(site.at("site.toml", "timeout_seconds = ", "0") +
                          ": error: 'timeout_seconds' is 0, outside 1 to 300 seconds — write a number in that range, "
                          "e.g. timeout_seconds = 10"))
        << r.output;
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(site.at("site.toml", "max_per_hots = ", "2") +
                  ": warning: 'max_per_hots' is not a field of the [link_check] table — did you mean 'max_per_host'?"))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(site.at("site.toml", "contact = ", "\"nobody\"") +
                                               ": error: 'nobody' is neither a web address nor an e-mail address"))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(site.at("site.toml", "deadline_seconds = ", "\"soon\"") +
                                               ": error: 'deadline_seconds' should be a whole number"))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("the pattern 'linkedin.com' is matched against whole addresses"))
        << r.output;
    EXPECT_EQ(site.server.total(), 0);
}

}  // namespace

// By default the checker asks no loopback, private or link-local address and sends no
// credentials: such links are skipped, with a warning at their line saying why, and
// counted as skipped. The check still passes; the test server gets no request.
TEST(ExternalLinksRefuse, PrivateAddressesAndCredentialsAreSkippedAtTheirLine) {
    ExternalSite site(skip_real.substr(0, skip_real.find("allow_private")) + "timeout_seconds = 5\ndeadline_seconds = 30\n");
    std::string port = std::to_string(site.server.port());
    std::string local = site.url("/ok"), metadata = "http://169.254.169.254/latest/meta-data/",
                decimal = "http://2130706433:" + port + "/ok", secret = "http://user:hunter2@example.org/";
    site.append(profile, "\nLocal: [ok](" + local + "), [metadata](" + metadata + "), [decimal](" + decimal +
                             "), [secret](" + secret + ").\n");
    RunResult r = site.check();
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(site.at(profile, local) + ": warning: the link '" + local +
                                               "' was not checked: 127.0.0.1 is a loopback address (this machine)"))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("set allow_private_addresses = true in [link_check] of site.toml"))
        << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(site.at(profile, metadata) + ": warning: the link '" + metadata +
                          "' was not checked: 169.254.169.254 is a link-local address (cloud metadata"))
        << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(site.at(profile, decimal) + ": warning: the link '" + decimal + "' was not checked: "))
        << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(site.at(profile, secret) + ": warning: the link '" + secret +
                          "' was not checked: it holds a user name or password, which the checker never sends — "
                          "remove the user name and password from the address"))
        << r.output;
    EXPECT_EQ(site.server.total(), 0) << "nothing reached the local server";
    EXPECT_THAT(long_text(r.output), HasSubstr(" 0 broken, 0 timed out, ")) << r.output;
}

// allow_private_addresses = true: a site meant for a private network has its links asked.
TEST(ExternalLinksRefuse, AllowPrivateAddressesAsksThem) {
    ExternalSite site;  // skip_real holds allow_private_addresses = true
    site.append(profile, "\nLocal: [ok](" + site.url("/ok") + ").\n");
    RunResult r = site.check();
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(site.server.count("/ok"), 1) << r.output;
    EXPECT_THAT(long_text(r.output), Not(HasSubstr("was not checked"))) << r.output;
}
