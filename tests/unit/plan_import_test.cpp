// Importing an action plan from a spreadsheet: header matching, the meaning of cells
// (themes, TALENT, priority, status), groupings, rows broken by extraction, rows that
// cannot be placed, columns that fit no field; the TOML written, and the CSV exported.
#include <gtest/gtest.h>

#include <toml++/toml.h>

#include "../test_support.h"
#include "import/cell_values.h"
#include "import/csv_reader.h"
#include "import/plan_columns.h"
#include "formats/csv_writer.h"
#include "formats/plan_export.h"
#include "import/plan_import.h"
#include "import/plan_preamble.h"
#include "import/toml_writer.h"
#include "load/content_tree.h"
#include "model/plan_fields.h"
#include "model/read_documents.h"
#include "unit_helpers.h"
#include "util/text.h"

using namespace techpages;
using namespace techpages::testing;

namespace {

struct Imported {
    std::optional<CsvTable> table;
    std::optional<ColumnPlan> columns;
    ColumnProblem problem;
    ImportedPlan result;
    const Plan& plan() const { return result.plan; }
    const ImportReport& report() const { return result.report; }

    const Action& action(const std::string& id) const {
        static const Action none;
        for (const auto& a : result.plan.actions)
            if (a.id == id) return a;
        ADD_FAILURE() << "no action " << id;
        return none;
    }
    std::vector<std::string> refs() const {
        std::vector<std::string> out;
        for (const auto& a : result.plan.actions) out.push_back(a.ref);
        return out;
    }
    std::string extra(const std::string& id, const std::string& key) const {
        for (const auto& [k, v] : action(id).extra)
            if (k == key) return v;
        return "";
    }
    bool has_note(const std::string& text) const {
        for (const auto& n : result.report.notes)
            if (contains(n, text)) return true;
        return false;
    }
};

Imported import(const std::string& csv, const std::vector<ColumnOverride>& overrides = {}) {
    Imported out;
    CsvProblem problem;
    out.table = read_csv(csv, problem);
    EXPECT_TRUE(out.table) << problem.message;
    if (!out.table) return out;
    out.columns = plan_columns(*out.table, overrides, out.problem);
    if (out.columns) out.result = import_plan_table(*out.table, *out.columns, "Fallback title");
    return out;
}

// Writes the plan as TOML and reads it back the way `techpages check` does.
struct ReadBack {
    TempDir dir;
    Diagnostics diagnostics;
    std::optional<Plan> plan;
    std::string toml;
    explicit ReadBack(const ImportedPlan& imported) {
        toml = write_plan_toml(imported.plan, {{"a comment"}, imported.action_notes});
        auto file = dir / "institutions/uni/plans/imported.toml";
        write_text(file, toml);
        ContentEntry entry{FileKind::plan, file, "institutions/uni/plans/imported.toml", "imported", "uni", dir.path()};
        plan = read_plan(entry, diagnostics);
    }
};

}  // namespace

// ------------------------------------------------------------------ headings

TEST(PlanColumns, HeadingsRealPlansUseNameTheirFields) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Ref", "ref"}, {"Ref.", "ref"}, {"Activity Number", "ref"}, {"Action Ref", "ref"}, {"Action No.", "ref"},
        {"Action", "action"}, {"Activity", "action"}, {"Activities", "activity"},
        {"Area", "area"}, {"Workstream", "area"}, {"Category", "area"}, {"Theme", "area"}, {"Pillar", "area"},
        {"Key Area(s)", "area"}, {"Technician Commitment Key Area(s)", "area"},
        {"Who", "owners"}, {"Lead", "owners"}, {"Owner", "owners"}, {"Action owner", "owners"},
        {"Committee Lead", "owners"}, {"Lead Person(s)", "owners"},
        {"Time Scale", "timescale"}, {"Timescale", "timescale"}, {"Time frame", "timescale"}, {"Deadline", "timescale"},
        {"Success Measures", "success"}, {"Measurable Outcome", "success"}, {"Measure of Success", "success"},
        {"Success Measures/Impact", "success"},
        {"How", "details"}, {"Notes", "details"}, {"Details", "details"},
        {"Evaluation Method", "evaluation"},
        {"RAG", "status"}, {"RAG Status", "status"}, {"Status", "status"},
        {"Comment", "comment"}, {"Comments", "comment"}, {"Progress update", "comment"},
        {"Talent Recommendation(s)", "talent"}, {"Talent Recommendations", "talent"},
        {"Aims", "aim"},
        {"  RAG  STATUS ", "status"}, {"lead person(s):", "owners"},
        {"Resources", ""}, {"", ""},
    };
    for (const auto& [heading, field] : cases) EXPECT_EQ(field_for_heading(heading), field) << "'" << heading << "'";
    EXPECT_EQ(normalise_heading("Success Measures/Impact"), "success measures impact");
    EXPECT_EQ(normalise_heading("Lead Person(s)"), "lead persons");
}

