// Which column of a plan's spreadsheet feeds which field of the plan: finds the header
// row (and the copies of it repeated at page breaks), matches its headings by the names
// real plans use ("Ref.", "Activity Number", "Lead Person(s)", "Success Measures/Impact"
// …), applies --map overrides, and works out from the cells what the headings leave
// open: an unheaded column of refs, a heading that spans two columns, whether an
// Area/Theme column is the plan's grouping or each action's own themes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/csv_reader.h"

namespace techpages {

// "Lead Person(s)" → "lead persons", "Success Measures/Impact" → "success measures impact".
std::string normalise_heading(std::string_view heading);
// The field a heading names, or "" for none: a field of model/plan_fields.h, or "area" (a
// heading that may be themes or a grouping, decided from the cells).
std::string field_for_heading(std::string_view heading);

// --map COLUMN=FIELD: COLUMN is a heading (matched like headings are) or a column number.
struct ColumnOverride {
    std::string column, field;
};
// Parses "Who=owners"; on a mistake returns nullopt with `error` saying what to write.
std::optional<ColumnOverride> parse_column_override(std::string_view text, std::string& error);

struct ColumnPlan {
    size_t header_row = 0;             // index into the table's rows
    std::vector<size_t> header_rows;   // every row that is the header or a repeat of it
    std::vector<std::string> headings;  // one per column, as written ("" when none)
    std::vector<std::string> fields;    // one per column: a field, "extra", or "" (always empty)
    std::vector<std::string> notes;     // how the layout was worked out, for the report
    size_t column_of(const std::string& field) const;  // first column feeding it, or npos
    // The key a column's cells are kept under in [actions.extra]: its heading, else "Column N".
    std::string extra_key(size_t column) const;
};

struct ColumnProblem {
    SourcePos pos{1, 1};
    std::string message, hint;
};

std::optional<ColumnPlan> plan_columns(const CsvTable& table, const std::vector<ColumnOverride>& overrides,
                                       ColumnProblem& problem);

}  // namespace techpages
