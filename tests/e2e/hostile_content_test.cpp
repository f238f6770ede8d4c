// Pull requests come from people we do not know. A crafted profile must not put script
// on the site, publish a file from outside the content tree, or hang or crash the build.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

struct Hostile {
    TempDir dir;
    fs::path content = dir / "content";
    fs::path out = dir / "site";
    Hostile() { copy_tree(source_dir / "content", content); }
    RunResult build() { return run(binary + " build --content " + quote(content) + " --out " + quote(out)); }
    std::string all_html() {
        std::string all;
        for (const auto& e : fs::recursive_directory_iterator(out))
            if (e.path().extension() == ".html") all += read_text(e.path());
        return all;
    }
};

const char* hostile_body = R"HOSTILE(
<script>alert('raw block')</script>

Inline <script>alert('inline')</script> and <img src=x onerror="alert('handler')"> and <b onmouseover=alert(1)>bold</b>.

<div onclick="alert('div')">a raw block</div>

[js](javascript:alert('js')) [JS](JAVASCRIPT:alert(1)) [tab](java	script:alert(1))
[entity](&#106;avascript:alert(1)) [vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![img](javascript:alert('img')) ![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
<a href="javascript:alert('a')">raw link</a>

Template syntax {{site.title}} {{{page.title}}} {{> head}} stays text.
)HOSTILE";

TEST(HostileContent, NoPayloadReachesThePageAsLiveMarkup) {
    Hostile site;
    write_text(site.content / "institutions/lstm/profiles/mallory.md",
               "+++\nname = \"Mallory <script>alert('name')</script>\"\nrole = \"\\\"><img src=x onerror=alert('role')>\"\n"
               "summary = \"{{site.title}} javascript:alert(1)\"\n+++\n" + std::string(hostile_body));
    // The site opts in to raw HTML for its own pages: contributors' content still never gets it.
    std::string config = read_text(site.content / "site.toml");
    write_text(site.content / "site.toml", "allow_raw_html = true\n" + config);
    RunResult r = site.build();
    ASSERT_EQ(r.status, 0) << r.output;
    std::string page = read_text(site.out / "institutions/lstm/profiles/mallory/index.html");
    std::string lower = page;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_THAT(long_text(lower), Not(HasSubstr("<script>alert")));
    EXPECT_EQ(std::regex_search(lower, std::regex(R"(<[^>]*\son[a-z]+\s*=)")), false) << "no event handler attribute";
    EXPECT_THAT(long_text(lower), Not(HasSubstr("href=\"javascript")));
    EXPECT_THAT(long_text(lower), Not(HasSubstr("href=\"java\tscript")));
    EXPECT_THAT(long_text(lower), Not(HasSubstr("vbscript:")));
    EXPECT_THAT(long_text(lower), Not(HasSubstr("=\"data:")));
    EXPECT_THAT(long_text(lower), Not(HasSubstr("src=\"javascript")));
    // Front-matter HTML is shown as text; template syntax is text, never interpreted.
    EXPECT_THAT(long_text(page), HasSubstr("Mallory &lt;script&gt;"));
    EXPECT_THAT(long_text(page), HasSubstr("{{site.title}} {{{page.title}}} {{&gt; head}} stays text."));
    EXPECT_THAT(long_text(page), Not(HasSubstr("Technician Commitment javascript")))
        << "{{site.title}} in a field is not expanded";
    // And nowhere else on the site, either (cards on index and skill pages).
    std::string all = site.all_html();
    EXPECT_THAT(long_text(all), Not(HasSubstr("<script>alert")));
}

TEST(HostileContent, SiteLevelPagesMayUseRawHtmlOnlyWhenAllowed) {
    Hostile site;
    write_text(site.content / "pages/embed.md", "+++\ntitle = \"Embed\"\n+++\n<div class=\"callout\">Raw block</div>\n");
    ASSERT_EQ(site.build().status, 0);
    EXPECT_THAT(long_text(read_text(site.out / "embed/index.html")), Not(HasSubstr("<div class=\"callout\">")));
    std::string config = read_text(site.content / "site.toml");
    write_text(site.content / "site.toml", "allow_raw_html = true\n" + config);
    ASSERT_EQ(site.build().status, 0);
    EXPECT_THAT(long_text(read_text(site.out / "embed/index.html")), HasSubstr("<div class=\"callout\">"));
}

