// What a web team needs to trust the output: links right under any base path,
// reproducible builds, atomic replacement, and well-formed sitemap, feed and JSON-LD.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <csignal>
#include <cstring>
#include <regex>
#include <set>
#include <thread>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

RunResult build(const fs::path& out, const std::string& extra = "") {
    return run(binary + " build --content " + quote(source_dir / "content") + " --out " + quote(out) + " " + extra);
}

std::vector<fs::path> files_under(const fs::path& root) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files.push_back(fs::relative(e.path(), root));
    std::sort(files.begin(), files.end());
    return files;
}

// Every internal href/src/content URL in every HTML, XML and txt file must start with `base`.
void expect_all_internal_urls_under(const fs::path& site, const std::string& origin, const std::string& base) {
    std::regex attr(R"re((?:href|src|content)="([^"]*)")re");
    std::regex xml_loc(R"(<(?:loc|id)>([^<]*)</)");
    size_t checked = 0;
    for (const auto& rel : files_under(site)) {
        std::string ext = rel.extension().string();
        if (ext != ".html" && ext != ".xml" && ext != ".txt") continue;
        std::string text = read_text(site / rel);
        for (const auto& re : {attr, xml_loc}) {
            for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
                std::string url = (*it)[1].str();
                if (url.rfind(origin, 0) == 0) url = url.substr(origin.size());
                else if (url.empty() || url[0] != '/' || url.rfind("//", 0) == 0) continue;  // external or not a URL
                ++checked;
                EXPECT_EQ(url.rfind(base, 0), 0u) << rel << ": " << (*it)[1].str();
            }
        }
        if (ext == ".txt") {
            for (auto pos = text.find(origin); pos != std::string::npos; pos = text.find(origin, pos + 1))
                EXPECT_EQ(text.compare(pos + origin.size(), base.size(), base), 0) << rel;
        }
    }
    EXPECT_GT(checked, 1000u) << "the crawl looked at the site's links";
}

TEST(Publishing, EveryInternalUrlStaysUnderAProjectSubpath) {
    TempDir dir;
    RunResult r = build(dir / "site", "--base-url https://example.github.io/tc-site/");
    ASSERT_EQ(r.status, 0) << r.output;
    expect_all_internal_urls_under(dir / "site", "https://example.github.io", "/tc-site/");
    // 404.html is served for a missing path at any depth: its links must be absolute.
    std::string not_found = read_text(dir / "site/404.html");
    EXPECT_THAT(long_text(not_found), HasSubstr("href=\"/tc-site/assets/style.css\""));
}

TEST(Publishing, EveryInternalUrlWorksAtADomainRoot) {
    TempDir dir;
    RunResult r = build(dir / "site", "--base-url https://technicians.example.ac.uk");
    ASSERT_EQ(r.status, 0) << r.output;
    expect_all_internal_urls_under(dir / "site", "https://technicians.example.ac.uk", "/");
    EXPECT_THAT(long_text(read_text(dir / "site/index.html")),
                HasSubstr("<link rel=\"canonical\" href=\"https://technicians.example.ac.uk/\">"));
}

TEST(Publishing, TwoBuildsAreByteIdenticalWhateverTheThreads) {
    TempDir dir;
    ASSERT_EQ(build(dir / "a", "--threads 1").status, 0);
    ASSERT_EQ(build(dir / "b", "--threads 4").status, 0);
    auto a = files_under(dir / "a"), b = files_under(dir / "b");
    ASSERT_EQ(a, b);
    for (const auto& rel : a) EXPECT_EQ(read_text(dir / "a" / rel), read_text(dir / "b" / rel)) << rel;
}

TEST(Publishing, AKilledBuildLeavesThePreviousSiteExactlyAsItWas) {
    TempDir dir;
    fs::path out = dir / "site";
    ASSERT_EQ(build(out).status, 0);
    auto before = files_under(out);
    std::string home = read_text(out / "index.html");
    // Kill builds at different moments; whatever the moment, the old site stays whole.
    for (int delay_ms : {1, 5, 20, 50}) {
        std::string cmd = "exec " + binary + " build --threads 1 --content " + quote(source_dir / "content") +
                          " --out " + quote(out) + " --base-url https://changed.example/ >/dev/null 2>&1";
        pid_t pid = fork();
        if (pid == 0) {
            execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status)) continue;  // finished before the kill: a complete new site, also fine
        EXPECT_EQ(files_under(out), before) << "killed after " << delay_ms << " ms";
        EXPECT_EQ(read_text(out / "index.html"), home);
    }
    // The next build clears what the killed ones left beside the output.
    ASSERT_EQ(build(out).status, 0);
    for (const auto& e : fs::directory_iterator(dir.path()))
        EXPECT_THAT(long_text(e.path().filename().string()), Not(HasSubstr("staging"))) << e.path();
}

