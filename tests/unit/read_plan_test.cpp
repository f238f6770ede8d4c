// Reading action plans (.toml): groups and themes, sub-actions, the status key,
// refs, phases, flags, TALENT, priority, extra columns, steps and updates, and the
// plan's history: its reviews, the status at each and what changed since the one before.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <memory>
#include <thread>

#include "../test_support.h"
#include "model/plan_history.h"
#include "model/read_documents.h"
#include "unit_helpers.h"

using namespace techpages;
using namespace techpages::testing;
using ::testing::HasSubstr;

namespace {

const std::string plan_path = "institutions/uni/plans/2024-2027.toml";

// Writes `toml` as a plan file in a fresh folder and reads it.
struct PlanRead {
    explicit PlanRead(const std::string& toml, const std::string& slug = "2024-2027") {
        auto file = dir / "institutions/uni/plans" / (slug + ".toml");
        write_text(file, toml);
        ContentEntry entry;
        entry.kind = FileKind::plan;
        entry.absolute = file;
        entry.path = "institutions/uni/plans/" + slug + ".toml";
        entry.slug = slug;
        entry.institution = "uni";
        entry.root = dir.path();
        plan = read_plan(entry, diagnostics);
    }

    // The action with this id; fails the test when there is none.
    const Action& action(const std::string& id) const {
        static const Action none;
        if (!plan) {
            ADD_FAILURE() << "the plan was not read:\n" << dump(diagnostics);
            return none;
        }
        for (const auto& a : plan->actions)
            if (a.id == id) return a;
        ADD_FAILURE() << "no action with id " << id;
        return none;
    }

    size_t index_of(const std::string& id) const {
        for (size_t i = 0; plan && i < plan->actions.size(); ++i)
            if (plan->actions[i].id == id) return i;
        ADD_FAILURE() << "no action with id " << id;
        return SIZE_MAX;
    }

    TempDir dir;
    Diagnostics diagnostics;
    std::optional<Plan> plan;
};

const std::string groups = R"(title = "Technician Commitment Action Plan 2024-2027"

[[groups]]
id = "visibility"
title = "Visibility"
themes = ["visibility"]

[[groups]]
id = "skills-development"
title = "Skills Development"
themes = []

[[groups]]
id = "people"
title = "People"
themes = ["recognition", "career-development"]
)";

using Strings = std::vector<std::string>;

}  // namespace

// ---- the plan itself --------------------------------------------------------------

TEST(ReadPlan, ReadsTitleAndKeyFields) {
    PlanRead r(R"(title = "Action Plan"
period = "2024-2027"
kind = "RAG progress report"
adopted = 2024-01-15
intro = "Our plan."

[labels]
details = "Notes"
owners = "Committee lead"

[[phases]]
id = "P1"
label = "Phase 1"
dates = "Jan 2024 to Dec 2024"

[[glossary]]
abbr = "SG"
meaning = "Steering Group"
)");
    ASSERT_TRUE(r.plan.has_value()) << dump(r.diagnostics);
    EXPECT_EQ(r.diagnostics.error_count() + r.diagnostics.warning_count(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.plan->slug, "2024-2027");
    EXPECT_EQ(r.plan->title, "Action Plan");
    EXPECT_EQ(r.plan->period, "2024-2027");
    EXPECT_EQ(r.plan->kind, "RAG progress report");
    EXPECT_EQ(r.plan->adopted, (Date{2024, 1, 15}));
    EXPECT_EQ(r.plan->label("details", "Details"), "Notes");
    EXPECT_EQ(r.plan->label("owners", "Owners"), "Committee lead");
    EXPECT_EQ(r.plan->label("success", "Success measure"), "Success measure");
    ASSERT_EQ(r.plan->phases.size(), 1u);
    EXPECT_EQ(r.plan->phases[0].dates, "Jan 2024 to Dec 2024");
    ASSERT_EQ(r.plan->glossary.size(), 1u);
    EXPECT_EQ(r.plan->glossary[0].meaning, "Steering Group");
}

TEST(ReadPlan, MissingTitleRefAndActionAreErrors) {
    PlanRead r("[[actions]]\ngroup = \"\"\n");
    ASSERT_TRUE(r.plan.has_value());
    EXPECT_EQ(errors_with(r.diagnostics, "the required field 'title' is missing").size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors_with(r.diagnostics, "the required field 'ref' is missing").size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors_with(r.diagnostics, "the required field 'action' is missing").size(), 1u) << dump(r.diagnostics);
}

TEST(ReadPlan, TomlSyntaxErrorIsReportedAtTheFileLine) {
    PlanRead r("title = \"Plan\"\n\n[[actions]]\nref = \"V1\"\naction = \"Do\n");
    EXPECT_FALSE(r.plan.has_value());
    auto errors = errors_with(r.diagnostics, "");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].path, plan_path);
    EXPECT_EQ(errors[0].pos.line, 5);
}

