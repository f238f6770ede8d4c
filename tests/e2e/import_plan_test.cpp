// `techpages import-plan` and `techpages export-plan`, run as a lead would: each of the
// five real plans (copied into tests/import/seeds/ from the text extracted from the
// institutions' own tables) imported into a copy of the sample content and compared
// with the hand transcription in content/; a spreadsheet export the importer has never
// seen, imported and built; CSV → plan → CSV; and the mistakes a person makes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <toml++/toml.h>

#include "import/csv_reader.h"
#include "test_support.h"
#include "util/text.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const fs::path test_dir = TECHPAGES_TEST_DIR;
const std::string binary = TECHPAGES_BINARY;

struct PlanAction {
    std::string ref, id, parent, action;
    bool priority = false;
};

std::vector<PlanAction> actions_of(const fs::path& toml_file) {
    std::vector<PlanAction> out;
    toml::table doc;
    try {
        doc = toml::parse_file(toml_file.string());
    } catch (const std::exception& e) {
        ADD_FAILURE() << toml_file << ": " << e.what();
        return out;
    }
    if (auto* actions = doc["actions"].as_array())
        for (auto& node : *actions) {
            auto& t = *node.as_table();
            PlanAction a;
            a.ref = t["ref"].value_or(std::string());
            a.id = t["id"].value_or(a.ref);
            a.parent = t["parent"].value_or(std::string());
            a.action = t["action"].value_or(std::string());
            a.priority = t["priority"].value_or(false);
            out.push_back(a);
        }
    return out;
}

std::vector<std::string> refs(const std::vector<PlanAction>& actions) {
    std::vector<std::string> out;
    for (const auto& a : actions) out.push_back(a.ref);
    return out;
}

// Letters and digits only, in lower case: compares text whatever the extraction did to
// spaces, punctuation, footnote marks and <p> tags.
std::string letters(const std::string& text) {
    std::string out;
    for (char c : text)
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A copy of the sample content to import into, check and build.
struct Site {
    TempDir dir;
    fs::path content = dir / "content";
    fs::path out = dir / "site";
    Site() { copy_tree(source_dir / "content", content); }
    RunResult import(const fs::path& file, const std::string& institution, const std::string& extra = "") {
        return run(binary + " import-plan " + quote(file) + " --institution " + institution + " --content " +
                   quote(content) + " " + extra);
    }
    fs::path plan(const std::string& institution, const std::string& name) const {
        return content / "institutions" / institution / "plans" / (name + ".toml");
    }
    RunResult check() { return run(binary + " check --content " + quote(content)); }
    RunResult build() { return run(binary + " build --threads 2 --content " + quote(content) + " --out " + quote(out)); }
};

struct SeedImport {
    Site site;
    RunResult result;
    std::vector<PlanAction> imported, hand;
    SeedImport(const std::string& seed, const std::string& institution, const std::string& hand_plan) {
        result = site.import(test_dir / "import/seeds" / (seed + ".tsv"), institution, "--plan imported");
        imported = actions_of(site.plan(institution, "imported"));
        hand = actions_of(source_dir / "content/institutions" / institution / "plans" / (hand_plan + ".toml"));
    }
    // Every hand-transcribed action's text is in an imported action's text.
    void expect_every_hand_action_found() const {
        std::string all;
        for (const auto& a : imported) all += letters(a.action) + "|";
        for (const auto& h : hand) {
            std::string start = letters(h.action).substr(0, 40);
            EXPECT_THAT(long_text(all), HasSubstr(start)) << h.ref << ": " << h.action;
        }
    }
    void expect_checks_clean() {
        EXPECT_EQ(result.status, 0) << result.output;
        RunResult check = site.check();
        EXPECT_EQ(check.status, 0) << check.output;
        EXPECT_THAT(long_text(check.output), Not(HasSubstr(": error: "))) << check.output;
    }
};

}  // namespace

// ------------------------------------------------------------------ the five seeds

