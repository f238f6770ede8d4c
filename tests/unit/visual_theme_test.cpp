// Themes extending themes: templates, assets and stylesheets fall back to the parent;
// an unknown parent or a circle is a located error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "render/templates.h"
#include "render/visual_theme.h"
#include "test_support.h"

using ::testing::HasSubstr;

namespace techpages {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_text;

// A content folder with themes/ beside it, as a site repository has.
struct ThemesBeside {
    TempDir dir;
    fs::path content = dir / "content";
    ThemesBeside() { fs::create_directories(content); }
    void theme_file(const std::string& theme, const std::string& rel, const std::string& text) {
        write_text(dir / "themes" / theme / rel, text);
    }
    std::string all(const Diagnostics& d) {
        std::string out;
        for (const auto& x : d.sorted()) out += format_diagnostic(x) + "\n";
        return out;
    }
};

TEST(VisualTheme, BuiltInHighContrastExtendsDefaultAndAddsItsStylesheet) {
    ThemesBeside site;
    Diagnostics d;
    auto theme = load_visual_theme(site.content, "high-contrast", d);
    ASSERT_TRUE(theme) << site.all(d);
    ASSERT_EQ(theme->dirs.size(), 2u);
    EXPECT_EQ(theme->dirs[1].filename(), "default");
    EXPECT_EQ(theme->stylesheets, (std::vector<std::string>{"style.css", "high-contrast.css"}));
    auto assets = theme->assets();
    EXPECT_EQ(assets.at("style.css").parent_path().parent_path().filename(), "default");
    EXPECT_EQ(assets.at("favicon.svg").parent_path().parent_path().filename(), "high-contrast") << "its own favicon wins";
    auto templates = VisualThemeTemplates::load(theme->dirs, site.content / "templates", d);
    ASSERT_TRUE(templates) << site.all(d);
    EXPECT_THAT(templates->file("home"), HasSubstr("themes/default/templates/home.mustache"));
}

TEST(VisualTheme, ChildTemplateReplacesParentsAndPartialsComeFromEither) {
    ThemesBeside site;
    site.theme_file("base", "templates/home.mustache", "{{>head}}base home");
    site.theme_file("base", "templates/page.mustache", "{{>head}}base page");
    site.theme_file("base", "templates/partials/head.mustache", "BASE HEAD ");
    site.theme_file("child", "theme.toml", "extends = \"base\"\n");
    site.theme_file("child", "templates/home.mustache", "{{>head}}child home");
    site.theme_file("child", "templates/partials/head.mustache", "CHILD HEAD ");
    Diagnostics d;
    auto theme = load_visual_theme(site.content, "child", d);
    ASSERT_TRUE(theme) << site.all(d);
    auto templates = VisualThemeTemplates::load(theme->dirs, site.content / "templates", d);
    ASSERT_TRUE(templates) << site.all(d);
    EXPECT_EQ(*templates->source("home"), "CHILD HEAD child home");
    EXPECT_EQ(*templates->source("page"), "CHILD HEAD base page") << "the parent's page, the child's partial";
}

TEST(VisualTheme, UnknownParentIsLocatedWithASuggestion) {
    ThemesBeside site;
    site.theme_file("mine", "theme.toml", "# my theme\nextends = \"defualt\"\n");
    Diagnostics d;
    EXPECT_FALSE(load_visual_theme(site.content, "mine", d));
    std::string out = site.all(d);
    EXPECT_THAT(
        out, HasSubstr("mine/theme.toml:2:11: error: 'defualt' is not a visual theme \u2014 did you mean 'default'?"))
        << out;
}

TEST(VisualTheme, ACircleOfThemesIsAnError) {
    ThemesBeside site;
    site.theme_file("a", "theme.toml", "extends = \"b\"\n");
    site.theme_file("b", "theme.toml", "extends = \"a\"\n");
    site.theme_file("self", "theme.toml", "extends = \"self\"\n");
    Diagnostics d;
    EXPECT_FALSE(load_visual_theme(site.content, "a", d));
    EXPECT_FALSE(load_visual_theme(site.content, "self", d));
    std::string out = site.all(d);
    EXPECT_THAT(out, HasSubstr("b/theme.toml:1:11: error: themes extend each other in a circle: a \u2192 b \u2192 a"))
        << out;
    EXPECT_THAT(out, HasSubstr("self/theme.toml:1:11: error: the theme 'self' extends itself")) << out;
}

TEST(VisualTheme, MistakesInThemeTomlAreLocated) {
    ThemesBeside site;
    site.theme_file("mine", "theme.toml", "extends = \"default\"\nstylesheet = [\"x.css\"]\n");
    site.theme_file("other", "theme.toml", "stylesheets = [\"missing.css\"]\n");
    Diagnostics d;
    EXPECT_FALSE(load_visual_theme(site.content, "mine", d));
    EXPECT_FALSE(load_visual_theme(site.content, "other", d));
    std::string out = site.all(d);
    EXPECT_THAT(out, HasSubstr("mine/theme.toml:2:14: error: 'stylesheet' is not a theme setting")) << out;
    EXPECT_THAT(out, HasSubstr("error: the stylesheet 'missing.css' is not in")) << out;
}

TEST(VisualTheme, AThemeWithoutTemplatesAnywhereIsRefused) {
    ThemesBeside site;
    site.theme_file("bare", "theme.toml", "description = \"nothing yet\"\n");
    Diagnostics d;
    auto theme = load_visual_theme(site.content, "bare", d);
    ASSERT_TRUE(theme);
    EXPECT_FALSE(VisualThemeTemplates::load(theme->dirs, site.content / "templates", d));
    EXPECT_THAT(site.all(d), HasSubstr("has no templates/ folder, and extends no theme that has one"));
}

}  // namespace
}  // namespace techpages
