// An action plan → a table with one row per action, in the columns the plan's own
// labels name (so a plan imported from a spreadsheet goes back to the same headings and
// the same cells), then one column per [actions.extra] key.
#pragma once

#include <string>
#include <vector>

#include "model/site_model.h"

namespace techpages {

// The header row first. A grouping's title (and aim) is written on the first row of its
// run of actions, as a merged cell reads when saved; themes are joined with "; ",
// owners and TALENT recommendations with ", "; a priority without a word of its own
// is a * before the ref.
std::vector<std::vector<std::string>> plan_table(const Plan& plan);

// plan_table as CSV (UTF-8 with byte-order mark, CRLF), ready for Excel.
std::string plan_csv(const Plan& plan);

}  // namespace techpages
