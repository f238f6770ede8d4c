// Long lists split into pages: the sample site built with four cards to a page, so the
// directory, theme, skill, case-study and career-story lists each take several pages.
// Every technician is on exactly one page of each list, each page links to the others,
// and the directory's in-page filter is left out when it would only filter one page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

class SplitLists : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        copy_tree(source_dir / "content", content());
        write_text(content() / "site.toml", read_text(content() / "site.toml") + "\n[pagination]\nper_page = 4\n");
        RunResult r = run(binary + " build --content " + quote(content()) + " --out " + quote(site()));
        ASSERT_EQ(r.status, 0) << r.output;  // (the build checks every internal link, the pages' own included)
    }
    static void TearDownTestSuite() { delete dir_; }
    static fs::path content() { return dir_->path() / "content"; }
    static fs::path site() { return dir_->path() / "site"; }
    static std::string page(const std::string& path) { return read_text(site() / path / "index.html"); }

    // The links of the profile cards on a page, in order.
    static std::vector<std::string> profile_cards(const std::string& html) {
        static const std::regex card(R"re(<h3 class="card__title"><a href="([^"]*/profiles/[^"]*)")re");
        std::vector<std::string> out;
        for (std::sregex_iterator m(html.begin(), html.end(), card), end; m != end; ++m) out.push_back((*m)[1]);
        return out;
    }
    static size_t count(const std::string& text, const std::string& what) {
        size_t n = 0;
        for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    }
    static TempDir* dir_;
};
TempDir* SplitLists::dir_ = nullptr;

TEST_F(SplitLists, EveryTechnicianIsOnExactlyOnePageOfTheDirectory) {
    // 15 technicians, 4 to a page: pages 1 to 4, and no page 5.
    std::multiset<std::string> seen;
    for (int n = 1; n <= 4; ++n) {
        std::string path = n == 1 ? "technicians" : "technicians/page/" + std::to_string(n);
        ASSERT_TRUE(fs::exists(site() / path / "index.html")) << path;
        auto cards = profile_cards(page(path));
        EXPECT_EQ(cards.size(), n < 4 ? 4u : 3u) << path;
        seen.insert(cards.begin(), cards.end());
    }
    EXPECT_FALSE(fs::exists(site() / "technicians/page/5"));
    EXPECT_FALSE(fs::exists(site() / "technicians/page/1")) << "page 1 is the list's own address";
    EXPECT_EQ(seen.size(), 15u);
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 15u) << "no technician twice";
}

TEST_F(SplitLists, EachPageSaysWhereItIsAndLinksToTheOthers) {
    std::string second = page("technicians/page/2");
    EXPECT_THAT(long_text(second), HasSubstr("<title>Technicians, page 2 of 4 – "));
    EXPECT_THAT(long_text(second), HasSubstr("Showing technicians 5 to 8 of 15 (page 2 of 4)"));
    EXPECT_THAT(long_text(second), HasSubstr(R"(<a href="/techpages/technicians/" rel="prev">)"));
    EXPECT_THAT(long_text(second), HasSubstr(R"(<a href="/techpages/technicians/page/3/" rel="next">)"));
    EXPECT_THAT(long_text(second), HasSubstr(R"(<a href="/techpages/technicians/page/2/" aria-current="page">)"));
    EXPECT_EQ(count(second, "aria-current=\"page\"><span"), 1u) << "one current page";
    std::string last = page("technicians/page/4");
    EXPECT_THAT(long_text(last), Not(HasSubstr("rel=\"next\""))) << "the last page has no next page";
    EXPECT_THAT(long_text(page("technicians")), Not(HasSubstr("rel=\"prev\""))) << "the first has no previous";
    // Later pages sit under their list in the breadcrumbs.
    EXPECT_THAT(long_text(second), HasSubstr(R"(<li><a href="/techpages/technicians/">Technicians</a></li>)"));
}

TEST_F(SplitLists, TheDirectoryLeavesOutItsOnePageFilterAndOffersTheLists) {
    std::string first = page("technicians");
    EXPECT_THAT(long_text(first), Not(HasSubstr("id=\"directory-filter\""))) << "a filter over 4 of 15 would mislead";
    EXPECT_THAT(long_text(first), Not(HasSubstr("directory.js")));
    EXPECT_THAT(long_text(first), HasSubstr("is listed on these pages, by institution"));
    EXPECT_THAT(long_text(first), HasSubstr("id=\"browse-heading\""))
        << "browse by institution, theme, skill, registration";
    // Cards on split lists carry no filter data.
    EXPECT_THAT(long_text(first), Not(HasSubstr("data-skills=")));
}

TEST_F(SplitLists, ThemeAndSkillPagesKeepTheirOwnContentOnPageOne) {
    std::string theme = page("themes/visibility");
    std::string theme2 = page("themes/visibility/page/2");
    auto first_cards = profile_cards(theme), later_cards = profile_cards(theme2);
    EXPECT_EQ(first_cards.size(), 4u);
    EXPECT_EQ(later_cards.size(), 3u) << "the sample has 7 technicians under Visibility";
    EXPECT_THAT(long_text(theme), HasSubstr("class=\"pagination\""));
    EXPECT_THAT(long_text(theme2), HasSubstr("<title>Visibility: technicians, page 2 of 2 – "));
    EXPECT_THAT(long_text(theme2), Not(HasSubstr("<h2>Case studies</h2>")))
        << "the theme's other lists are on page 1 only";
    // A skill with 5 technicians: 4 on its page, 1 on page 2, its actions on page 1.
    EXPECT_EQ(profile_cards(page("skills/health-and-safety")).size(), 4u);
    EXPECT_EQ(profile_cards(page("skills/health-and-safety/page/2")).size(), 1u);
    // A list that fits on one page has no navigation.
    EXPECT_THAT(long_text(page("skills/welding")), Not(HasSubstr("class=\"pagination\"")));
    EXPECT_FALSE(fs::exists(site() / "skills/welding/page"));
}

TEST_F(SplitLists, CaseStudiesAndCareerStoriesAreSplitNewestFirst) {
    for (const std::string list : {"case-studies", "career-stories"}) {
        ASSERT_TRUE(fs::exists(site() / list / "page/2/index.html")) << list;
        EXPECT_THAT(long_text(page(list)), HasSubstr("rel=\"next\"")) << list;
    }
}

TEST_F(SplitLists, LaterPagesAreInTheSitemap) {
    std::string sitemap = read_text(site() / "sitemap.xml");
    EXPECT_THAT(long_text(sitemap), HasSubstr("/technicians/page/4/</loc>"));
}

TEST_F(SplitLists, ABadPageSizeIsALocatedError) {
    TempDir other;
    copy_tree(source_dir / "content", other.path() / "content");
    write_text(other.path() / "content/site.toml",
               read_text(other.path() / "content/site.toml") + "\n[pagination]\nper_page = 0\nper_pages = 4\n");
    RunResult r = run(binary + " check --content " + quote(other.path() / "content"));
    EXPECT_NE(r.status, 0);
    EXPECT_THAT(long_text(r.output), HasSubstr("site.toml:")) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("'per_page' is 0, outside 1 to 1000 cards")) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("per_pages")) << "the misspelt key is reported too: " << r.output;
}

}  // namespace