TEST(ReadPlan, FileNameThatCannotBeAnAddressIsAnError) {
    PlanRead r("title = \"Plan\"\n", "Action Plan 2024");
    EXPECT_EQ(errors_with(r.diagnostics, "cannot be used in a web address").size(), 1u) << dump(r.diagnostics);
}

TEST(ReadPlan, UnknownActionFieldIsAWarningWithDidYouMean) {
    PlanRead r("title = \"Plan\"\n[[actions]]\nref = \"A1\"\naction = \"Do\"\nsucess = \"Done\"\n");
    auto warnings = warnings_with(r.diagnostics, "'sucess' is not a field of an action");
    ASSERT_EQ(warnings.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(warnings[0].hint, "did you mean 'success'?");
    EXPECT_EQ(warnings[0].pos.line, 5);
}

// ---- groups and themes ----------------------------------------------------------------

TEST(ReadPlanThemes, ActionsInheritTheirGroupsThemes) {
    PlanRead r(groups + R"(
[[actions]]
ref = "V1"
group = "visibility"
action = "Increase the profile of technical staff"

[[actions]]
ref = "P1"
group = "people"
action = "Recognise technicians' work"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("V1").commitment_themes, Strings{"visibility"});
    EXPECT_EQ(r.action("P1").commitment_themes, (Strings{"recognition", "career-development"}));
}

TEST(ReadPlanThemes, ActionsOwnThemesOverrideTheGroups) {
    PlanRead r(groups + R"(
[[actions]]
ref = "V2"
group = "visibility"
themes = ["visibility", "sustainability"]
action = "Events"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("V2").commitment_themes, (Strings{"visibility", "sustainability"}));
    EXPECT_EQ(r.action("V2").own_commitment_themes, (Strings{"visibility", "sustainability"}));
}

TEST(ReadPlanThemes, GroupThatIsNotAThemeGivesNoThemesUnlessTheActionNamesThem) {
    PlanRead r(groups + R"(
[[actions]]
ref = "S1"
group = "skills-development"
action = "Training budget"

[[actions]]
ref = "S2"
group = "skills-development"
themes = ["career-development"]
action = "Apprenticeships"
)");
    EXPECT_TRUE(r.action("S1").commitment_themes.empty());
    EXPECT_EQ(r.action("S2").commitment_themes, Strings{"career-development"});
}

TEST(ReadPlanThemes, UndefinedGroupIsAnErrorWithDidYouMean) {
    PlanRead r(groups + R"(
[[actions]]
ref = "V1"
group = "visiblity"
action = "Do"
)");
    auto errors = errors_with(r.diagnostics, "the group 'visiblity' is not defined in this plan");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].hint, "did you mean 'visibility'?");
    EXPECT_EQ(errors[0].pos.line, 20);  // `groups` is 16 lines, then a blank line, [[actions]], ref
}

TEST(ReadPlanThemes, RepeatedGroupIdIsAnError) {
    PlanRead r(groups + "\n[[groups]]\nid = \"people\"\ntitle = \"Again\"\n");
    EXPECT_EQ(errors_with(r.diagnostics, "the group id 'people' is used twice").size(), 1u) << dump(r.diagnostics);
    ASSERT_TRUE(r.plan.has_value());
    EXPECT_EQ(r.plan->groups.size(), 3u);
}

// ---- sub-actions ----------------------------------------------------------------------

