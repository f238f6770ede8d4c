// Writes a table as CSV the way Excel reads it back: RFC 4180 quoting, CRLF between
// rows, UTF-8 with a byte-order mark so Excel does not take it for Windows-1252.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace techpages {

// The cell as it goes in the file: quoted when it holds the delimiter, a quote or a
// line break (or starts or ends with a space), with quotes doubled.
std::string csv_cell(std::string_view text, char delimiter = ',');

// Rows joined with CRLF; `bom` puts the UTF-8 byte-order mark first.
std::string write_csv(const std::vector<std::vector<std::string>>& rows, char delimiter = ',', bool bom = true);

}  // namespace techpages
