// Builds the real sample content with the real binary, once, and checks what a reader
// would see: every page kind, every seed plan's actions, taxonomies, the summary line.
#include <gtest/gtest.h>

#include <regex>

#include "test_support.h"

using namespace techpages::testing;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

class SampleSite : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        build_ = new RunResult(run(binary + " build --content " + quote(source_dir / "content") + " --out " +
                                   quote(dir_->path() / "site")));
    }
    static void TearDownTestSuite() {
        delete build_;
        delete dir_;
    }
    static std::string page(const std::string& site_path) {
        return read_text(dir_->path() / "site" / site_path / "index.html");
    }
    static bool exists(const std::string& rel) { return fs::exists(dir_->path() / "site" / rel); }
    static TempDir* dir_;
    static RunResult* build_;
};

TempDir* SampleSite::dir_ = nullptr;
RunResult* SampleSite::build_ = nullptr;

TEST_F(SampleSite, BuildSucceedsWithATwoLineSummary) {
    ASSERT_EQ(build_->status, 0) << build_->output;
    std::regex summary(R"(^Built (\d+) pages, (\d+) photos \((\d+) processed, (\d+) unchanged\) and copied (\d+) files into .* in [0-9.]+ s\nRendered (\d+) of (\d+) pages \(0 unchanged\)\n$)");
    std::smatch m;
    ASSERT_TRUE(std::regex_match(build_->output, m, summary)) << build_->output;
    EXPECT_GT(std::stoi(m[1]), 100);
    EXPECT_EQ(m[6], m[1]) << "a first build renders every page";
    EXPECT_EQ(m[7], m[1]);
}

TEST_F(SampleSite, HasTheFourThemePagesWithTheirAims) {
    for (const auto& [id, title] : std::vector<std::pair<std::string, std::string>>{
             {"visibility", "Visibility"}, {"recognition", "Recognition"},
             {"career-development", "Career Development"}, {"sustainability", "Sustainability"}}) {
        std::string html = page("themes/" + id);
        ASSERT_FALSE(html.empty()) << id;
        EXPECT_NE(html.find("<h1>" + title + "</h1>"), std::string::npos) << id;
        EXPECT_NE(html.find("Actions, institution by institution"), std::string::npos) << id;
    }
    EXPECT_TRUE(exists("themes/index.html"));
}

TEST_F(SampleSite, HasAPagePerInstitutionAndPerPlan) {
    for (const std::string inst : {"lstm", "lancaster", "lmb", "leicester"}) EXPECT_TRUE(exists("institutions/" + inst + "/index.html")) << inst;
    for (const std::string plan : {"lstm/plans/2024-2027", "lancaster/plans/rag-report-2019", "lancaster/plans/stage-3",
                                   "lmb/plans/24-month-plan", "leicester/plans/2024-2027"})
        EXPECT_TRUE(exists("institutions/" + plan + "/index.html")) << plan;
    std::string lancaster = page("institutions/lancaster");
    EXPECT_NE(lancaster.find("Progress by Commitment theme"), std::string::npos);
    EXPECT_EQ(count_of(lancaster, "class=\"plan-summary\""), 2u) << "Lancaster has two plans";
}

TEST_F(SampleSite, HasIndexPagesForEveryKind) {
    for (const std::string p : {"index.html", "themes/index.html", "institutions/index.html", "technicians/index.html",
                                "case-studies/index.html", "career-stories/index.html", "plans/index.html",
                                "skills/index.html", "registrations/index.html", "talent/index.html", "404.html",
                                "assets/style.css"})
        EXPECT_TRUE(exists(p)) << p;
}

// Every action of a seed plan is on its page: as many action blocks as the plan has
// actions, each ref shown, and the text of a few actions copied from the seed itself.
struct SeedPlan {
    std::string page;
    size_t actions;
    std::vector<std::string> refs;
    std::vector<std::string> texts;  // from the seed files, word for word
};

void expect_plan(const std::string& html, const SeedPlan& plan) {
    size_t blocks = count_of(html, "<article class=\"action\"") + count_of(html, "<li class=\"action action--sub");
    EXPECT_EQ(blocks, plan.actions) << plan.page;
    for (const auto& ref : plan.refs)
        EXPECT_NE(html.find("<span class=\"action__ref\">" + ref + "</span>"), std::string::npos) << plan.page << " " << ref;
    for (const auto& text : plan.texts) EXPECT_NE(html.find(text), std::string::npos) << plan.page << ": " << text;
    // Status is always shown as a word, never by colour alone.
    EXPECT_EQ(count_of(html, "<p class=\"action__meta\"><span class=\"status status--"), plan.actions) << plan.page;
    EXPECT_EQ(count_of(html, "<span class=\"status status--none\"><span class=\"status__icon\" aria-hidden=\"true\"></span>Not reported"),
              count_of(html, "status--none\">")) << plan.page;
}

TEST_F(SampleSite, LstmPlanHasEveryAction) {
    expect_plan(page("institutions/lstm/plans/2024-2027"),
                {"lstm", 20, {"V1", "V3", "R1", "R6", "R7", "R8", "CD1", "CD7", "S1", "S2"},
                 {"Keep the technician page on LSTM website updated", "Links to technician profiles from PI profiles",
                  "Technical representation at external conferences", "Ensure that technician appreciation days continue",
                  "Measurable Outcome"}});
}

