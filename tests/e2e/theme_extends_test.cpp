// A site's own theme beside its content, extending the built-in default: only what it
// changes is in its folder, and the build takes everything else from the parent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

TEST(ThemeExtends, ASiteThemeChangesOnePartialAndAddsAStylesheet) {
    TempDir dir;
    copy_tree(source_dir / "content", dir / "content");
    write_text(dir / "themes/ours/theme.toml", "extends = \"default\"\nstylesheets = [\"ours.css\"]\n");
    write_text(dir / "themes/ours/assets/ours.css", ":root { --brand: #5a2d82; }\n");
    std::string foot = read_text(source_dir / "themes/default/templates/partials/foot.mustache");
    foot.insert(foot.find("</footer>"), "<p>Run by the Example Technical Network</p>\n");
    write_text(dir / "themes/ours/templates/partials/foot.mustache", foot);
    RunResult r = run(binary + " build --content " + quote(dir / "content") + " --theme ours --out " + quote(dir / "site"));
    ASSERT_EQ(r.status, 0) << r.output;
    for (const std::string page : {"index.html", "technicians/index.html", "search/index.html"}) {
        std::string html = read_text(dir / "site" / page);
        EXPECT_THAT(long_text(html), HasSubstr("Run by the Example Technical Network")) << page << ": our footer";
        EXPECT_THAT(long_text(html),
                    HasSubstr("assets/style.css\">\n<link rel=\"stylesheet\" href=\"/techpages/assets/ours.css\">"))
            << page << ": the default's stylesheet, then ours";
    }
    EXPECT_TRUE(fs::exists(dir / "site/assets/directory.js")) << "the parent's assets come along";
    EXPECT_TRUE(fs::exists(dir / "site/assets/ours.css"));
}

TEST(ThemeExtends, AnUnknownParentStopsTheBuildAtItsLine) {
    TempDir dir;
    copy_tree(source_dir / "content", dir / "content");
    write_text(dir / "themes/ours/theme.toml", "extends = \"defualt\"\n");
    RunResult r = run(binary + " build --content " + quote(dir / "content") + " --theme ours --out " + quote(dir / "site"));
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr("themes/ours/theme.toml:1:11: error: 'defualt' is not a visual theme \u2014 did you mean 'default'?"))
        << r.output;
    EXPECT_FALSE(fs::exists(dir / "site"));
}

}  // namespace
