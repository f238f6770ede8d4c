// Builds the real sample content with the real binary, once, and checks what a reader
// would see: every page kind, every seed plan's actions, taxonomies, the summary line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

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
        EXPECT_THAT(long_text(html), HasSubstr("<h1>" + title + "</h1>")) << id;
        EXPECT_THAT(long_text(html), HasSubstr("Actions, institution by institution")) << id;
    }
    EXPECT_TRUE(exists("themes/index.html"));
}

TEST_F(SampleSite, HasAPagePerInstitutionAndPerPlan) {
    for (const std::string inst : {"lstm", "lancaster", "lmb", "leicester"}) EXPECT_TRUE(exists("institutions/" + inst + "/index.html")) << inst;
    for (const std::string plan : {"lstm/plans/2024-2027", "lancaster/plans/rag-report-2019", "lancaster/plans/stage-3",
                                   "lmb/plans/24-month-plan", "leicester/plans/2024-2027"})
        EXPECT_TRUE(exists("institutions/" + plan + "/index.html")) << plan;
    std::string lancaster = page("institutions/lancaster");
    EXPECT_THAT(long_text(lancaster), HasSubstr("Progress by Commitment theme"));
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
        EXPECT_THAT(long_text(html), HasSubstr("<span class=\"action__ref\">" + ref + "</span>"))
            << plan.page << " " << ref;
    for (const auto& text : plan.texts) EXPECT_THAT(long_text(html), HasSubstr(text)) << plan.page << ": " << text;
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

// The LMB plan carries two illustrative reviews (31 January and 31 July 2025): its page
// shows both, what changed between them, and its theme pages use the latest status.
TEST_F(SampleSite, PlanWithTwoReviewsShowsBothAndWhatChanged) {
    std::string html = page("institutions/lmb/plans/24-month-plan");
    EXPECT_THAT(long_text(html), HasSubstr("are illustrative: they were made up")) << "the sample says so";
    size_t history = html.find("<h2 id=\"plan-history-title\">Progress over time</h2>");
    ASSERT_NE(history, std::string::npos);
    EXPECT_THAT(long_text(html.substr(history)), HasSubstr("<svg class=\"history-chart__svg\""));
    EXPECT_THAT(long_text(html), HasSubstr("role=\"img\" aria-labelledby=\"history-chart-title\""));
    EXPECT_THAT(long_text(html),
                HasSubstr("31 January 2025: 1 complete, 2 in progress, 2 not begun and 13 not reported; "
                          "31 July 2025: 2 complete, 4 in progress, 1 not begun and 11 not reported."))
        << "the chart's text equivalent";
    // The table of counts, one row per review.
    EXPECT_THAT(
        long_text(html),
        HasSubstr(
            "<th scope=\"row\"><time datetime=\"2025-01-31\">31 January 2025</time></th><td data-label=\"Complete\">1</td>"
            "<td data-label=\"In progress\">2</td><td data-label=\"Not begun\">2</td><td data-label=\"Not reported\">13</td>"));
    EXPECT_THAT(
        long_text(html),
        HasSubstr(
            "<th scope=\"row\"><time datetime=\"2025-07-31\">31 July 2025</time></th><td data-label=\"Complete\">2</td>"
            "<td data-label=\"In progress\">4</td>"));
    // What changed: 2 and 4 began, 3 was completed, 6 and 7 were first reported; 1 and 5 did not change.
    size_t changed = html.find("What changed since the previous review");
    ASSERT_NE(changed, std::string::npos);
    EXPECT_THAT(
        long_text(html.substr(changed)),
        HasSubstr(
            "From <time datetime=\"2025-01-31\">31 January 2025</time> to <time datetime=\"2025-07-31\">31 July 2025</time>: "
            "5 actions changed status."));
    size_t list = html.find("<ul class=\"history-changes\">", changed), end = html.find("</ul>", list);
    ASSERT_NE(list, std::string::npos);
    std::string changes = html.substr(list, end - list);
    for (const std::string ref : {"2", "3", "4", "6", "7"})
        EXPECT_THAT(long_text(changes), HasSubstr("<a href=\"#action-" + ref + "\">" + ref + "</a>")) << ref;
    for (const std::string ref : {"1", "5"})
        EXPECT_THAT(long_text(changes), Not(HasSubstr("<a href=\"#action-" + ref + "\">"))) << ref;
    EXPECT_THAT(long_text(changes), HasSubstr("Registration seminars now run each term.")) << "the note of the change";
    // Every action's own table lists both reviews; the current status is the latest.
    EXPECT_THAT(
        long_text(html),
        HasSubstr(
            "<time datetime=\"2025-07-31\">31 July 2025</time></td><td><span class=\"status status--green\"><span class=\"status__icon\" aria-hidden=\"true\"></span>Complete"));
    // The theme page shows action 3 as complete, from its latest update.
    std::string theme = page("themes/recognition");
    size_t a3 = theme.find("Increase uptake of professional registration");
    ASSERT_NE(a3, std::string::npos);
    EXPECT_EQ(theme.find("<span class=\"status status--green\"><span class=\"status__icon\" aria-hidden=\"true\"></span>Complete", a3),
              theme.find("<span class=\"status ", a3)) << "the first status after the action is Complete";
    // Plans without updates show no history.
    EXPECT_THAT(long_text(page("institutions/lstm/plans/2024-2027")), Not(HasSubstr("plan-history-title")));
}

TEST_F(SampleSite, EveryPlanIsPublishedAsCsvAndJsonLinkedFromItsPage) {
    for (const std::string plan : {"lstm/plans/2024-2027", "lancaster/plans/rag-report-2019", "lancaster/plans/stage-3",
                                   "lmb/plans/24-month-plan", "leicester/plans/2024-2027"}) {
        std::string inst = plan.substr(0, plan.find('/')), name = plan.substr(plan.rfind('/') + 1);
        std::string file = "institutions/" + plan + "/" + inst + "-" + name;
        EXPECT_TRUE(exists(file + ".csv")) << file;
        EXPECT_TRUE(exists(file + ".json")) << file;
        std::string html = page("institutions/" + plan);
        EXPECT_THAT(long_text(html), HasSubstr("href=\"/techpages/" + file + ".csv\" download>spreadsheet (CSV)</a>"))
            << plan;
        EXPECT_THAT(long_text(html), HasSubstr("href=\"/techpages/" + file + ".json\" download>JSON</a>")) << plan;
    }
    EXPECT_TRUE(exists("actions.csv"));
    EXPECT_THAT(long_text(page("plans")), HasSubstr("href=\"/techpages/actions.csv\" download>actions (CSV)</a>"));
    std::string actions = read_text(dir_->path() / "site/actions.csv");
    EXPECT_EQ(actions.rfind("\xEF\xBB\xBFschema_version,institution,institution_name,plan,plan_title,id,ref,", 0), 0u);
    EXPECT_THAT(
        long_text(actions),
        HasSubstr(
            "1,lmb,MRC Laboratory of Molecular Biology,24-month-plan,Technician Commitment 24-month action plan,3,3,,,,"
            "career-development; recognition,Increase uptake of professional registration"));
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
    EXPECT_THAT(long_text(html), HasSubstr("<abbr title=\"Technician Commitment Steering Group\">SG</abbr>"))
        << "owners expand the plan's abbreviations";
}

TEST_F(SampleSite, TaxonomyPagesListWhatCitesThem) {
    std::string skill = page("skills/laboratory-management");
    EXPECT_THAT(long_text(skill), HasSubstr("<h1>Laboratory management</h1>"));
    EXPECT_GE(count_of(skill, "<li class=\"card\">"), 2u);
    std::string reg = page("registrations/rscitech");
    EXPECT_THAT(long_text(reg), HasSubstr("Registered Science Technician"));
    EXPECT_THAT(long_text(reg), HasSubstr("Kwame Mensah"));
    // Lancaster's stage 3 plan cites R1 on CD1; the TALENT page lists it with its plan.
    std::string r1 = page("talent/r1");
    EXPECT_THAT(long_text(r1), HasSubstr("Implementation of the Technician Career Framework"));
    EXPECT_THAT(long_text(r1), HasSubstr("Appendix 1: Stage 3 Action Plan"));
    for (int r = 1; r <= 16; ++r) EXPECT_TRUE(exists("talent/r" + std::to_string(r) + "/index.html")) << r;
}

TEST_F(SampleSite, ProfilesCaseStudiesAndStoriesLinkToEachOther) {
    std::string profile = page("institutions/lstm/profiles/kwame-mensah");
    EXPECT_THAT(long_text(profile), HasSubstr("<h1>Kwame Mensah</h1>"));
    EXPECT_THAT(long_text(profile), HasSubstr("Opening the insectary to schools")) << "the case study featuring him";
    EXPECT_TRUE(exists("institutions/lstm/profiles/kwame-mensah-320.webp")) << "the photo is published beside the page";
    std::string story = page("institutions/lancaster/career-stories/from-shipyard-to-incorporated-engineer");
    EXPECT_THAT(long_text(story), HasSubstr("class=\"timeline\""));
    EXPECT_THAT(long_text(story), HasSubstr("/institutions/lancaster/profiles/hamish-macleod/"));
}

TEST_F(SampleSite, DraftsAreNotPublished) {
    EXPECT_FALSE(exists("institutions/leicester/profiles/ifeoma-nwosu/index.html"));
    EXPECT_THAT(long_text(page("technicians")), Not(HasSubstr("Ifeoma Nwosu")));
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