TEST(ImportPlanSeeds, LstmNumbersWithinCategoriesAndMergedTwoRows) {
    SeedImport s("lstm-2024-2027", "lstm", "2024-2027");
    s.expect_checks_clean();
    // The hand transcription has 20 actions: it prefixed each number with its category's
    // letters, and split the row numbered 7 (which holds actions 6 and 7, the 6 lost in
    // the extraction) into R6 and R7. The importer keeps the plan's own numbers and cannot
    // know that one row is two actions: 19.
    ASSERT_EQ(s.hand.size(), 20u);
    EXPECT_EQ(s.imported.size(), 19u) << s.result.output;
    std::vector<std::string> expected;
    for (const auto& h : s.hand)
        if (h.ref != "R6") expected.push_back(h.ref.substr(h.ref.find_first_of("0123456789")));
    EXPECT_EQ(refs(s.imported), expected);
    s.expect_every_hand_action_found();
    // Repeated numbers are told apart by id; the broken Notes cell and aim are rejoined.
    EXPECT_EQ(s.imported[3].id, "1-2");
    EXPECT_THAT(long_text(s.result.output), HasSubstr("row 5: no ref: its cells continue 1's details (joined)"))
        << s.result.output;
    EXPECT_THAT(long_text(s.result.output), HasSubstr("Unplaced rows: none"));
    std::string toml = read_text(s.site.plan("lstm", "imported"));
    EXPECT_THAT(long_text(toml), HasSubstr("across the organisation and that technical expertise is fully utilised"));
    EXPECT_THAT(long_text(toml), HasSubstr("title = \"VISBILITY\""));
}

TEST(ImportPlanSeeds, LancasterRagReportHasAll27Actions) {
    SeedImport s("lancaster-rag-report", "lancaster", "rag-report-2019");
    s.expect_checks_clean();
    EXPECT_EQ(s.imported.size(), 27u);
    EXPECT_EQ(refs(s.imported), refs(s.hand));
    s.expect_every_hand_action_found();
    // Rows broken at page breaks are joined; the page heading and repeated header are left out.
    EXPECT_THAT(long_text(s.result.output),
                HasSubstr("row 26: no ref: its cells continue V3's activity, action, timescale, success, owners"))
        << s.result.output;
    EXPECT_THAT(long_text(s.result.output), HasSubstr("'Technician Commitment' recurs like a page heading"));
    EXPECT_THAT(long_text(s.result.output), HasSubstr("Unplaced rows: none"));
    std::string toml = read_text(s.site.plan("lancaster", "imported"));
    EXPECT_THAT(
        long_text(toml),
        HasSubstr(
            "Establish a system for determining which technicians are named on</p> papers and grant applications."));
}

TEST(ImportPlanSeeds, LmbHasAll18ActionsWithTheirAreas) {
    SeedImport s("lmb-24-month-plan", "lmb", "24-month-plan");
    s.expect_checks_clean();
    EXPECT_EQ(s.imported.size(), 18u);
    EXPECT_EQ(refs(s.imported), refs(s.hand));
    s.expect_every_hand_action_found();
    std::string toml = read_text(s.site.plan("lmb", "imported"));
    EXPECT_THAT(long_text(toml), HasSubstr("themes = [\"career-development\", \"sustainability\"]")) << toml;
    EXPECT_THAT(long_text(toml), HasSubstr("title = \"Assess Impact\"\nthemes = []")) << "a fifth grouping";
    EXPECT_THAT(long_text(toml), HasSubstr("Area = \"Visibility, plus focus on other areas\""));
    EXPECT_THAT(long_text(s.result.output), HasSubstr("row 15: no ref: its cells continue 5's details (joined)"));
}

TEST(ImportPlanSeeds, LeicesterHasAll35ActionsAndSubActions) {
    SeedImport s("leicester-2024-2027", "leicester", "2024-2027");
    s.expect_checks_clean();
    EXPECT_EQ(s.imported.size(), 35u);
    EXPECT_EQ(refs(s.imported), refs(s.hand));
    for (size_t i = 0; i < std::min(s.imported.size(), s.hand.size()); ++i)
        EXPECT_EQ(s.imported[i].parent, s.hand[i].parent) << s.hand[i].ref;
    s.expect_every_hand_action_found();
    // Sub-rows with no ref of their own are numbered after their heading, and say so.
    EXPECT_THAT(long_text(s.result.output), HasSubstr("row 50: no ref: read as V4.1, a sub-action of V4"))
        << s.result.output;
    EXPECT_THAT(long_text(s.result.output), HasSubstr("covers two columns"));
    std::string toml = read_text(s.site.plan("leicester", "imported"));
    EXPECT_THAT(long_text(toml), HasSubstr("abbr = \"ExB\""));
    EXPECT_THAT(long_text(toml), HasSubstr("dates = \"Jan 26 to Dec 26\""));
    EXPECT_THAT(long_text(toml), HasSubstr("phases = [\"P1\", \"P2\", \"P3\"]"));
}