TEST(ReadPlanSubActions, SubActionsBecomeChildrenOfTheirParentInFileOrder) {
    PlanRead r(groups + R"(
[[actions]]
ref = "V1"
group = "visibility"
action = "Visibility events"

[[actions]]
ref = "V1a"
parent = "V1"
action = "Open days"

[[actions]]
ref = "V1b"
parent = "V1"
action = "Newsletter"

[[actions]]
ref = "V2"
group = "visibility"
action = "Website"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("V1").children, (std::vector<size_t>{r.index_of("V1a"), r.index_of("V1b")}));
    EXPECT_TRUE(r.action("V1a").children.empty());
    EXPECT_TRUE(r.action("V2").children.empty());
    EXPECT_TRUE(r.action("V1").is_top_level());
    EXPECT_FALSE(r.action("V1a").is_top_level());
}

TEST(ReadPlanSubActions, SubActionInheritsItsParentsGroupAndThemes) {
    PlanRead r(groups + R"(
[[actions]]
ref = "P1"
group = "people"
action = "Recognition"

[[actions]]
ref = "P1a"
parent = "P1"
action = "Awards"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("P1a").group, "people");
    EXPECT_EQ(r.action("P1a").commitment_themes, (Strings{"recognition", "career-development"}));
}

TEST(ReadPlanSubActions, SubActionWrittenBeforeItsParentStillInherits) {
    PlanRead r(groups + R"(
[[actions]]
ref = "V1a"
parent = "V1"
action = "Open days"

[[actions]]
ref = "V1"
group = "visibility"
action = "Visibility events"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("V1a").group, "visibility");
    EXPECT_EQ(r.action("V1a").commitment_themes, Strings{"visibility"});
    EXPECT_EQ(r.action("V1").children, std::vector<size_t>{r.index_of("V1a")});
}

TEST(ReadPlanSubActions, SubActionInheritsThemesTheParentNamesItself) {
    PlanRead r(groups + R"(
[[actions]]
ref = "X1"
themes = ["sustainability"]
action = "Succession planning"

[[actions]]
ref = "X1a"
parent = "X1"
action = "Map skills at risk"
)");
    EXPECT_EQ(r.action("X1a").commitment_themes, Strings{"sustainability"});
}

TEST(ReadPlanSubActions, SubActionsOwnGroupOrThemesWin) {
    PlanRead r(groups + R"(
[[actions]]
ref = "V1"
group = "visibility"
action = "Visibility events"

[[actions]]
ref = "V1a"
parent = "V1"
group = "people"
action = "Staff awards"

[[actions]]
ref = "V1b"
parent = "V1"
themes = ["sustainability"]
action = "Archive"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("V1a").commitment_themes, (Strings{"recognition", "career-development"}));
    EXPECT_EQ(r.action("V1b").commitment_themes, Strings{"sustainability"});
    EXPECT_EQ(r.action("V1b").group, "visibility");
}

TEST(ReadPlanSubActions, UnknownParentIsAnErrorAndTheActionStaysTopLevel) {
    PlanRead r(R"(title = "Plan"

[[actions]]
ref = "V1a"
parent = "V9"
action = "Open days"
)");
    auto errors = errors_with(r.diagnostics, "the parent action 'V9' is not in this plan");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 5);
    EXPECT_TRUE(r.action("V1a").is_top_level());
}

TEST(ReadPlanSubActions, ActionThatIsItsOwnParentIsAnError) {
    PlanRead r("title = \"Plan\"\n[[actions]]\nref = \"A\"\nparent = \"A\"\naction = \"x\"\n");
    EXPECT_EQ(errors_with(r.diagnostics, "the action 'A' is its own parent").size(), 1u) << dump(r.diagnostics);
    EXPECT_TRUE(r.action("A").children.empty());
}

