// The one table of an action's fields (see plan_fields.h).
#include "model/plan_fields.h"

#include "model/field_rules.h"

namespace techpages {

namespace {

using C = CellReading;

std::vector<ActionField> make_fields() {
    return {
        {.name = "ref", .text = &Action::ref, .required = true, .label = "Ref", .csv_column = 4, .csv_heading = "Ref",
         .cells = C::own_code,
         .headings = {"ref", "refs", "ref no", "reference", "activity number", "activity no", "activity ref",
                      "action ref", "action reference", "action no", "action number", "action id", "no", "number",
                      "id"}},
        {.name = "id", .text = &Action::id},
        {.name = "parent", .text = &Action::parent},
        {.name = "group", .text = &Action::group, .label = "Group", .csv_column = 1, .csv_heading = "Category",
         .cells = C::own_code, .other_names = {"groups", "grouping"}},
        {.name = "aim", .label = "Aim", .csv_column = 2, .csv_heading = "Aims", .cells = C::own_code,
         .headings = {"aim", "aims"}, .other_names = {"aims"}},
        {.name = "themes", .list = &Action::own_commitment_themes, .read_list = checked_commitment_theme_ids,
         .label = "Commitment themes", .csv_column = 7, .csv_heading = "Key Areas", .cells = C::own_code,
         .other_names = {"theme"}},
        {.name = "priority", .label = "Priority", .csv_column = 15, .csv_heading = "Priority", .cells = C::own_code,
         .headings = {"priority", "high priority", "priorities"}},
        {.name = "activity", .text = &Action::activity, .label = "Activity", .csv_column = 3,
         .csv_heading = "Activities", .cells = C::words, .headings = {"activities"}, .other_names = {"activities"}},
        {.name = "action", .text = &Action::action, .required = true, .label = "Action", .csv_column = 5,
         .csv_heading = "Action", .cells = C::words,
         .headings = {"action", "actions", "activity", "action item", "task"}},
        {.name = "details", .text = &Action::details, .label = "Details", .csv_column = 6, .csv_heading = "Details",
         .cells = C::words, .headings = {"how", "notes", "note", "details", "detail", "description"},
         .other_names = {"notes"}},
        {.name = "success", .text = &Action::success, .label = "Success measures", .csv_column = 9,
         .csv_heading = "Success Measures", .cells = C::words,
         .headings = {"success", "success measure", "success measures", "measurable outcome", "measurable outcomes",
                      "measure of success", "measures of success", "success measures impact",
                      "success measure impact", "success criteria", "kpi", "kpis", "outcome", "outcomes", "impact"}},
        {.name = "evaluation", .text = &Action::evaluation, .label = "Evaluation", .csv_column = 10,
         .csv_heading = "Evaluation Method", .cells = C::words,
         .headings = {"evaluation method", "evaluation methods", "evaluation"}},
        {.name = "timescale", .text = &Action::timescale, .label = "Timescale", .csv_column = 11,
         .csv_heading = "Timescale", .cells = C::words,
         .headings = {"time scale", "time scales", "timescale", "timescales", "time frame", "timeframe",
                      "time frames", "deadline", "deadlines", "target date", "due date", "when", "timeline"},
         .other_names = {"timeframe"}},
        {.name = "phases", .list = &Action::phases, .label = "Phases"},
        {.name = "owners", .list = &Action::owners, .label = "Owner", .csv_column = 12, .csv_heading = "Owner",
         .cells = C::names,
         .headings = {"who", "lead", "leads", "owner", "owners", "action owner", "action owners", "committee lead",
                      "committee leads", "lead person", "lead persons", "lead people", "responsible",
                      "responsibility"},
         .other_names = {"owner"}},
        {.name = "status", .text = &Action::status, .label = "Status", .csv_column = 13, .csv_heading = "RAG Status",
         .cells = C::own_code, .headings = {"rag", "rag status", "status", "rag rating", "progress status"},
         .other_names = {"rag"}},
        {.name = "comment", .text = &Action::comment, .label = "Comment", .csv_column = 14, .csv_heading = "Comment",
         .cells = C::words,
         .headings = {"comment", "comments", "progress update", "progress updates", "progress", "update", "updates"},
         .other_names = {"comments"}},
        {.name = "talent", .list = &Action::talent, .read_list = checked_talent, .label = "TALENT recommendations",
         .csv_column = 8, .csv_heading = "Talent Recommendations", .cells = C::own_code,
         .headings = {"talent recommendation", "talent recommendations", "talent", "talent commission recommendation",
                      "talent commission recommendations"}},
        {.name = "flags", .list = &Action::flags, .label = "Notes"},
        {.name = "steps", .label = "Steps"},
        {.name = "updates", .label = "Progress at each review"},
        {.name = "extra", .cells = C::own_code},
    };
}

}  // namespace

const std::vector<ActionField>& action_fields() {
    static const std::vector<ActionField> fields = make_fields();
    return fields;
}

const ActionField* find_action_field(std::string_view name) {
    for (const auto& f : action_fields())
        if (f.name == name) return &f;
    return nullptr;
}

const std::vector<std::string>& column_field_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& f : action_fields())
            if (f.cells != CellReading::none) out.emplace_back(f.name);
        return out;
    }();
    return names;
}

}  // namespace techpages