TEST(ImportPlanSeeds, LancasterStage3HasAll35ActionsGroupingsAndPriorities) {
    SeedImport s("lancaster-stage-3", "lancaster", "stage-3");
    s.expect_checks_clean();
    EXPECT_EQ(s.imported.size(), 35u);
    EXPECT_EQ(refs(s.imported), refs(s.hand));
    for (size_t i = 0; i < std::min(s.imported.size(), s.hand.size()); ++i)
        EXPECT_EQ(s.imported[i].priority, s.hand[i].priority) << s.hand[i].ref;
    s.expect_every_hand_action_found();
    EXPECT_EQ(s.imported.back().id, "E1-2") << "the plan uses E1 twice";
    std::string toml = read_text(s.site.plan("lancaster", "imported"));
    for (std::string group : {"Skills Development", "Succession Planning", "Partners in Research & Engagement",
                              "Engagement with wider sector initiatives", "Technicians Voice", "Evaluation"})
        EXPECT_THAT(long_text(toml), HasSubstr("title = \"" + group + "\"\nthemes = []")) << group;
    EXPECT_THAT(long_text(toml), HasSubstr("talent = [\"R1\", \"R10\", \"R13\"]"));
}

// ------------------------------------------------------------------ an unseen export

TEST(ImportPlan, UnseenSpreadsheetImportsBuildsAndShowsEveryActionOnItsThemes) {
    Site site;
    RunResult r = site.import(test_dir / "import/unseen-export.csv", "lmb");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("unseen-export.toml: 10 actions, 1 group")) << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr("Unmapped columns, kept in each action's [actions.extra]:\n  Resources"));
    RunResult b = site.build();
    ASSERT_EQ(b.status, 0) << b.output;

    // Each action, and the themes its row names.
    const std::vector<std::pair<std::string, std::vector<std::string>>> actions = {
        {"Publish a technician directory on the intranet", {"visibility"}},
        {"Celebrate \u201CTechnician of the Year\u201D at the summer conference", {"visibility", "recognition"}},
        {"Support RSciTech and RSci applications", {"recognition"}},
        {"Map career pathways for technical staff", {"career-development"}},
        {"Apprenticeship scheme for laboratory technicians", {"career-development", "sustainability"}},
        {"Succession plans for single-person facilities", {"sustainability"}},
        {"Training in research software engineering for technicians", {}},
        {"Open lab notebook pilot in two laboratories", {}},
        {"Secondments to partner institutes in the N8", {"career-development", "sustainability"}},
        {"Technicians named on papers and grant applications", {"visibility"}},
    };
    std::string plan_page = read_text(site.out / "institutions/lmb/plans/unseen-export/index.html");
    ASSERT_FALSE(plan_page.empty());
    EXPECT_THAT(long_text(plan_page), HasSubstr("Digital Skills")) << "the fifth grouping";
    EXPECT_THAT(long_text(plan_page), HasSubstr("Zo\u00EB M\u00FCller")) << "non-ASCII text survives";
    for (const auto& [text, themes] : actions) {
        EXPECT_THAT(long_text(plan_page), HasSubstr(text)) << "plan page: " << text;
        for (const auto& theme : themes) {
            std::string commitment_theme_page = read_text(site.out / "themes" / theme / "index.html");
            EXPECT_THAT(long_text(commitment_theme_page), HasSubstr(text)) << theme << " page: " << text;
        }
    }

    // …and in the plan's open data: its JSON, its CSV (the table export-plan writes) and
    // the site-wide actions.csv, each with the action's themes.
    fs::path data = site.out / "institutions/lmb/plans/unseen-export";
    std::string json = read_text(data / "lmb-unseen-export.json");
    std::string csv_text = read_text(data / "lmb-unseen-export.csv");
    RunResult exported = run(binary + " export-plan " + quote(site.plan("lmb", "unseen-export")));
    EXPECT_EQ(csv_text, exported.output) << "the published CSV is what export-plan writes";
    EXPECT_THAT(long_text(plan_page), HasSubstr("lmb-unseen-export.csv\" download>"));
    EXPECT_THAT(long_text(plan_page), HasSubstr("lmb-unseen-export.json\" download>"));
    techpages::CsvProblem problem;
    auto plan_csv = techpages::read_csv(csv_text, problem);
    auto all_csv = techpages::read_csv(read_text(site.out / "actions.csv"), problem);
    ASSERT_TRUE(plan_csv && all_csv) << problem.message;
    auto column = [](const techpages::CsvTable& t, const std::string& heading) {
        const auto& header = t.rows.at(0).cells;
        return static_cast<size_t>(std::find(header.begin(), header.end(), heading) - header.begin());
    };
    auto row_with = [](const techpages::CsvTable& t, size_t col, const std::string& value) -> const std::vector<std::string>* {
        for (const auto& row : t.rows)
            if (col < row.cells.size() && row.cells[col] == value) return &row.cells;
        return nullptr;
    };
    const std::map<std::string, std::string> commitment_theme_titles = {{"visibility", "Visibility"}, {"recognition", "Recognition"},
        {"career-development", "Career Development"}, {"sustainability", "Sustainability"}};
    for (const auto& [text, themes] : actions) {
        size_t at = json.find("\"action\": \"" + text + "\"");
        ASSERT_NE(at, std::string::npos) << "JSON: " << text;
        std::string theme_list;
        for (const auto& t : themes) theme_list += (theme_list.empty() ? "\"" : ", \"") + t + "\"";
        EXPECT_EQ(json.rfind("\"themes\": [" + theme_list + "]", at), json.rfind("\"themes\": [", at)) << "JSON themes: " << text;

        const auto* row = row_with(*plan_csv, column(*plan_csv, "Action"), text);
        ASSERT_TRUE(row) << "plan CSV: " << text;
        std::vector<std::string> titles;
        for (const auto& t : themes) titles.push_back(commitment_theme_titles.at(t));
        std::string pillar = row->at(column(*plan_csv, "Pillar"));
        if (!themes.empty()) EXPECT_EQ(pillar, techpages::join(titles, "; ")) << "plan CSV themes: " << text;
        else EXPECT_EQ(pillar, "Digital Skills") << "the fifth grouping, as written";

        const auto* all_row = row_with(*all_csv, column(*all_csv, "action"), text);
        ASSERT_TRUE(all_row) << "actions.csv: " << text;
        EXPECT_EQ(all_row->at(column(*all_csv, "themes")), techpages::join(themes, "; ")) << "actions.csv themes: " << text;
        EXPECT_EQ(all_row->at(column(*all_csv, "plan")), "unseen-export");
    }
    EXPECT_THAT(long_text(json), HasSubstr("\"status\": \"Amber\",\n      \"rag\": \"amber\""))
        << "RAG statuses in the JSON";
    EXPECT_THAT(long_text(json), HasSubstr("\"Resources\": \"\u00A3500 for photography\"")) << "the unmapped column";
    EXPECT_THAT(long_text(json), HasSubstr("Zo\u00EB M\u00FCller"));
    std::string toml = read_text(site.plan("lmb", "unseen-export"));
    EXPECT_THAT(long_text(toml),
                HasSubstr("details = \"\"\"\nNominations open in March.\nShortlist announced in May.\"\"\""));
    EXPECT_THAT(long_text(toml),
                HasSubstr("details = \"Shadowing for each critical role: \\\"no single point of failure\\\"\""));
    EXPECT_THAT(long_text(toml), HasSubstr("status = \"Amber\""));
    EXPECT_THAT(long_text(toml), HasSubstr("Resources = \"\u00A3500 for photography\""));
}

