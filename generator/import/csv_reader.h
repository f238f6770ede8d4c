// Reads a table saved from Excel or Word: comma-, semicolon- or tab-separated text,
// with RFC 4180 quoting (quoted cells holding delimiters, doubled quotes and line
// breaks), in UTF-8 with or without a byte-order mark (UTF-16 "Unicode Text" and
// Windows-1252 are converted), with CRLF, LF or CR line endings. Every row keeps the
// line it starts on, so later stages can say "row 14" and point at a cell.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.h"

namespace techpages {

struct CsvRow {
    int line = 0;                      // 1-based line of the file the row starts on
    std::vector<std::string> cells;    // as written, line breaks inside cells as "\n", the
                                       // formula guard undone (unguard_formula, csv_writer.h)
    std::vector<SourcePos> positions;  // where each cell starts
    bool blank() const;                // every cell empty or white space
    size_t filled() const;             // cells with text in them
};

struct CsvTable {
    char delimiter = ',';
    std::string encoding = "UTF-8";  // what the bytes were read as
    std::vector<CsvRow> rows;
};

// A problem that stops the file being read, with where it is.
struct CsvProblem {
    SourcePos pos{1, 1};
    std::string message, hint;
};

// Bytes as saved → UTF-8 text with "\n" line endings and no byte-order mark. `encoding`
// says what the bytes were taken to be. Fails only on text that is no encoding we know.
std::optional<std::string> decode_table_text(std::string_view bytes, std::string& encoding, CsvProblem& problem);

// Tab if any line has a tab outside quotes, else ';' when the first line has more
// semicolons than commas, else ','.
char detect_delimiter(std::string_view text);

// Splits decoded text into rows. Quotes are special only at the start of a cell (as in
// Excel); a cell that starts with a quote but goes on after the closing quote is read
// as written. Fails on a quoted cell that is never closed (except in tab-separated
// text, where a lone quote is ordinary text).
std::optional<CsvTable> parse_csv(std::string_view text, char delimiter, CsvProblem& problem);

// decode_table_text + detect_delimiter + parse_csv.
std::optional<CsvTable> read_csv(std::string_view bytes, CsvProblem& problem);

}  // namespace techpages