TEST(PlanColumns, HeaderRowIsFoundBelowTitleLinesAndRepeatsAreSkipped) {
    auto im = import("My plan 2025\n\nRef,Action,Lead\n1,Do a,X\nRef,Action,Lead\n2,Do b,Y\n");
    ASSERT_TRUE(im.columns);
    EXPECT_EQ(im.table->rows[im.columns->header_row].line, 3);
    EXPECT_EQ(im.refs(), (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(im.plan().title, "My plan 2025");
    EXPECT_TRUE(im.has_note("rows 5: the header row again")) << join(im.report().notes, "\n");
}

TEST(PlanColumns, NoHeaderRowIsALocatedProblem) {
    auto im = import("\nsome,numbers\n1,2\n");
    EXPECT_FALSE(im.columns);
    EXPECT_EQ(im.problem.pos.line, 2);
    EXPECT_TRUE(contains(im.problem.message, "no header row"));
    EXPECT_TRUE(contains(im.problem.hint, "--map"));
}

TEST(PlanColumns, NoActionOrRefColumnIsALocatedProblem) {
    auto no_action = import("Title\nRef,Lead,Deadline\n1,A,2025\n");
    EXPECT_FALSE(no_action.columns);
    EXPECT_EQ(no_action.problem.pos.line, 2);
    EXPECT_TRUE(contains(no_action.problem.message, "no column of actions"));

    auto no_ref = import("Action,Lead\nDo things,A\nDo more,B\n");
    EXPECT_FALSE(no_ref.columns);
    EXPECT_TRUE(contains(no_ref.problem.message, "no ref column"));
}

TEST(PlanColumns, MapOverridesAHeadingOrAColumnNumber) {
    std::string error;
    auto o = parse_column_override("Lead Person(s)=owner", error);
    ASSERT_TRUE(o);
    EXPECT_EQ(o->column, "Lead Person(s)");
    EXPECT_EQ(o->field, "owners");
    EXPECT_FALSE(parse_column_override("Notes=detials", error));
    EXPECT_TRUE(contains(error, "did you mean 'details'")) << error;
    EXPECT_FALSE(parse_column_override("Notes", error));

    auto im = import("No.,Task,Resources,Misc\n1,Do a,£5,x\n", {{"Resources", "details"}, {"4", "comment"}});
    ASSERT_TRUE(im.columns);
    EXPECT_EQ(im.action("1").details, "£5");
    EXPECT_EQ(im.action("1").comment, "x");

    auto bad = import("Ref,Action\n1,a\n", {{"Owner", "owners"}});
    EXPECT_FALSE(bad.columns);
    EXPECT_TRUE(contains(bad.problem.message, "'Owner'"));
}

TEST(PlanColumns, UnheadedColumnOfRefsIsTheRef) {
    // LSTM: "Category<TAB><TAB>Action …" with the numbers in the unheaded column.
    auto im = import("Category\t\tAction\tNotes\nVISIBILITY - Be seen\t1\tWebsite\tKeep it updated\n\t2\tLinks\tFrom PI pages\n");
    ASSERT_TRUE(im.columns);
    EXPECT_EQ(im.refs(), (std::vector<std::string>{"1", "2"}));
    EXPECT_TRUE(im.has_note("column 2 (no heading) holds refs (1, 2): read as the ref"));
}

TEST(PlanColumns, HeadingThatSpansTwoColumnsIsSplit) {
    // Leicester: "Activity" heads both the refs and the text.
    auto im = import("Activity\tSuccess Measures/Impact\tTime frame\n"
                     "V1\tBe visible\tVisible\tP1\n"
                     "V2\tBe seen\tSeen\tP2\n");
    ASSERT_TRUE(im.columns);
    EXPECT_EQ(im.action("V1").action, "Be visible");
    EXPECT_EQ(im.action("V1").success, "Visible");
    EXPECT_EQ(im.action("V2").timescale, "P2");
    EXPECT_EQ(im.plan().labels.at("action"), "Activity");
}

// ------------------------------------------------------------------ cells

TEST(PlanCells, MultiThemeCellsBecomeSeveralThemeIds) {
    using V = std::vector<std::string>;
    EXPECT_EQ(read_commitment_theme_words("Visibility; Recognition").ids, (V{"visibility", "recognition"}));
    EXPECT_EQ(read_commitment_theme_words("Career Dev, sustainability").ids, (V{"career-development", "sustainability"}));
    EXPECT_EQ(read_commitment_theme_words("Career Development Sustainability").ids, (V{"career-development", "sustainability"}));
    EXPECT_EQ(read_commitment_theme_words("Recognition Visibility Career Dev").ids,
              (V{"recognition", "visibility", "career-development"}));
    EXPECT_EQ(read_commitment_theme_words("VISBILITY").ids, (V{"visibility"})) << "as LSTM spells it";
    EXPECT_FALSE(read_commitment_theme_words("Visibility & Recognition").other_words);
    EXPECT_TRUE(read_commitment_theme_words("Visibility, plus focus on other areas").other_words);
    EXPECT_TRUE(read_commitment_theme_words("Skills Development").ids.empty());
    EXPECT_TRUE(read_commitment_theme_words("Assess Impact").ids.empty());
}

TEST(PlanCells, TalentListsInEveryForm) {
    using V = std::vector<std::string>;
    EXPECT_EQ(read_talent_cell("R1 R2").ids, (V{"R1", "R2"}));
    EXPECT_EQ(read_talent_cell("R1, R9").ids, (V{"R1", "R9"}));
    EXPECT_EQ(read_talent_cell("R1 R10 R13").ids, (V{"R1", "R10", "R13"}));
    EXPECT_EQ(read_talent_cell("R1\u2013R3 and r5").ids, (V{"R1", "R2", "R3", "R5"}));
    EXPECT_FALSE(read_talent_cell("R1; R16").other_words);
    EXPECT_TRUE(read_talent_cell("R17").other_words);
    EXPECT_TRUE(read_talent_cell("see appendix").other_words);
}

TEST(PlanCells, RefsPrioritiesAndSubActions) {
    EXPECT_TRUE(looks_like_ref("V1"));
    EXPECT_TRUE(looks_like_ref("*CD1"));
    EXPECT_TRUE(looks_like_ref("CD3 + V2"));
    EXPECT_TRUE(looks_like_ref("12"));
    EXPECT_TRUE(looks_like_ref("R3.2"));
    EXPECT_FALSE(looks_like_ref("Workstream: Visibility"));
    EXPECT_FALSE(looks_like_ref("Technician Commitment"));
    auto star = read_ref_cell(" *SD2 ");
    EXPECT_TRUE(star.priority);
    EXPECT_EQ(star.ref, "SD2");
    EXPECT_EQ(parent_ref_of("V1a"), "V1");
    EXPECT_EQ(parent_ref_of("CD2c"), "CD2");
    EXPECT_EQ(parent_ref_of("R3.2"), "R3");
    EXPECT_EQ(parent_ref_of("V1"), "");
    EXPECT_EQ(parent_ref_of("10"), "");
    auto lead = leading_ref("V1a. Encourage and support events");
    ASSERT_TRUE(lead);
    EXPECT_EQ(lead->first, "V1a");
    EXPECT_EQ(lead->second, "Encourage and support events");
    EXPECT_FALSE(leading_ref("NB. Activity on V1"));
    EXPECT_FALSE(leading_ref("Annually review representation"));
}

TEST(PlanCells, StatusWordsAndTheirColours) {
    EXPECT_EQ(rag_of_status("Green"), Rag::green);
    EXPECT_EQ(rag_of_status("amber"), Rag::amber);
    EXPECT_EQ(rag_of_status("R"), Rag::red);
    EXPECT_EQ(rag_of_status("Complete"), Rag::green);
    EXPECT_EQ(rag_of_status("In Progress, near completion"), Rag::amber);
    EXPECT_EQ(rag_of_status("Not begun, limited progress."), Rag::red);
    EXPECT_EQ(rag_of_status("Delayed"), Rag::red);
    EXPECT_FALSE(rag_of_status("On hold"));
    EXPECT_EQ(read_priority_cell("Yes"), "true");
    EXPECT_EQ(read_priority_cell("High"), "High");
    EXPECT_EQ(read_priority_cell("no"), "");
}

TEST(PlanCells, GroupingCellsAndOwners) {
    auto g = read_grouping_cell("VISBILITY - Ensure that all technicians are identifiable");
    EXPECT_EQ(g.title, "VISBILITY");
    EXPECT_EQ(g.aim, "Ensure that all technicians are identifiable");
    EXPECT_EQ(read_grouping_cell("Workstream: Visibility").title, "Visibility");
    EXPECT_EQ(read_grouping_cell("Partners in Research & Engagement").title, "Partners in Research & Engagement");
    EXPECT_EQ(read_owner_cell("TCC, HR, Facility Heads"), (std::vector<std::string>{"TCC", "HR", "Facility Heads"}));
    EXPECT_EQ(read_owner_cell("SG / GB"), (std::vector<std::string>{"SG", "GB"}));
    EXPECT_EQ(read_owner_cell("HR/OED partners"), (std::vector<std::string>{"HR/OED partners"}));
}

// ------------------------------------------------------------------ import

TEST(PlanImport, BomCrlfQuotingAndMultiLineCells) {
    auto im = import("\xEF\xBB\xBFRef,Action,Notes\r\n1,\"Profiles, photos\",\"Line one\r\nLine \"\"two\"\"\"\r\n");
    ASSERT_TRUE(im.columns);
    EXPECT_EQ(im.action("1").action, "Profiles, photos");
    EXPECT_EQ(im.action("1").details, "Line one\nLine \"two\"");
}

TEST(PlanImport, ThemesColumnAndAFifthGrouping) {
    auto im = import("Ref,Theme,Action\n"
                     "1,Visibility; Recognition,Celebrate\n"
                     "2,\"Career Dev, sustainability\",Apprentices\n"
                     "3,Digital Skills,Software training\n"
                     "4,Digital Skills,Lab notebooks\n");
    ASSERT_TRUE(im.columns);
    using V = std::vector<std::string>;
    EXPECT_EQ(im.action("1").own_commitment_themes, (V{"visibility", "recognition"}));
    EXPECT_EQ(im.action("2").own_commitment_themes, (V{"career-development", "sustainability"}));
    ASSERT_EQ(im.plan().groups.size(), 1u);
    EXPECT_EQ(im.plan().groups[0].id, "digital-skills");
    EXPECT_EQ(im.plan().groups[0].title, "Digital Skills");
    EXPECT_TRUE(im.plan().groups[0].commitment_themes.empty());
    EXPECT_EQ(im.action("3").group, "digital-skills");
    EXPECT_EQ(im.action("4").group, "digital-skills");
    EXPECT_TRUE(im.action("3").own_commitment_themes.empty());
    EXPECT_EQ(im.plan().labels.at("themes"), "Theme");
}

TEST(PlanImport, GroupingColumnFilledWhereAGroupingStarts) {
    // Lancaster's stage 3 plan: an unheaded category column and a Key Area(s) column.
    auto im = import("\tAction Ref\tAction\tTalent Recommendation(s)\tTechnician Commitment Key Area(s)\n"
                     "Career Development\t*CD1\tFramework\tR1 R2\tCareer Development Sustainability\n"
                     "\tCD2\tGuidance\tR1, R9\tCareer Development Recognition\n"
                     "Skills Development\tSD1\tShadowing\tR10\tVisibility\n");
    ASSERT_TRUE(im.columns);
    using V = std::vector<std::string>;
    ASSERT_EQ(im.plan().groups.size(), 2u);
    EXPECT_EQ(im.plan().groups[0].id, "career-development");
    EXPECT_EQ(im.plan().groups[0].commitment_themes, (V{"career-development"})) << "a theme-named grouping has that theme";
    EXPECT_EQ(im.plan().groups[1].id, "skills-development");
    EXPECT_TRUE(im.plan().groups[1].commitment_themes.empty());
    EXPECT_EQ(im.action("CD2").group, "career-development");
    EXPECT_EQ(im.action("SD1").group, "skills-development");
    EXPECT_TRUE(im.action("CD1").is_priority);
    EXPECT_FALSE(im.action("CD2").is_priority);
    EXPECT_EQ(im.action("CD1").talent, (V{"R1", "R2"}));
    EXPECT_EQ(im.action("CD2").talent, (V{"R1", "R9"}));
    EXPECT_EQ(im.action("CD2").own_commitment_themes, (V{"career-development", "recognition"}));
}

TEST(PlanImport, SubActionsGetTheirParent) {
    auto im = import("Ref,Action\nV1,Raise the profile\nV1a,Events\nV1b,Profiles\nV2,Conference\n");
    EXPECT_EQ(im.action("V1a").parent, "V1");
    EXPECT_EQ(im.action("V1b").parent, "V1");
    EXPECT_EQ(im.action("V2").parent, "");
}

TEST(PlanImport, StatusesUnderstoodAddedToTheKeyOrKept) {
    auto im = import("Ref,Action,RAG Status\n1,a,Green\n2,b,In progress, near completion\n3,c,On hold\n4,d,\n");
    // (row 3 has a comma in an unquoted cell: it spills into a fourth column, which is kept)
    ASSERT_TRUE(im.columns);
    EXPECT_EQ(im.action("1").status, "Green");
    EXPECT_EQ(im.action("2").status, "In progress");
    auto im2 = import("Ref,Action,RAG Status\n1,a,Green\n2,b,\"In progress, near completion\"\n3,c,On hold\n");
    EXPECT_EQ(im2.action("2").status, "In progress, near completion");
    ASSERT_EQ(im2.plan().statuses.size(), 1u);
    EXPECT_EQ(im2.plan().statuses[0].label, "In progress, near completion");
    EXPECT_EQ(im2.plan().statuses[0].rag, Rag::amber);
    EXPECT_EQ(im2.action("3").status, "");
    EXPECT_EQ(im2.extra("3", "RAG Status"), "On hold") << "a word with no colour is kept, not dropped";
    EXPECT_TRUE(im2.has_note("row 4: the status 'On hold' is not a RAG word"));
}

TEST(PlanImport, UnmappedColumnsAreReportedAndKeptPerAction) {
    auto im = import("Ref,Action,Resources,Risk\n1,a,£2000,low\n2,b,,high\n");
    ASSERT_TRUE(im.columns);
    EXPECT_EQ(im.report().unmapped, (std::vector<std::string>{"Resources", "Risk"}));
    EXPECT_EQ(im.extra("1", "Resources"), "£2000");
    EXPECT_EQ(im.extra("1", "Risk"), "low");
    EXPECT_EQ(im.extra("2", "Risk"), "high");
    EXPECT_EQ(im.extra("2", "Resources"), "") << "an empty cell adds nothing";
}

TEST(PlanImport, ContinuationRowsAreJoinedToTheActionAbove) {
    // Lancaster: a row broken at a page break continues V1's action and lead.
    auto im = import("Ref\tAction\tTimescale\tLead\n"
                     "V1\tEstablish a system for determining which technicians are named on\tYear 1\tChair\n"
                     "\tpapers and grant applications.\t\tTG\n"
                     "\tReview annually.\t\t\n"
                     "V2\tMap roles\tYear 2\tHR\n");
    ASSERT_TRUE(im.columns);
    EXPECT_EQ(im.refs(), (std::vector<std::string>{"V1", "V2"}));
    EXPECT_EQ(im.action("V1").action,
              "Establish a system for determining which technicians are named on papers and grant applications.\n"
              "Review annually.");
    EXPECT_EQ(im.action("V1").owners, (std::vector<std::string>{"Chair", "TG"}));
    EXPECT_TRUE(im.report().unplaced.empty());
    EXPECT_TRUE(im.has_note("row 3: no ref: its cells continue V1's action, owners (joined)"));
}

TEST(PlanImport, RowsUnderAHeadingBecomeNumberedSubActions) {
    // Leicester: V4 is a heading; its sub-row has no ref.
    auto im = import("Ref\tActivity\tSuccess\tTime frame\tOwner\n"
                     "V4\tTechnical representation on committees.\t\t\t\n"
                     "\tAnnually review representation.\tInclusion of technical staff.\tP1-3\tSG\n"
                     "\tA second row.\tMore.\tP2\tGB\n");
    EXPECT_EQ(im.refs(), (std::vector<std::string>{"V4", "V4.1", "V4.2"}));
    EXPECT_EQ(im.action("V4.1").parent, "V4");
    EXPECT_EQ(im.action("V4.2").parent, "V4");
    EXPECT_EQ(im.action("V4.2").owners, (std::vector<std::string>{"GB"}));
    EXPECT_TRUE(im.has_note("row 3: no ref: read as V4.1, a sub-action of V4 (the ref is made up; check it)"));
}

TEST(PlanImport, RowsThatCannotBePlacedAreReportedAndKept) {
    auto im = import("Ref,Action,Timescale,RAG\n"
                     "1,Publish profiles,,Green\n"
                     ",,2025,Amber\n"
                     "2,Conference,2026,Red\n");
    ASSERT_TRUE(im.columns);
    EXPECT_EQ(im.refs(), (std::vector<std::string>{"1", "2"}));
    ASSERT_EQ(im.report().unplaced.size(), 1u);
    EXPECT_EQ(im.report().unplaced[0], "row 3: could not place this row: Timescale: 2025; RAG: Amber \u2014 kept in 1's extra \"Unplaced text\"");
    EXPECT_EQ(im.extra("1", "Unplaced text"), "row 3: Timescale: 2025; RAG: Amber");
    EXPECT_EQ(im.action("1").timescale, "") << "never guessed";
    EXPECT_EQ(im.action("1").status, "Green");
}

TEST(PlanImport, RowsAboveTheFirstActionAreKeptInIt) {
    auto im = import("Ref,Action,Lead\n,,Someone\n1,Do a,X\n");
    ASSERT_EQ(im.report().unplaced.size(), 1u);
    EXPECT_TRUE(contains(im.report().unplaced[0], "row 2: could not place this row: Lead: Someone"));
    EXPECT_EQ(im.extra("1", "Unplaced text"), "row 2: Lead: Someone");
}

TEST(PlanImport, SectionRowsAndPageHeadings) {
    auto im = import("Plan\n\nRef\tAction\tLead\n"
                     "Workstream: Visibility\t\t\n"
                     "V1\tBe seen\tSG\n"
                     "Technician Commitment\t\t\n"
                     "Workstream: Recognition\t\t\n"
                     "R1\tBe thanked\tGB\n"
                     "Technician Commitment\t\t\n");
    EXPECT_EQ(im.refs(), (std::vector<std::string>{"V1", "R1"}));
    EXPECT_EQ(im.action("V1").group, "visibility");
    EXPECT_EQ(im.action("R1").group, "recognition");
    EXPECT_TRUE(im.has_note("rows 6, 9: 'Technician Commitment' recurs like a page heading: left out"));
    EXPECT_TRUE(im.report().unplaced.empty());
}

TEST(PlanImport, RepeatedRefsGetIdsOfTheirOwn) {
    auto im = import("Category\tRef\tAction\nVisibility\t1\ta\n\t2\tb\nRecognition\t1\tc\n\t2\td\n");
    EXPECT_EQ(im.refs(), (std::vector<std::string>{"1", "2", "1", "2"}));
    EXPECT_EQ(im.plan().actions[2].id, "1-2");
    EXPECT_EQ(im.plan().actions[3].id, "2-2");
    EXPECT_TRUE(im.has_note("refs used more than once: 1 (\u00D72), 2 (\u00D72)"));
}

TEST(PlanImport, KeyAboveTheTableBecomesPhasesGlossaryAndFlags) {
    auto im = import("Action Plan 2024\n\nKey\n\nPhase 1 (P1) = Jan 24 to Dec 24\n\nPhase 2 (P2) = Jan 25 to Dec 25\n\n"
                     "GB = Gemma Black\n\n\u00B9 mentioned in feedback from technical staff\n\n"
                     "Ref\tActivity\tTime frame\tOwner\nV1\tDo\tP1-2\tGB\n");
    EXPECT_EQ(im.plan().title, "Action Plan 2024");
    EXPECT_EQ(im.plan().intro, "");
    ASSERT_EQ(im.plan().phases.size(), 2u);
    EXPECT_EQ(im.plan().phases[1].dates, "Jan 25 to Dec 25");
    ASSERT_EQ(im.plan().glossary.size(), 1u);
    EXPECT_EQ(im.plan().glossary[0].meaning, "Gemma Black");
    ASSERT_EQ(im.plan().flags.size(), 1u);
    EXPECT_EQ(im.plan().flags[0].mark, "\u00B9");
    EXPECT_EQ(im.action("V1").phases, (std::vector<std::string>{"P1", "P2"}));
    EXPECT_EQ(phases_in_timescale("P1 and P3", {{"P1", "", ""}, {"P3", "", ""}}), (std::vector<std::string>{"P1", "P3"}));
    EXPECT_TRUE(phases_in_timescale("July 2025", {{"P1", "", ""}}).empty());
}

// ------------------------------------------------------------------ TOML and CSV out

TEST(PlanToml, StringsAreEscaped) {
    EXPECT_EQ(toml_string("plain"), "\"plain\"");
    EXPECT_EQ(toml_string("say \"hi\" \\ now\t!"), "\"say \\\"hi\\\" \\\\ now\\t!\"");
    EXPECT_EQ(toml_string("two\nlines"), "\"\"\"\ntwo\nlines\"\"\"");
    EXPECT_EQ(toml_key("Resources"), "Resources");
    EXPECT_EQ(toml_key("Lead Person(s)"), "\"Lead Person(s)\"");
    // Whatever the text, it parses back to itself.
    for (std::string text : {"ends with a quote\"", "\"\"\" three\nquotes \"\"\"\"", "back\\slash\nand \u00e9",
                             "control \x01 char\nline", "\"\n\"", "trailing newline\n"}) {
        auto doc = toml::parse("v = " + toml_string(text) + "\n");
        EXPECT_EQ(doc["v"].value<std::string>().value_or("<none>"), text) << toml_string(text);
    }
}

TEST(PlanToml, ImportedPlanReadsBackAsTheSamePlanWithoutProblems) {
    auto im = import("Category,Ref,Action,Notes,Theme,Talent,Who,RAG,Budget\n"
                     "Skills Development,*SD1,\"Shadowing, swaps\",\"Line one\nLine \"\"two\"\"\",Career Dev; Sustainability,R1 R10,\"A, B\",Amber,£5\n"
                     ",SD1a,Pilot,,,,,\"In progress, near completion\"\n"
                     "Visibility,V1,Profiles,,,R1,C,Red,\n");
    ReadBack rb(im.result);
    ASSERT_TRUE(rb.plan) << dump(rb.diagnostics);
    EXPECT_FALSE(rb.diagnostics.has_errors()) << dump(rb.diagnostics) << rb.toml;
    const Plan& p = *rb.plan;
    ASSERT_EQ(p.actions.size(), 3u);
    EXPECT_EQ(p.actions[0].details, "Line one\nLine \"two\"");
    EXPECT_TRUE(p.actions[0].is_priority);
    EXPECT_EQ(p.actions[0].commitment_themes, (std::vector<std::string>{"career-development", "sustainability"}));
    EXPECT_EQ(p.actions[1].parent, "SD1");
    EXPECT_EQ(p.actions[1].group, "skills-development");
    EXPECT_EQ(p.actions[2].commitment_themes, (std::vector<std::string>{"visibility"})) << "from the theme-named grouping";
    EXPECT_EQ(p.actions[0].extra, (std::vector<std::pair<std::string, std::string>>{{"Budget", "£5"}}));
    EXPECT_EQ(p.actions[0].owners, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(p.labels.at("owners"), "Who");
    EXPECT_TRUE(contains(rb.toml, "# a comment\n"));
    EXPECT_EQ(write_plan_toml(im.plan()), write_plan_toml(im.plan())) << "deterministic";
}

TEST(PlanExport, CsvToPlanToCsvGivesTheSameCells) {
    std::string csv = read_text(fs::path(TECHPAGES_TEST_DIR) / "import/round-trip.csv");
    ASSERT_FALSE(csv.empty());
    auto im = import(csv);
    ASSERT_TRUE(im.columns);
    ReadBack rb(im.result);
    ASSERT_TRUE(rb.plan) << dump(rb.diagnostics);
    ASSERT_FALSE(rb.diagnostics.has_errors()) << dump(rb.diagnostics);
    CsvProblem problem;
    auto before = read_csv(csv, problem);
    auto after = read_csv(plan_csv(*rb.plan), problem);
    ASSERT_TRUE(before && after);
    ASSERT_EQ(after->rows.size(), before->rows.size());
    for (size_t r = 0; r < before->rows.size(); ++r) EXPECT_EQ(after->rows[r].cells, before->rows[r].cells) << "row " << r + 1;
}

TEST(PlanExport, GroupingAimsAndThemeGroupingsComeBackAsTheyWere) {
    // LSTM's "CATEGORY - aim" cells, and a plan whose groupings live in its Area column.
    auto lstm = import("Category\tRef\tAction\nVISIBILITY - Be seen\t1\ta\n\t2\tb\nRECOGNITION - Be thanked\t3\tc\n");
    auto rows = plan_table(lstm.plan());
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1][0], "VISIBILITY - Be seen");
    EXPECT_EQ(rows[2][0], "");
    EXPECT_EQ(rows[3][0], "RECOGNITION - Be thanked");
    auto lmb = import("Ref\tAction\tArea\n1\ta\tCareer Dev, sustainability\n2\tb\tAssess Impact\n3\tc\tVisibility, plus more\n");
    auto lmb_rows = plan_table(lmb.plan());
    ASSERT_EQ(lmb_rows[0], (std::vector<std::string>{"Ref", "Action", "Area"}));
    EXPECT_EQ(lmb_rows[1][2], "Career Development; Sustainability");
    EXPECT_EQ(lmb_rows[2][2], "Assess Impact");
    EXPECT_EQ(lmb_rows[3][2], "Visibility, plus more") << "the cell as written, kept because it says more";
}

// ------------------------------------------------------------------ the table of fields

namespace {

// A cell the importer reads as the field and the export writes back unchanged. A field
// read by code of its own needs a value here: the test fails until it has one.
std::string sample_cell(const ActionField& f) {
    static const std::map<std::string_view, std::string> own = {
        {"ref", "X1"},        {"group", "Skills"}, {"aim", "Grow skills"}, {"themes", "Visibility; Recognition"},
        {"priority", "high"}, {"status", "Amber"}, {"talent", "R1, R10"}};
    if (auto it = own.find(f.name); it != own.end()) return it->second;
    if (f.cells == CellReading::names) return "Ann Lee, Bo Sun";
    if (f.cells == CellReading::words) return "Words for " + std::string(f.name);
    ADD_FAILURE() << "give the field '" << f.name << "' a sample cell";
    return "";
}

// A value the plan file keeps for the field and reads back as the same.
void set_sample(Plan& plan, Action& a, const ActionField& f) {
    std::string v = "v-" + std::string(f.name);
    if (f.name == "group") plan.groups.push_back({v, "Group title", "", {}});
    if (f.name == "phases") plan.phases.push_back({v, "Phase", ""});
    if (f.name == "flags") plan.flags.push_back({v, "*", "Flag"});
    if (f.name == "status") v = "Amber";
    if (f.text) a.*f.text = v;
    if (f.list) a.*f.list = f.name == "themes" ? std::vector<std::string>{"visibility"}
                            : f.name == "talent" ? std::vector<std::string>{"R3"}
                                                 : std::vector<std::string>{v};
}

}  // namespace

TEST(PlanFields, EveryColumnFieldImportsWritesReadsAndExportsAsWritten) {
    std::vector<const ActionField*> columns;
    for (const auto& f : action_fields())
        if (f.csv_column > 0) columns.push_back(&f);
    std::sort(columns.begin(), columns.end(), [](auto* x, auto* y) { return x->csv_column < y->csv_column; });
    std::vector<std::string> headings, cells;
    for (const ActionField* f : columns) {
        headings.push_back(std::string(f->csv_heading));
        cells.push_back(sample_cell(*f));
    }
    auto im = import(write_csv({headings, cells}));
    ASSERT_TRUE(im.columns) << im.problem.message;
    ReadBack rb(im.result);
    ASSERT_TRUE(rb.plan) << dump(rb.diagnostics);
    EXPECT_FALSE(rb.diagnostics.has_errors()) << dump(rb.diagnostics) << rb.toml;
    auto rows = plan_table(*rb.plan);
    ASSERT_EQ(rows.size(), 2u) << rb.toml;
    EXPECT_EQ(rows[0], headings);
    EXPECT_EQ(rows[1], cells) << rb.toml;
}

TEST(PlanFields, EveryTextAndListFieldAndLabelIsWrittenAndReadBack) {
    Plan plan;
    plan.title = "Fields";
    Action a;
    for (const auto& f : action_fields()) {
        set_sample(plan, a, f);
        if (!f.label.empty()) plan.labels[std::string(f.name)] = "Label of " + std::string(f.name);
    }
    Action parent;
    parent.ref = parent.id = a.parent;
    parent.action = "The parent";
    plan.actions = {parent, a};
    ImportedPlan written;
    written.plan = plan;
    ReadBack rb(written);
    ASSERT_TRUE(rb.plan) << dump(rb.diagnostics);
    EXPECT_FALSE(rb.diagnostics.has_errors()) << dump(rb.diagnostics) << rb.toml;
    ASSERT_EQ(rb.plan->actions.size(), 2u);
    const Action& back = rb.plan->actions[1];
    for (const auto& f : action_fields()) {
        if (f.text) {
            EXPECT_EQ(back.*f.text, a.*f.text) << f.name << "\n" << rb.toml;
        }
        if (f.list) {
            EXPECT_EQ(back.*f.list, a.*f.list) << f.name << "\n" << rb.toml;
        }
    }
    EXPECT_EQ(rb.plan->labels, plan.labels) << rb.toml;
}

TEST(PlanFields, EachHeadingNamesOneFieldAndTheExportsHeadingReadsBack) {
    std::map<std::string_view, std::string_view> field_of;
    for (const auto& f : action_fields()) {
        for (auto h : f.headings) {
            auto [it, fresh] = field_of.emplace(h, f.name);
            EXPECT_TRUE(fresh) << "'" << h << "' names both " << it->second << " and " << f.name;
            EXPECT_EQ(normalise_heading(h), h) << "headings are written normalised";
        }
        if (f.csv_column == 0) continue;
        std::string read_as = field_for_heading(f.csv_heading);
        // The grouping and themes columns are told apart by their cells.
        EXPECT_TRUE(read_as == f.name || read_as == "area") << f.csv_heading << " is read as " << read_as;
    }
}
