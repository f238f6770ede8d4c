// Rows of a plan's spreadsheet → an action plan (the model's Plan record, ready to be
// written as TOML) and a report of everything a person should look at: which column
// became which field, which columns fit no field (kept per action in [actions.extra]),
// rows the extraction broke (joined to the action above) and rows that could not be
// placed (kept in the action above's extra "Unplaced text", never dropped).
#pragma once

#include <string>
#include <vector>

#include "import/csv_reader.h"
#include "import/plan_columns.h"
#include "model/site_model.h"

namespace techpages {

struct ImportReport {
    std::vector<std::string> columns;   // "Ref. → ref", one per column that feeds a field
    std::vector<std::string> unmapped;  // headings kept in each action's [actions.extra]
    std::vector<std::string> unplaced;  // "row 14: could not place this row: …"
    std::vector<std::string> notes;     // everything else worth a look, in row order
    std::string title_from;             // where the plan's title came from
};

struct ImportedPlan {
    Plan plan;
    // Per action (parallel to plan.actions): what to say above it in the TOML file.
    std::vector<std::vector<std::string>> action_notes;
    ImportReport report;
};

// `fallback_title` is used when no line above the table reads like a title.
ImportedPlan import_plan_table(const CsvTable& table, const ColumnPlan& columns, const std::string& fallback_title);

// The key an unplaced row's text is kept under in [actions.extra].
inline constexpr const char* unplaced_key = "Unplaced text";

}  // namespace techpages