TEST(ReadPlanSubActions, ParentCycleIsAnErrorAndDoesNotHang) {
    auto result = std::make_shared<std::promise<std::unique_ptr<PlanRead>>>();
    auto future = result->get_future();
    std::thread([result] {
        result->set_value(std::make_unique<PlanRead>(R"(title = "Plan"

[[actions]]
ref = "A"
parent = "B"
action = "First"

[[actions]]
ref = "B"
parent = "A"
action = "Second"
)"));
    }).detach();
    ASSERT_EQ(future.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "read_plan hangs on A -> B -> A";
    auto r = future.get();
    auto errors = errors_with(r->diagnostics, "is, through its parents, its own parent");
    ASSERT_GE(errors.size(), 1u) << dump(r->diagnostics);
    EXPECT_EQ(errors[0].path, plan_path);
    // Once the cycle is broken, following parents from any action ends.
    ASSERT_TRUE(r->plan.has_value());
    for (const auto& a : r->plan->actions) {
        std::string at = a.id;
        for (int steps = 0; !at.empty(); ++steps) {
            ASSERT_LT(steps, 3) << "a cycle remains through " << a.id;
            at = r->action(at).parent;
        }
    }
}

TEST(ReadPlanSubActions, ActionHangingBelowACycleIsNotBlamedForIt) {
    PlanRead r(R"(title = "Plan"

[[actions]]
ref = "C"
parent = "A"
action = "Below the cycle"

[[actions]]
ref = "A"
parent = "B"
action = "First"

[[actions]]
ref = "B"
parent = "A"
action = "Second"
)");
    EXPECT_EQ(errors_with(r.diagnostics, "the action 'C' is").size(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("C").parent, "A");
    EXPECT_GE(errors_with(r.diagnostics, "its own parent").size(), 1u) << dump(r.diagnostics);
}

// ---- refs and ids ------------------------------------------------------------------------

TEST(ReadPlanRefs, RepeatedRefIsAnError) {
    PlanRead r(R"(title = "Plan"

[[actions]]
ref = "V1"
action = "First"

[[actions]]
ref = "V1"
action = "Second"
)");
    auto errors = errors_with(r.diagnostics, "the action ref 'V1' is used twice in this plan");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 8);
    EXPECT_TRUE(contains(errors[0].hint, "id = ")) << errors[0].hint;
}

TEST(ReadPlanRefs, IdTellsRepeatedRefsApart) {
    PlanRead r(R"(title = "Plan"

[[actions]]
ref = "V1"
action = "First"

[[actions]]
ref = "V1"
id = "V1-2"
action = "Second"

[[actions]]
ref = "a"
parent = "V1-2"
action = "Under the second"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    ASSERT_TRUE(r.plan.has_value());
    EXPECT_EQ(r.plan->actions[1].ref, "V1");
    EXPECT_EQ(r.plan->actions[1].id, "V1-2");
    EXPECT_EQ(r.plan->actions[0].id, "V1");
    EXPECT_TRUE(r.plan->actions[0].children.empty());
    EXPECT_EQ(r.plan->actions[1].children, std::vector<size_t>{2});
}

// ---- statuses -------------------------------------------------------------------------------

namespace {
const std::string status_key = R"(title = "Plan"

[[statuses]]
label = "Complete"
rag = "green"

[[statuses]]
label = "In progress, near completion"
rag = "amber"

[[statuses]]
label = "Not begun, limited progress"
rag = "red"
)";
}

TEST(ReadPlanStatus, KeyMapsThePlansWordsToRagIgnoringCase) {
    PlanRead r(status_key + R"(
[[actions]]
ref = "A"
action = "a"
status = "In Progress, near completion"

[[actions]]
ref = "B"
action = "b"
status = "complete"

[[actions]]
ref = "C"
action = "c"
status = "Not begun, limited progress"

[[actions]]
ref = "D"
action = "d"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("A").rag, Rag::amber);
    EXPECT_EQ(r.action("A").status, "In Progress, near completion");
    EXPECT_EQ(r.action("B").rag, Rag::green);
    EXPECT_EQ(r.action("C").rag, Rag::red);
    EXPECT_EQ(r.action("D").rag, Rag::none);
}

TEST(ReadPlanStatus, StatusNotInTheKeyIsAnErrorNamingTheAllowedWords) {
    PlanRead r(status_key + R"(
[[actions]]
ref = "A"
action = "a"
status = "Half done"
)");
    auto errors = errors_with(r.diagnostics, "'Half done' is not a status in this plan's key");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 18);  // `status_key` is 13 lines; the status is the 5th line after it
    EXPECT_TRUE(contains(errors[0].hint,
                         "\"Complete\", \"In progress, near completion\" or \"Not begun, limited progress\""))
        << errors[0].hint;
    EXPECT_EQ(r.action("A").rag, Rag::none);
}

TEST(ReadPlanStatus, WithoutAKeyTheCommonWordsAreUnderstood) {
    PlanRead r(R"(title = "Plan"
[[actions]]
ref = "A"
action = "a"
status = "Complete"
[[actions]]
ref = "B"
action = "b"
status = "in progress"
[[actions]]
ref = "C"
action = "c"
status = "Not begun"
[[actions]]
ref = "D"
action = "d"
status = "AMBER"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("A").rag, Rag::green);
    EXPECT_EQ(r.action("B").rag, Rag::amber);
    EXPECT_EQ(r.action("C").rag, Rag::red);
    EXPECT_EQ(r.action("D").rag, Rag::amber);
}

TEST(ReadPlanStatus, WithoutAKeyAnUnknownWordListsTheCommonOnes) {
    PlanRead r("title = \"Plan\"\n[[actions]]\nref = \"A\"\naction = \"a\"\nstatus = \"Sorted\"\n");
    auto errors = errors_with(r.diagnostics, "'Sorted' is not a status in this plan's key");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_TRUE(contains(errors[0].hint, "\"Complete\"")) << errors[0].hint;
    EXPECT_TRUE(contains(errors[0].hint, "[[statuses]]")) << errors[0].hint;
}

TEST(ReadPlanStatus, KeyEntryWithAnUnknownColourIsAnError) {
    PlanRead r("title = \"Plan\"\n[[statuses]]\nlabel = \"Done\"\nrag = \"blue\"\n");
    auto errors = errors_with(r.diagnostics, "'blue' is not a RAG colour");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 4);
}