// ------------------------------------------------------------------ round trip

TEST(ImportPlan, CsvToPlanToCsvGivesTheSameCells) {
    Site site;
    fs::path csv = test_dir / "import/round-trip.csv";
    ASSERT_EQ(site.import(csv, "lmb").status, 0);
    fs::path exported = site.dir / "exported.csv";
    RunResult e = run(binary + " export-plan " + quote(site.plan("lmb", "round-trip")) + " --out " + quote(exported));
    ASSERT_EQ(e.status, 0) << e.output;
    techpages::CsvProblem problem;
    auto before = techpages::read_csv(read_text(csv), problem);
    auto after = techpages::read_csv(read_text(exported), problem);
    ASSERT_TRUE(before && after) << problem.message;
    ASSERT_EQ(after->rows.size(), before->rows.size());
    for (size_t r = 0; r < before->rows.size(); ++r) EXPECT_EQ(after->rows[r].cells, before->rows[r].cells) << "row " << r + 1;
    // To standard output as well, and the exported file imports again to the same plan.
    RunResult stdout_export = run(binary + " export-plan " + quote(site.plan("lmb", "round-trip")));
    EXPECT_EQ(stdout_export.output, read_text(exported));
    ASSERT_EQ(site.import(exported, "lmb", "--plan again").status, 0);
    auto first = actions_of(site.plan("lmb", "round-trip")), second = actions_of(site.plan("lmb", "again"));
    ASSERT_EQ(first.size(), 5u);
    ASSERT_EQ(second.size(), first.size());
    for (size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(second[i].ref, first[i].ref);
        EXPECT_EQ(second[i].parent, first[i].parent);
        EXPECT_EQ(second[i].action, first[i].action);
        EXPECT_EQ(second[i].priority, first[i].priority);
    }
}