TEST_F(SampleSite, LancasterRagReportHasEveryAction) {
    expect_plan(page("institutions/lancaster/plans/rag-report-2019"),
                {"lancaster rag", 27, {"V1", "V8", "R1", "R6", "CD1", "CD3 + V2", "CD7", "S1", "S5"},
                 {"Map university wide committee structure", "Technician roles have clear job descriptions",
                  "Develop an Internal award scheme to recognise the contribution of technical staff.",
                  "Lead Person(s)", "In Progress, near completion"}});
}

TEST_F(SampleSite, LancasterStageThreeHasEveryActionAndItsPriorities) {
    std::string html = page("institutions/lancaster/plans/stage-3");
    expect_plan(html, {"lancaster stage 3", 35, {"CD1", "SD7", "SP3", "PRE1", "TV5", "E5"},
                       {"Implementation of the Technician Career Framework", "Succession Planning", "Skills Development",
                        "Talent Recommendation(s)"}});
    EXPECT_EQ(count_of(html, "<span class=\"action__ref\">E1</span>"), 2u) << "the plan uses E1 twice; both are shown";
    EXPECT_EQ(count_of(html, "<span class=\"priority\">"), 8u) << "eight refs carry the plan's * priority mark";
}

TEST_F(SampleSite, LmbPlanHasEveryActionWithHighPriorityOnTheFirstSeven) {
    std::string html = page("institutions/lmb/plans/24-month-plan");
    expect_plan(html, {"lmb", 18, {"1", "7", "8", "18"},
                       {"Describe career pathways for technically skilled roles.",
                        "Increase uptake of professional registration through the Science Council and Engineering Council.",
                        "Evaluation Method"}});
    EXPECT_EQ(count_of(html, "<span class=\"priority\">"), 7u);
}

TEST_F(SampleSite, LeicesterPlanHasEveryActionNestedUnderItsParent) {
    std::string html = page("institutions/leicester/plans/2024-2027");
    expect_plan(html, {"leicester", 35, {"V1", "V1a", "V1d", "V3b", "R1a", "CD2c", "S5"},
                       {"Annual technical staff conference", "Phase 1", "Technician Commitment Steering Group",
                        "Action owner"}});
    // V1a sits inside V1's block, in the sub-actions list.
    size_t v1 = html.find("id=\"action-v1\""), v1a = html.find("id=\"action-v1a\""), v2 = html.find("id=\"action-v2\"");
    ASSERT_NE(v1a, std::string::npos);
    EXPECT_LT(v1, v1a);
    EXPECT_LT(v1a, v2);
    EXPECT_NE(html.find("<abbr title=\"Technician Commitment Steering Group\">SG</abbr>"), std::string::npos)
        << "owners expand the plan's abbreviations";
}

TEST_F(SampleSite, TaxonomyPagesListWhatCitesThem) {
    std::string skill = page("skills/laboratory-management");
    EXPECT_NE(skill.find("<h1>Laboratory management</h1>"), std::string::npos);
    EXPECT_GE(count_of(skill, "<li class=\"card\">"), 2u);
    std::string reg = page("registrations/rscitech");
    EXPECT_NE(reg.find("Registered Science Technician"), std::string::npos);
    EXPECT_NE(reg.find("Kwame Mensah"), std::string::npos);
    // Lancaster's stage 3 plan cites R1 on CD1; the TALENT page lists it with its plan.
    std::string r1 = page("talent/r1");
    EXPECT_NE(r1.find("Implementation of the Technician Career Framework"), std::string::npos);
    EXPECT_NE(r1.find("Appendix 1: Stage 3 Action Plan"), std::string::npos);
    for (int r = 1; r <= 16; ++r) EXPECT_TRUE(exists("talent/r" + std::to_string(r) + "/index.html")) << r;
}

TEST_F(SampleSite, ProfilesCaseStudiesAndStoriesLinkToEachOther) {
    std::string profile = page("institutions/lstm/profiles/kwame-mensah");
    EXPECT_NE(profile.find("<h1>Kwame Mensah</h1>"), std::string::npos);
    EXPECT_NE(profile.find("Opening the insectary to schools"), std::string::npos) << "the case study featuring him";
    EXPECT_TRUE(exists("institutions/lstm/profiles/kwame-mensah-320.webp")) << "the photo is published beside the page";
    std::string story = page("institutions/lancaster/career-stories/from-shipyard-to-incorporated-engineer");
    EXPECT_NE(story.find("class=\"timeline\""), std::string::npos);
    EXPECT_NE(story.find("/institutions/lancaster/profiles/hamish-macleod/"), std::string::npos);
}

TEST_F(SampleSite, DraftsAreNotPublished) {
    EXPECT_FALSE(exists("institutions/leicester/profiles/ifeoma-nwosu/index.html"));
    EXPECT_EQ(page("technicians").find("Ifeoma Nwosu"), std::string::npos);
}

TEST_F(SampleSite, EveryLinkUsesTheConfiguredBasePath) {
    std::string home = page("");
    std::regex href(R"re((?:href|src)="(/[^"]*)")re");
    size_t checked = 0;
    for (auto it = std::sregex_iterator(home.begin(), home.end(), href); it != std::sregex_iterator(); ++it, ++checked)
        EXPECT_EQ((*it)[1].str().rfind("/techpages/", 0), 0u) << (*it)[1].str();
    EXPECT_GT(checked, 20u);
}

}  // namespace