// ---- phases, flags, TALENT, priority ------------------------------------------------------------

TEST(ReadPlanKey, PhasesMustBeDefined) {
    PlanRead r(R"(title = "Plan"
[[phases]]
id = "P1"
label = "Phase 1"
[[actions]]
ref = "A"
action = "a"
phases = ["P1", "P4"]
)");
    auto errors = errors_with(r.diagnostics, "the phase 'P4' is not defined in this plan");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 8);
    EXPECT_EQ(errors_with(r.diagnostics, "'P1'").size(), 0u);
}

TEST(ReadPlanKey, FlagsMustBeDefined) {
    PlanRead r(R"(title = "Plan"
[[flags]]
id = "staff-feedback"
mark = "1"
label = "Mentioned in feedback"
[[actions]]
ref = "A"
action = "a"
flags = ["staff-feedback", "footnote-2"]
)");
    auto errors = errors_with(r.diagnostics, "the flag 'footnote-2' is not defined in this plan");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(r.diagnostics.error_count(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(r.action("A").flags, (Strings{"staff-feedback", "footnote-2"}));
}

TEST(ReadPlanKey, TalentIsCanonicalisedAndOutOfRangeRefused) {
    PlanRead r(R"(title = "Plan"
[[actions]]
ref = "A"
action = "a"
talent = ["r3", "R10", "R17"]
)");
    EXPECT_EQ(r.action("A").talent, (Strings{"R3", "R10"}));
    auto errors = errors_with(r.diagnostics, "'R17' is not a TALENT Commission recommendation");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 5);
}

TEST(ReadPlanKey, PriorityTrueMarksTheActionWithoutAWordOfItsOwn) {
    PlanRead r("title = \"Plan\"\n[[actions]]\nref = \"A\"\naction = \"a\"\npriority = true\n");
    EXPECT_TRUE(r.action("A").is_priority);
    EXPECT_EQ(r.action("A").priority, "");
}

TEST(ReadPlanKey, PriorityWordIsKept) {
    PlanRead r("title = \"Plan\"\n[[actions]]\nref = \"A\"\naction = \"a\"\npriority = \"high\"\n");
    EXPECT_TRUE(r.action("A").is_priority);
    EXPECT_EQ(r.action("A").priority, "high");
}

TEST(ReadPlanKey, PriorityFalseOrAbsentIsNotAPriority) {
    PlanRead r("title = \"Plan\"\n[[actions]]\nref = \"A\"\naction = \"a\"\npriority = false\n"
               "[[actions]]\nref = \"B\"\naction = \"b\"\n");
    EXPECT_FALSE(r.action("A").is_priority);
    EXPECT_FALSE(r.action("B").is_priority);
    EXPECT_EQ(r.action("A").priority, "");
}

// ---- extra columns, steps, updates -----------------------------------------------------------

TEST(ReadPlanColumns, ExtraColumnsKeepTheirFileOrder) {
    PlanRead r(R"(title = "Plan"
[[actions]]
ref = "A"
action = "a"

[actions.extra]
"Resources" = "£2,000 from the L&D fund"
"Budget holder" = "Faculty"
"Alignment" = "People strategy"
)");
    EXPECT_EQ(r.diagnostics.error_count() + r.diagnostics.warning_count(), 0u) << dump(r.diagnostics);
    using Column = std::pair<std::string, std::string>;
    EXPECT_EQ(r.action("A").extra, (std::vector<Column>{{"Resources", "£2,000 from the L&D fund"},
                                                        {"Budget holder", "Faculty"},
                                                        {"Alignment", "People strategy"}}));
}

TEST(ReadPlanColumns, StepsAreReadInOrder) {
    PlanRead r(R"(title = "Plan"
[[actions]]
ref = "A"
action = "Committees"

[[actions.steps]]
action = "Map committee structure"
timescale = "Year 1"
owners = ["FHM Faculty Superintendent"]

[[actions.steps]]
action = "Add technician seats"
success = "A seat on each committee"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    const auto& steps = r.action("A").steps;
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0].action, "Map committee structure");
    EXPECT_EQ(steps[0].timescale, "Year 1");
    EXPECT_EQ(steps[0].owners, Strings{"FHM Faculty Superintendent"});
    EXPECT_EQ(steps[1].success, "A seat on each committee");
}

