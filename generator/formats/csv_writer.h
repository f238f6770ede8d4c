// Writes a table as CSV the way Excel reads it back: RFC 4180 quoting, CRLF between
// rows, UTF-8 with a byte-order mark so Excel does not take it for Windows-1252.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace techpages {

// A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return as a
// formula (=HYPERLINK(…), +cmd|…); such a cell gets a ' in front, as OWASP advises, and
// so does a cell that itself starts with ', so the rule can be undone without doubt:
// unguard_formula drops a leading ' only when the next character is one of = + - @ '
// tab CR (or LF, which CR becomes when read back).
std::string guard_formula(std::string_view text);
std::string unguard_formula(std::string_view text);

// The cell as it goes in the file: guarded (above), then quoted when it holds the
// delimiter, a quote or a line break (or starts or ends with a space), quotes doubled.
std::string csv_cell(std::string_view text, char delimiter = ',');

// Rows joined with CRLF; `bom` puts the UTF-8 byte-order mark first.
std::string write_csv(const std::vector<std::vector<std::string>>& rows, char delimiter = ',', bool bom = true);

}  // namespace techpages