// Every seed: imported from its table, exported, imported again from that CSV and
// exported again gives the same cells, the same actions, and the CSV the site publishes.
TEST(ImportPlanSeeds, EverySeedGoesCsvToPlanToCsvWithTheSameCells) {
    Site site;
    const std::vector<std::pair<std::string, std::string>> seeds = {
        {"lstm-2024-2027", "lstm"}, {"lancaster-rag-report", "lancaster"}, {"lmb-24-month-plan", "lmb"},
        {"leicester-2024-2027", "leicester"}, {"lancaster-stage-3", "lancaster"}};
    std::map<std::string, std::string> exports;  // seed → CSV from the seed's plan
    for (const auto& [seed, institution] : seeds) {
        ASSERT_EQ(site.import(test_dir / "import/seeds" / (seed + ".tsv"), institution, "--plan " + seed).status, 0) << seed;
        fs::path first = site.dir / (seed + ".csv"), second = site.dir / (seed + "-again.csv");
        RunResult e1 = run(binary + " export-plan " + quote(site.plan(institution, seed)) + " --out " + quote(first));
        ASSERT_EQ(e1.status, 0) << e1.output;
        RunResult i2 = site.import(first, institution, "--plan " + seed + "-again");
        ASSERT_EQ(i2.status, 0) << i2.output;
        EXPECT_THAT(long_text(i2.output), HasSubstr("Unplaced rows: none")) << seed << "\n" << i2.output;
        RunResult e2 = run(binary + " export-plan " + quote(site.plan(institution, seed + "-again")) + " --out " + quote(second));
        ASSERT_EQ(e2.status, 0) << e2.output;
        techpages::CsvProblem problem;
        auto before = techpages::read_csv(read_text(first), problem);
        auto after = techpages::read_csv(read_text(second), problem);
        ASSERT_TRUE(before && after) << seed << ": " << problem.message;
        ASSERT_EQ(after->rows.size(), before->rows.size()) << seed;
        for (size_t r = 0; r < before->rows.size(); ++r)
            EXPECT_EQ(after->rows[r].cells, before->rows[r].cells) << seed << " row " << r + 1;
        auto a = actions_of(site.plan(institution, seed)), b = actions_of(site.plan(institution, seed + "-again"));
        ASSERT_EQ(b.size(), a.size()) << seed;
        for (size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(b[i].ref, a[i].ref) << seed;
            EXPECT_EQ(b[i].id, a[i].id) << seed;
            EXPECT_EQ(b[i].parent, a[i].parent) << seed;
            EXPECT_EQ(b[i].action, a[i].action) << seed;
            EXPECT_EQ(b[i].priority, a[i].priority) << seed;
        }
        exports[seed] = read_text(first);
    }
    RunResult b = site.build();
    ASSERT_EQ(b.status, 0) << b.output;
    for (const auto& [seed, institution] : seeds)
        EXPECT_EQ(read_text(site.out / "institutions" / institution / "plans" / seed / (institution + "-" + seed + ".csv")),
                  exports[seed])
            << seed << ": the site publishes the same CSV as export-plan";
}

// ------------------------------------------------------------------ mistakes

TEST(ImportPlan, RefusesToOverwriteWithoutForce) {
    Site site;
    fs::path csv = test_dir / "import/round-trip.csv";
    ASSERT_EQ(site.import(csv, "lmb").status, 0);
    fs::path plan = site.plan("lmb", "round-trip");
    write_text(plan, read_text(plan) + "# edited by hand\n");
    std::string edited = read_text(plan);
    RunResult again = site.import(csv, "lmb");
    EXPECT_EQ(again.status, 1);
    EXPECT_THAT(long_text(again.output), HasSubstr("round-trip.toml already exists \u2014 add --force to replace it"))
        << again.output;
    EXPECT_EQ(read_text(plan), edited) << "the plan is untouched";
    RunResult forced = site.import(csv, "lmb", "--force");
    EXPECT_EQ(forced.status, 0) << forced.output;
    EXPECT_THAT(long_text(read_text(plan)), Not(HasSubstr("# edited by hand")));
}