TEST(ReadPlanColumns, UpdatesAreSortedByDateWithTheirColour) {
    PlanRead r(status_key + R"(
[[actions]]
ref = "A"
action = "Website"

[[actions.updates]]
date = 2025-07-31
status = "Complete"
note = "Live."

[[actions.updates]]
date = 2024-07-31
status = "Not begun, limited progress"
note = "Waiting for the new website."

[[actions.updates]]
date = 2025-01-31
status = "In progress, near completion"
)");
    EXPECT_EQ(r.diagnostics.error_count(), 0u) << dump(r.diagnostics);
    const auto& updates = r.action("A").updates;
    ASSERT_EQ(updates.size(), 3u);
    EXPECT_EQ(updates[0].date, (Date{2024, 7, 31}));
    EXPECT_EQ(updates[0].rag, Rag::red);
    EXPECT_EQ(updates[0].note, "Waiting for the new website.");
    EXPECT_EQ(updates[1].date, (Date{2025, 1, 31}));
    EXPECT_EQ(updates[1].rag, Rag::amber);
    EXPECT_EQ(updates[2].date, (Date{2025, 7, 31}));
    EXPECT_EQ(updates[2].rag, Rag::green);
}

TEST(ReadPlanColumns, UpdateNeedsADateAndAStatusFromTheKey) {
    PlanRead r(status_key + R"(
[[actions]]
ref = "A"
action = "Website"

[[actions.updates]]
status = "Nearly"
)");
    EXPECT_EQ(errors_with(r.diagnostics, "the required field 'date' is missing").size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors_with(r.diagnostics, "'Nearly' is not a status in this plan's key").size(), 1u)
        << dump(r.diagnostics);
}

// ---- progress ----------------------------------------------------------------------------------

