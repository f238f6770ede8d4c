// The sample site's search index and technician directory, and the high-contrast theme
// built on the default one: what the browser tests' scripts rely on, checked in the files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

class BuiltSample : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        for (const std::string theme : {"default", "high-contrast"}) {
            RunResult r = run(binary + " build --content " + quote(source_dir / "content") + " --theme " + theme +
                              " --out " + quote(dir_->path() / theme));
            ASSERT_EQ(r.status, 0) << r.output;
        }
    }
    static void TearDownTestSuite() { delete dir_; }
    static fs::path site(const std::string& theme = "default") { return dir_->path() / theme; }
    // Every page folder under institutions/*/KIND/.
    static std::vector<fs::path> pages_of(const std::string& kind) {
        std::vector<fs::path> out;
        for (const auto& inst : fs::directory_iterator(site() / "institutions"))
            if (fs::is_directory(inst.path() / kind))
                for (const auto& p : fs::directory_iterator(inst.path() / kind))
                    if (fs::exists(p.path() / "index.html")) out.push_back(p.path());
        return out;
    }
    static TempDir* dir_;
};
TempDir* BuiltSample::dir_ = nullptr;

TEST_F(BuiltSample, SearchIndexHoldsEveryProfileStoryAndActionAndEveryLinkLandsOnAnId) {
    std::string index = read_text(site() / "search/index.json");
    ASSERT_FALSE(index.empty());
    EXPECT_EQ(count_of(index, "\"k\":\"Technician profile\""), pages_of("profiles").size());
    EXPECT_EQ(count_of(index, "\"k\":\"Case study\""), pages_of("case-studies").size());
    EXPECT_EQ(count_of(index, "\"k\":\"Career story\""), pages_of("career-stories").size());
    size_t actions_on_pages = 0;
    for (const auto& plan : pages_of("plans")) actions_on_pages += count_of(read_text(plan / "index.html"), " id=\"action-");
    EXPECT_EQ(count_of(index, "\"k\":\"Action\""), actions_on_pages);
    // Each action's link: its plan's page, at the action's own id.
    std::regex action_link(R"re("u":"/techpages/([^"#]+)#([^"]+)","k":"Action")re");
    size_t checked = 0;
    for (auto it = std::sregex_iterator(index.begin(), index.end(), action_link); it != std::sregex_iterator(); ++it) {
        std::string page = read_text(site() / (*it)[1].str() / "index.html");
        EXPECT_THAT(long_text(page), HasSubstr("id=\"" + (*it)[2].str() + "\"")) << (*it)[0];
        ++checked;
    }
    EXPECT_EQ(checked, actions_on_pages);
    EXPECT_THAT(long_text(index), Not(HasSubstr("<"))) << "markup is escaped, so the index is safe anywhere";
}

TEST_F(BuiltSample, SearchPageWorksWithoutJavaScriptByLinkingTheLists) {
    std::string page = read_text(site() / "search/index.html");
    EXPECT_THAT(long_text(page), HasSubstr("action=\"/techpages/search/\" method=\"get\""));
    EXPECT_THAT(long_text(page), HasSubstr("data-index=\"/techpages/search/index.json\""));
    EXPECT_THAT(long_text(page), HasSubstr("Search needs JavaScript"));
    for (const std::string list : {"technicians/", "case-studies/", "career-stories/", "plans/", "skills/", "registrations/"})
        EXPECT_THAT(long_text(page), HasSubstr("href=\"/techpages/" + list + "\"")) << list;
}

TEST_F(BuiltSample, DirectoryCardsCarryWhatTheFiltersOfferAndEveryChoiceHasAPlainList) {
    std::string page = read_text(site() / "technicians/index.html");
    EXPECT_EQ(count_of(page, "<li class=\"card\" data-institution=\""), pages_of("profiles").size());
    // Every value a select offers is on some card, and its plain list exists.
    std::regex option(R"re(<select id="filter-([a-z]+)" data-filter="([a-z]+)">(.*?)</select>)re");
    std::regex value(R"re(<option value="([^"]+)">)re");
    std::map<std::string, std::string> list_of{{"institution", "institutions"}, {"themes", "themes"},
                                               {"skills", "skills"}, {"registrations", "registrations"}};
    size_t selects = 0;
    for (auto s = std::sregex_iterator(page.begin(), page.end(), option); s != std::sregex_iterator(); ++s, ++selects) {
        std::string filter = (*s)[2], options = (*s)[3];
        for (auto v = std::sregex_iterator(options.begin(), options.end(), value); v != std::sregex_iterator(); ++v) {
            std::string slug = (*v)[1];
            std::regex on_card("data-" + filter + "=\"([^\"]* )?" + slug + "( [^\"]*)?\"");
            EXPECT_TRUE(std::regex_search(page, on_card)) << filter << " " << slug;
            EXPECT_THAT(long_text(page), HasSubstr("href=\"/techpages/" + list_of[filter] + "/" + slug + "/\""))
                << "no plain list for " << filter << " " << slug;
        }
    }
    EXPECT_EQ(selects, 4u);
    EXPECT_THAT(
        long_text(page),
        HasSubstr(
            "<form class=\"directory-filter\" id=\"directory-filter\" aria-labelledby=\"filter-heading\" hidden>"))
        << "the form shows only when its script runs";
}

TEST_F(BuiltSample, HighContrastIsTheDefaultThemeWithItsOwnStylesheetOnTop) {
    EXPECT_FALSE(fs::exists(source_dir / "themes/high-contrast/templates")) << "it copies no template";
    std::string home = read_text(site("high-contrast") / "index.html");
    size_t base = home.find("<link rel=\"stylesheet\" href=\"/techpages/assets/style.css\">");
    size_t own = home.find("<link rel=\"stylesheet\" href=\"/techpages/assets/high-contrast.css\">");
    ASSERT_NE(base, std::string::npos);
    ASSERT_NE(own, std::string::npos);
    EXPECT_LT(base, own) << "its rules come after the default theme's, so they win";
    EXPECT_EQ(read_text(site("high-contrast") / "assets/style.css"), read_text(source_dir / "themes/default/assets/style.css"));
    EXPECT_EQ(read_text(site("high-contrast") / "assets/favicon.svg"),
              read_text(source_dir / "themes/high-contrast/assets/favicon.svg")) << "its own favicon replaces the default's";
    EXPECT_THAT(long_text(read_text(site("default") / "index.html")), Not(HasSubstr("high-contrast.css")));
}

}  // namespace