TEST(Publishing, GitHubPagesFiles) {
    TempDir dir;
    fs::path content = dir / "content";
    copy_tree(source_dir / "content", content);
    std::string config = read_text(content / "site.toml");
    write_text(content / "site.toml", "domain = \"technicians.example.ac.uk\"\n" + config);
    RunResult r = run(binary + " build --content " + quote(content) + " --out " + quote(dir / "site"));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(fs::exists(dir / "site/.nojekyll"));
    EXPECT_EQ(read_text(dir / "site/CNAME"), "technicians.example.ac.uk\n");
    std::string robots = read_text(dir / "site/robots.txt");
    EXPECT_THAT(long_text(robots), HasSubstr("Sitemap: https://example.github.io/techpages/sitemap.xml")) << robots;
}

// --- A small JSON syntax checker, so the test needs no outside parser. ---
struct JsonChecker {
    const std::string& s;
    size_t i = 0;
    void ws() { while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i; }
    bool literal(const char* word) {
        size_t n = std::strlen(word);
        if (s.compare(i, n, word) != 0) return false;
        i += n;
        return true;
    }
    bool string() {
        if (s[i] != '"') return false;
        for (++i; i < s.size(); ++i) {
            if (s[i] == '\\') { ++i; continue; }
            if (s[i] == '"') { ++i; return true; }
            if (static_cast<unsigned char>(s[i]) < 0x20) return false;
        }
        return false;
    }
    bool value() {
        ws();
        if (i >= s.size()) return false;
        char c = s[i];
        if (c == '{') {
            ++i; ws();
            if (s[i] == '}') { ++i; return true; }
            do { ws(); if (!string()) return false; ws(); if (s[i++] != ':') return false; if (!value()) return false; ws(); } while (s[i] == ',' && ++i);
            return s[i++] == '}';
        }
        if (c == '[') {
            ++i; ws();
            if (s[i] == ']') { ++i; return true; }
            do { if (!value()) return false; ws(); } while (s[i] == ',' && ++i);
            return s[i++] == ']';
        }
        if (c == '"') return string();
        if (literal("true") || literal("false") || literal("null")) return true;
        size_t start = i;
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '.' || s[i] == 'e')) ++i;
        return i > start;
    }
    bool document() { bool ok = value(); ws(); return ok && i == s.size(); }
};

std::string jsonld_of(const std::string& html) {
    const std::string open = "<script type=\"application/ld+json\">";
    auto a = html.find(open);
    if (a == std::string::npos) return {};
    a += open.size();
    return html.substr(a, html.find("</script>", a) - a);
}

class BuiltSite : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        ASSERT_EQ(build(dir_->path() / "site").status, 0);
    }
    static void TearDownTestSuite() { delete dir_; }
    static std::string file(const std::string& rel) { return read_text(dir_->path() / "site" / rel); }
    static TempDir* dir_;
};
TempDir* BuiltSite::dir_ = nullptr;