TEST(PlanProgress, CountsOnlyActionsWithoutSubActions) {
    PlanRead r(status_key + R"(
[[actions]]
ref = "V1"
themes = ["visibility"]
action = "Heading"
status = "Complete"

[[actions]]
ref = "V1a"
parent = "V1"
action = "a"
status = "In progress, near completion"

[[actions]]
ref = "V1b"
parent = "V1"
action = "b"

[[actions]]
ref = "R1"
themes = ["recognition"]
action = "c"
status = "Complete"
)");
    ASSERT_TRUE(r.plan.has_value());
    Progress all = r.plan->progress();
    EXPECT_EQ(all.total(), 3);
    EXPECT_EQ(all.green, 1);
    EXPECT_EQ(all.amber, 1);
    EXPECT_EQ(all.none, 1);
    Progress visibility = r.plan->progress_for_commitment_theme("visibility");
    EXPECT_EQ(visibility.total(), 2);
    EXPECT_EQ(visibility.green, 0);
    EXPECT_EQ(r.plan->progress_for_commitment_theme("recognition").green, 1);
}

// ---- progress over time ---------------------------------------------------------------------

namespace {

// Two reviews: A moves red → amber, B is green throughout, C is first reported at the
// second review, D is never updated, E is a heading over E1 (only E1 is counted).
const std::string two_reviews = status_key + R"(
[[actions]]
ref = "A"
action = "Website"

[[actions.updates]]
date = 2025-07-31
status = "In progress, near completion"
note = "Draft pages *online*."

[[actions.updates]]
date = 2025-01-31
status = "Not begun, limited progress"

[[actions]]
ref = "B"
action = "Awards"

[[actions.updates]]
date = 2025-01-31
status = "Complete"

[[actions.updates]]
date = 2025-07-31
status = "complete"

[[actions]]
ref = "C"
action = "Mentoring"

[[actions.updates]]
date = 2025-07-31
status = "Complete"

[[actions]]
ref = "D"
action = "Survey"

[[actions]]
ref = "E"
action = "Heading"

[[actions]]
ref = "E1"
parent = "E"
action = "Shadowing"

[[actions.updates]]
date = 2025-01-31
status = "Complete"
)";

}  // namespace

TEST(PlanHistory, ReviewsAreEveryUpdateDateOldestFirstWithoutRepeats) {
    PlanRead r(two_reviews);
    ASSERT_TRUE(r.plan) << dump(r.diagnostics);
    EXPECT_EQ(r.diagnostics.error_count() + r.diagnostics.warning_count(), 0u) << dump(r.diagnostics);
    PlanHistory h = plan_history(*r.plan);
    EXPECT_EQ(h.reviews, (std::vector<Date>{{2025, 1, 31}, {2025, 7, 31}}));
    EXPECT_EQ(h.leaves.size(), 5u) << "E is the heading of E1, so only E1 counts";
}

TEST(PlanHistory, StatusAtEachReviewIsTheLatestUpdateOnOrBeforeIt) {
    PlanRead r(two_reviews);
    ASSERT_TRUE(r.plan) << dump(r.diagnostics);
    PlanHistory h = plan_history(*r.plan);
    ASSERT_EQ(h.status.size(), 2u);
    size_t a = r.index_of("A"), c = r.index_of("C"), d = r.index_of("D"), e1 = r.index_of("E1");
    EXPECT_EQ(h.status[0][a].rag, Rag::red);
    EXPECT_EQ(h.status[1][a].rag, Rag::amber);
    EXPECT_FALSE(h.status[0][c].reported()) << "C had no update by the first review";
    EXPECT_EQ(h.status[1][c].status, "Complete");
    EXPECT_FALSE(h.status[1][d].reported());
    EXPECT_EQ(h.status[1][e1].status, "Complete") << "an update carries forward to later reviews";
    EXPECT_EQ(status_on(r.action("A"), {2025, 3, 1}).status, "Not begun, limited progress");
    EXPECT_FALSE(status_on(r.action("A"), {2024, 12, 31}).reported());
    // Counts per review, leaf actions only: A B C D E1.
    EXPECT_EQ(h.progress[0].red, 1);
    EXPECT_EQ(h.progress[0].green, 2);
    EXPECT_EQ(h.progress[0].none, 2);
    EXPECT_EQ(h.progress[1].amber, 1);
    EXPECT_EQ(h.progress[1].green, 3);
    EXPECT_EQ(h.progress[1].none, 1);
    EXPECT_EQ(h.progress[1].total(), 5);
}