TEST(ImportPlan, BadInputGivesLocatedErrors) {
    Site site;
    RunResult missing = site.import(site.dir / "nowhere.csv", "lmb");
    EXPECT_EQ(missing.status, 1);
    EXPECT_THAT(long_text(missing.output),
                HasSubstr("nowhere.csv:1:1: error: this file cannot be read (it does not exist) \u2014 "))
        << missing.output;

    fs::path no_header = site.dir / "no-header.csv";
    write_text(no_header, "\nOur plan\n1,2,3\n");
    RunResult r1 = site.import(no_header, "lmb");
    EXPECT_EQ(r1.status, 1);
    EXPECT_THAT(long_text(r1.output),
                HasSubstr("no-header.csv:2:1: error: no header row naming the table's columns was found \u2014 "))
        << r1.output;

    fs::path no_action = site.dir / "no-action.csv";
    write_text(no_action, "Plan\nRef,Lead,Deadline\n1,A,2025\n");
    RunResult r2 = site.import(no_action, "lmb");
    EXPECT_EQ(r2.status, 1);
    EXPECT_THAT(long_text(r2.output),
                HasSubstr("no-action.csv:2:1: error: the header row has no column of actions \u2014 "))
        << r2.output;

    fs::path unclosed = site.dir / "unclosed.csv";
    write_text(unclosed, "Ref,Action\n1,ok\n2,\"never closed\n");
    RunResult r3 = site.import(unclosed, "lmb");
    EXPECT_EQ(r3.status, 1);
    EXPECT_THAT(long_text(r3.output),
                HasSubstr("unclosed.csv:3:3: error: this cell opens a quote that is never closed"))
        << r3.output;

    for (const auto& name : {"no-header", "no-action", "unclosed", "nowhere"})
        EXPECT_FALSE(fs::exists(site.plan("lmb", name))) << name;
}

TEST(ImportPlan, UnknownInstitutionSuggestsTheClosest) {
    Site site;
    RunResult r = site.import(test_dir / "import/round-trip.csv", "lsmt");
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(long_text(r.output), HasSubstr("there is no institution 'lsmt'")) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("did you mean 'lstm'?")) << r.output;
    RunResult r2 = site.import(test_dir / "import/round-trip.csv", "leicster");
    EXPECT_EQ(r2.status, 1);
    EXPECT_THAT(long_text(r2.output), HasSubstr("did you mean 'leicester'?")) << r2.output;
    EXPECT_FALSE(fs::exists(site.content / "institutions/lsmt"));
}

TEST(ImportPlan, MapOptionsAndUsageMistakes) {
    Site site;
    fs::path csv = site.dir / "odd-headings.csv";
    write_text(csv, "No.,Task,Person,Cost\n1,Do a,Ana,£5\n2,Do b,Ben,£6\n");
    RunResult r = site.import(csv, "lmb", "--map Person=owners --map=Cost=details");
    ASSERT_EQ(r.status, 0) << r.output;
    std::string toml = read_text(site.plan("lmb", "odd-headings"));
    EXPECT_THAT(long_text(toml), HasSubstr("owners = [\"Ana\"]")) << toml;
    EXPECT_THAT(long_text(toml), HasSubstr("details = \"£5\"")) << toml;

    RunResult bad_field = site.import(csv, "lmb", "--map Person=owner-s --plan other");
    EXPECT_EQ(bad_field.status, 2);
    EXPECT_THAT(long_text(bad_field.output), HasSubstr("did you mean 'owners'?")) << bad_field.output;

    RunResult no_institution = run(binary + " import-plan " + quote(csv) + " --content " + quote(site.content));
    EXPECT_EQ(no_institution.status, 2);
    RunResult help = run(binary + " --help");
    EXPECT_THAT(long_text(help.output), HasSubstr("techpages import-plan FILE --institution SLUG"));
    EXPECT_THAT(long_text(help.output), HasSubstr("techpages export-plan FILE.toml"));
}