TEST_F(BuiltSite, JsonLdParsesWithTheRightTypes) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> pages = {
        {"institutions/lstm/profiles/kwame-mensah/index.html",
         {"\"@type\":\"ProfilePage\"", "\"mainEntity\":{\"@type\":\"Person\"", "\"jobTitle\":", "\"worksFor\":",
          "\"hasCredential\":", "\"award\":", "\"knowsAbout\":", "\"sameAs\":[\"https://orcid.org/"}},
        {"institutions/lstm/index.html", {"\"@type\":\"CollegeOrUniversity\""}},
        {"institutions/lstm/case-studies/insectary-open-day/index.html", {"\"@type\":\"Article\"", "\"datePublished\":"}},
        {"institutions/lmb/career-stories/from-wash-up-to-protein-production/index.html", {"\"@type\":\"Article\""}},
    };
    for (const auto& [page, needles] : pages) {
        std::string json = jsonld_of(file(page));
        ASSERT_FALSE(json.empty()) << page;
        EXPECT_TRUE(JsonChecker{json}.document()) << page << ": " << json;
        EXPECT_EQ(json.rfind("{\"@context\":\"https://schema.org\"", 0), 0u) << page;
        for (const auto& n : needles) EXPECT_THAT(long_text(json), HasSubstr(n)) << page << " lacks " << n;
    }
}

TEST_F(BuiltSite, SitemapListsEveryPageWithLastmodFromContentDates) {
    std::string sitemap = file("sitemap.xml");
    EXPECT_EQ(sitemap.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">", 0), 0u);
    size_t html_pages = 0;
    for (const auto& rel : files_under(dir_->path() / "site"))
        if (rel.filename() == "index.html") ++html_pages;
    EXPECT_EQ(count_of(sitemap, "<url>"), html_pages) << "every page but 404.html";
    EXPECT_THAT(
        long_text(sitemap),
        HasSubstr(
            "<loc>https://example.github.io/techpages/institutions/lstm/case-studies/insectary-open-day/</loc><lastmod>2024-09-12</lastmod>"));
    EXPECT_THAT(long_text(sitemap), Not(HasSubstr("404")));
    EXPECT_EQ(count_of(sitemap, "<url>"), count_of(sitemap, "</url>"));
}

TEST_F(BuiltSite, AtomFeedFollowsTheSchemasRules) {
    std::string feed = file("feed.xml");
    EXPECT_THAT(long_text(feed), HasSubstr("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    // atom:feed must have exactly one id, title and updated, and a self link.
    std::string head = feed.substr(0, feed.find("<entry>"));
    EXPECT_EQ(count_of(head, "<id>"), 1u);
    EXPECT_EQ(count_of(head, "<title>"), 1u);
    EXPECT_EQ(count_of(head, "<updated>"), 1u);
    EXPECT_THAT(long_text(head), HasSubstr("rel=\"self\""));
    // Every entry has one id, title, updated, an alternate link and an author; dates are RFC 3339.
    std::regex entry(R"(<entry>([\s\S]*?)</entry>)");
    std::regex rfc3339(R"(<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z</updated>)");
    size_t entries = 0;
    for (auto it = std::sregex_iterator(feed.begin(), feed.end(), entry); it != std::sregex_iterator(); ++it, ++entries) {
        std::string e = (*it)[1].str();
        EXPECT_EQ(count_of(e, "<id>"), 1u) << e;
        EXPECT_EQ(count_of(e, "<title>"), 1u) << e;
        EXPECT_EQ(count_of(e, "<updated>"), 1u) << e;
        EXPECT_TRUE(std::regex_search(e, rfc3339)) << e;
        EXPECT_THAT(long_text(e), HasSubstr("rel=\"alternate\"")) << e;
        EXPECT_THAT(long_text(e), HasSubstr("<author><name>")) << e;
    }
    EXPECT_EQ(entries, 12u) << "six case studies and six career stories in the sample";
    // Newest first.
    auto first = feed.find("<entry>"), newest = feed.find("2025-05-12T00:00:00Z", first);
    EXPECT_LT(newest, feed.find("</entry>", first));
}

}  // namespace