TEST(PlanHistory, WhatChangedSinceThePreviousReview) {
    PlanRead r(two_reviews);
    ASSERT_TRUE(r.plan) << dump(r.diagnostics);
    PlanHistory h = plan_history(*r.plan);
    auto changes = h.changes_at(1, *r.plan);
    ASSERT_EQ(changes.size(), 2u) << "A moved and C was first reported; B's 'complete' is the same word";
    EXPECT_EQ(changes[0].action, r.index_of("A"));
    EXPECT_EQ(changes[0].before.rag, Rag::red);
    EXPECT_EQ(changes[0].after.rag, Rag::amber);
    EXPECT_EQ(changes[0].note, "Draft pages *online*.");
    EXPECT_EQ(changes[1].action, r.index_of("C"));
    EXPECT_FALSE(changes[1].before.reported());
    EXPECT_EQ(changes[1].note, "");
    EXPECT_EQ(h.changes_at(0, *r.plan).size(), 3u) << "the first review reports A, B and E1";
    EXPECT_TRUE(h.changes_at(2, *r.plan).empty()) << "no such review";
}

TEST(PlanHistory, PlanWithoutUpdatesHasNoHistory) {
    PlanRead r(status_key + "[[actions]]\nref = \"A\"\naction = \"a\"\nstatus = \"Complete\"\n");
    ASSERT_TRUE(r.plan) << dump(r.diagnostics);
    EXPECT_TRUE(plan_history(*r.plan).empty());
}

TEST(PlanHistory, CurrentStatusIsTheWrittenOneElseTheLatestUpdate) {
    PlanRead r(two_reviews + R"(
[[actions]]
ref = "F"
action = "Written and updated, agreeing"
status = "Complete"

[[actions.updates]]
date = 2025-07-31
status = "COMPLETE"
)");
    ASSERT_TRUE(r.plan) << dump(r.diagnostics);
    EXPECT_EQ(r.action("A").current_status(), "In progress, near completion");
    EXPECT_EQ(r.action("A").status, "") << "the written status stays as written, for export-plan";
    EXPECT_EQ(r.action("A").rag, Rag::amber) << "progress, institution and theme pages count the latest";
    EXPECT_EQ(r.action("D").current_status(), "");
    EXPECT_EQ(r.action("D").rag, Rag::none);
    EXPECT_EQ(r.action("F").current_status(), "Complete");
    EXPECT_EQ(r.diagnostics.warning_count(), 0u) << "the same word in another case agrees" << dump(r.diagnostics);
    EXPECT_EQ(r.plan->progress().amber, 1);
}

TEST(PlanHistory, WrittenStatusThatDisagreesWithTheLatestUpdateIsAWarning) {
    PlanRead r(status_key + R"(
[[actions]]
ref = "A"
action = "Website"
status = "In progress, near completion"

[[actions.updates]]
date = 2025-07-31
status = "Complete"
)");
    ASSERT_TRUE(r.plan) << dump(r.diagnostics);
    auto w = warnings_with(r.diagnostics, "the status 'In progress, near completion' disagrees with the latest update "
                                          "('Complete' on 31 July 2025)");
    ASSERT_EQ(w.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(w[0].pos.line, 18) << "at the written status";
    EXPECT_THAT(w[0].hint, HasSubstr("write status = \"Complete\", or remove status")) << w[0].hint;
    EXPECT_EQ(r.action("A").rag, Rag::amber) << "the written status still wins";
    EXPECT_EQ(r.diagnostics.error_count(), 0u);
}

TEST(PlanHistory, TwoUpdatesOnOneDateAreAnErrorAtTheSecond) {
    PlanRead r(status_key + R"(
[[actions]]
ref = "A"
action = "Website"

[[actions.updates]]
date = 2025-07-31
status = "Complete"

[[actions.updates]]
date = 2025-07-31
status = "In progress, near completion"

[[actions.updates]]
date = "2025-02-30"
status = "Complete"
)");
    auto e = errors_with(r.diagnostics, "this action has two updates dated 2025-07-31");
    ASSERT_EQ(e.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(e[0].pos.line, 24);
    EXPECT_EQ(errors_with(r.diagnostics, "2025-02-30").size(), 1u) << "an impossible date is located too\n"
                                                                    << dump(r.diagnostics);
}
