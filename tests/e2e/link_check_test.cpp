// Internal links: every link, image and #fragment must lead somewhere, and a broken one
// is reported where it was written, with the nearest address that exists.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

struct LinkSite {
    TempDir dir;
    fs::path content = dir / "content";
    LinkSite() { copy_tree(source_dir / "content", content); }
    void append(const std::string& rel, const std::string& text) { write_text(content / rel, read_text(content / rel) + text); }
    RunResult check() { return run(binary + " check --content " + quote(content)); }
    RunResult build() { return run(binary + " build --content " + quote(content) + " --out " + quote(dir / "site")); }
};

TEST(LinkCheck, TheSampleSiteHasNoBrokenLinks) {
    LinkSite site;
    RunResult r = site.check();
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_THAT(long_text(r.output), Not(HasSubstr(": error: "))) << r.output;
}

TEST(LinkCheck, BrokenPageAndFragmentAreReportedAtTheMarkdownSource) {
    LinkSite site;
    // Line 3 of what is appended: the profile's existing lines come first.
    size_t lines = count_of(read_text(site.content / "institutions/lstm/profiles/kwame-mensah.md"), "\n");
    site.append("institutions/lstm/profiles/kwame-mensah.md",
                "\nGood: [theme](/themes/visibility/), [story](../../case-studies/insectary-open-day/), "
                "[action](/institutions/lstm/plans/2024-2027/#action-v1).\n"
                "Bad: [theme](/themes/visiblity/) and [action](/institutions/lstm/plans/2024-2027/#action-v9).\n");
    std::string line = std::to_string(lines + 3);
    for (RunResult r : {site.check(), site.build()}) {
        EXPECT_EQ(r.status, 1) << r.output;
        EXPECT_THAT(
            long_text(r.output),
            HasSubstr(
                "institutions/lstm/profiles/kwame-mensah.md:" + line +
                ":14: error: the link '/themes/visiblity/' leads to no page or file on this site \u2014 did you mean '/themes/visibility/'?"))
            << r.output;
        EXPECT_THAT(
            long_text(r.output),
            HasSubstr("institutions/lstm/profiles/kwame-mensah.md:" + line +
                      ":47: error: the link '/institutions/lstm/plans/2024-2027/#action-v9' points at '#action-v9'"))
            << r.output;
        EXPECT_THAT(long_text(r.output), HasSubstr("did you mean '#action-v1'?"));
        EXPECT_THAT(long_text(r.output), HasSubstr("2 errors")) << "the good links are not reported:\n" << r.output;
    }
    EXPECT_FALSE(fs::exists(site.dir / "site")) << "a site with broken links is not published";
}

TEST(LinkCheck, LinksThatLeaveTheBasePathOrClimbAboveTheRootAreBroken) {
    LinkSite site;
    site.append("pages/about.md", "\n[up](../../../../etc/passwd) and [image](/missing.png)\n");
    RunResult r = site.check();
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(long_text(r.output), HasSubstr("pages/about.md:")) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("the link '../../../../etc/passwd' leads outside this site's address"))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("the link '/missing.png' leads to no page or file on this site"))
        << r.output;
}

TEST(LinkCheck, ABrokenLinkInATemplateIsReportedAtTheTemplate) {
    LinkSite site;
    std::string tmpl = read_text(source_dir / "themes/default/templates/404.mustache");
    tmpl.replace(tmpl.find("technicians/\">"), 12, "technican/\">");
    write_text(site.content / "templates/404.mustache", tmpl);
    RunResult r = site.check();
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(
            "templates/404.mustache:1:1: error: the link '/techpages/technican/' leads to no page or file on this site (on /techpages/404.html) \u2014 did you mean '/techpages/technicians/'?"))
        << r.output;
}

TEST(LinkCheck, SiteAbsoluteMarkdownLinksGetTheBasePath) {
    LinkSite site;
    site.append("pages/about.md", "\nRead about [visibility](/themes/visibility/).\n");
    RunResult r = run(binary + " build --content " + quote(site.content) + " --out " + quote(site.dir / "site") +
                      " --base-url https://example.github.io/tc-site/");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_THAT(long_text(read_text(site.dir / "site/about/index.html")),
                HasSubstr("<a href=\"/tc-site/themes/visibility/\">visibility</a>"));
}

}  // namespace
