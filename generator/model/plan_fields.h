// The fields of an action in a plan, one row each: what the plan file calls it, where
// the model keeps it, the page's label for it, its column in the plan's CSV and the
// spreadsheet headings the importer reads as it. The plan reader, the TOML writer, the
// importer, the CSV export and the page's labels all read these rows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/site_model.h"

namespace techpages {

class FieldReader;

// How the importer reads a spreadsheet cell of this field.
enum class CellReading {
    none,      // not a spreadsheet column
    words,     // free text: a row that continues the action adds to it
    names,     // people: split at commas, semicolons and "and"
    own_code,  // read by code of its own in import/plan_import.cpp
};

struct ActionField {
    std::string_view name{};                          // the key in the plan file, in [labels] and in --map
    std::string Action::*text = nullptr;              // where a text field is kept
    std::vector<std::string> Action::*list = nullptr; // where a list field is kept
    // Reads and checks a list field (theme ids, TALENT recommendations); nullptr: any words.
    std::vector<std::string> (*read_list)(FieldReader&, const std::string& key) = nullptr;
    bool required = false;                            // the plan file must give it
    std::string_view label{};                         // the page's label where the plan has none ("" = none)
    int csv_column = 0;                               // its place in the plan's CSV, from 1 (0 = not there)
    std::string_view csv_heading{};                   // the CSV's heading where the plan has no label
    CellReading cells = CellReading::none;
    std::vector<std::string_view> headings{};         // spreadsheet headings read as it, normalised
    std::vector<std::string_view> other_names{};      // other words --map takes for it
};

// In the order an action's fields are written to a plan file.
const std::vector<ActionField>& action_fields();
const ActionField* find_action_field(std::string_view name);

// The fields a spreadsheet column can hold (--map FIELD), with "extra" for a column kept
// under its own heading.
const std::vector<std::string>& column_field_names();

}  // namespace techpages