TEST(HostileContent, SymlinksOutOfTheContentTreeNeverPublishTheirTarget) {
    Hostile site;
    fs::create_symlink("/etc/passwd", site.content / "institutions/lstm/profiles/passwd.md");
    fs::create_symlink("/etc", site.content / "static");
    fs::create_symlink("/etc/hostname", site.content / "institutions/lstm/profiles/snoop.jpg");
    write_text(site.content / "institutions/lstm/profiles/snooper.md",
               "+++\nname = \"Snooper\"\nrole = \"Technician\"\nphoto = \"snoop.jpg\"\nphoto_alt = \"x\"\n+++\nHi\n");
    RunResult r = site.build();
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(
            "institutions/lstm/profiles/passwd.md:1:1: error: this is a link to a place outside the content folder"))
        << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr("static:1:1: error: this is a link to a place outside the content folder"))
        << r.output;
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(
            "institutions/lstm/profiles/snooper.md:4:9: error: the file 'snoop.jpg' is a link to a place outside the content folder"))
        << r.output;
    EXPECT_FALSE(fs::exists(site.out));
    // Remove the photo and the profile: the site builds, and still holds nothing from /etc.
    fs::remove(site.content / "institutions/lstm/profiles/snooper.md");
    RunResult again = site.build();
    EXPECT_EQ(again.status, 1) << "the links themselves stay errors until removed";
    fs::remove(site.content / "institutions/lstm/profiles/passwd.md");
    fs::remove(site.content / "static");
    fs::remove(site.content / "institutions/lstm/profiles/snoop.jpg");
    ASSERT_EQ(site.build().status, 0);
    std::string passwd = read_text("/etc/passwd");
    for (const auto& e : fs::recursive_directory_iterator(site.out)) {
        if (e.is_regular_file()) {
            EXPECT_THAT(long_text(read_text(e.path())), Not(HasSubstr(passwd.substr(0, 40)))) << e.path();
        }
    }
}

// cmark-gfm 0.29.0.gfm.6 predates the fixes for its quadratic-time advisories and toml++ 3.3
// overflows the stack on dotted keys: each input finishes quickly or is refused by a limit.
struct Pathological {
    std::string name, body;
    bool refused;
    std::string message;
};

TEST(HostileContent, PathologicalInputsFinishInBoundedTimeOrAreRefused) {
    auto repeat = [](const std::string& s, int n) {
        std::string out;
        for (int i = 0; i < n; ++i) out += s;
        return out;
    };
    std::string wide = "|" + repeat("a|", 50000) + "\n|" + repeat("-|", 50000) + "\n";
    std::vector<Pathological> cases = {
        {"nested-emphasis", repeat("*a **a ", 65000) + "b" + repeat(" a** a*", 65000), false, ""},
        {"open-brackets", repeat("[a", 50000), false, ""},
        {"close-brackets", repeat("a]", 50000), false, ""},
        {"deep-quotes", repeat("> ", 50000) + "a\n", false, ""},
        {"backticks", repeat("`a``", 50000), false, ""},
        {"wide-table", wide, true, "table columns, more than the 256 a page can show"},
    };
    for (const auto& c : cases) {
        Hostile site;
        write_text(site.content / ("institutions/lstm/case-studies/" + c.name + ".md"),
                   "+++\ntitle = \"x\"\ndate = 2024-01-01\n+++\n" + c.body + "\n");
        auto start = std::chrono::steady_clock::now();
        RunResult r = site.build();
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_LT(seconds, 20.0) << c.name << " took " << seconds << " s";  // normal: well under 1 s
        EXPECT_TRUE(r.status == 0 || r.status == 1) << c.name << " crashed: " << r.status;
        if (c.refused) {
            EXPECT_EQ(r.status, 1) << c.name;
            EXPECT_THAT(long_text(r.output), HasSubstr(c.message)) << c.name << ": " << r.output;
        } else {
            EXPECT_EQ(r.status, 0) << c.name << ": " << r.output.substr(0, 500);
        }
    }
}

TEST(HostileContent, DottedKeysThatWouldOverflowTheParserAreRefused) {
    Hostile site;
    std::string key = "a";
    for (int i = 0; i < 50000; ++i) key += ".a";
    // A plan file, which may be larger than front matter: 100 KB of one dotted key.
    write_text(site.content / "institutions/lstm/plans/dots.toml", "title = \"x\"\n" + key + " = 1\n");
    RunResult r = site.build();
    EXPECT_EQ(r.status, 1) << "no crash";
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr("institutions/lstm/plans/dots.toml:2:1: error: this field name has 50001 parts separated by dots"))
        << r.output.substr(0, 400);
}

TEST(HostileContent, OversizedFilesAreRefusedWithTheirSize) {
    Hostile site;
    write_text(site.content / "institutions/lstm/profiles/huge.md",
               "+++\nname = \"x\"\nrole = \"y\"\n+++\n" + std::string(2 * 1024 * 1024, 'a') + "\n");
    std::string big_front = "+++\nname = \"x\"\nrole = \"y\"\nsummary = \"" + std::string(100 * 1024, 'b') + "\"\n+++\n";
    write_text(site.content / "institutions/lstm/profiles/big-front.md", big_front);
    RunResult r = site.build();
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(long_text(r.output),
                HasSubstr("huge.md:1:1: error: this file is 2048 KB, over the 1024 KB limit for a content file"))
        << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr("big-front.md:1:1: error: the front matter is 100 KB, over the 64 KB limit"))
        << r.output;
}

}  // namespace
