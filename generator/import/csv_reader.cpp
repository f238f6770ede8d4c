#include "import/csv_reader.h"

#include <algorithm>
#include <cstdint>

#include "formats/csv_writer.h"
#include "util/text.h"

namespace techpages {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Excel's "Unicode Text" is UTF-16 with a byte-order mark.
std::string from_utf16(std::string_view bytes, bool little_endian) {
    std::string out;
    auto unit = [&](size_t i) -> uint32_t {
        auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? (a | (b << 8)) : ((a << 8) | b);
    };
    for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
            uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        append_utf8(out, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
    }
    return out;
}

// Excel's "CSV (Comma delimited)" on Windows: Windows-1252, which differs from
// Latin-1 only in 0x80–0x9F (curly quotes, dashes, €).
std::string from_windows_1252(std::string_view bytes) {
    static const uint16_t high[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                      0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        append_utf8(out, c >= 0x80 && c < 0xA0 ? high[c - 0x80] : c);
    }
    return out;
}

std::string normalise_line_endings(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

bool CsvRow::blank() const { return filled() == 0; }

size_t CsvRow::filled() const {
    size_t n = 0;
    for (const auto& c : cells)
        if (!trim(c).empty()) ++n;
    return n;
}

std::optional<std::string> decode_table_text(std::string_view bytes, std::string& encoding, CsvProblem& problem) {
    std::string text;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) {
        encoding = "UTF-16LE";
        text = from_utf16(bytes.substr(2), true);
    } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
               static_cast<unsigned char>(bytes[1]) == 0xFF) {
        encoding = "UTF-16BE";
        text = from_utf16(bytes.substr(2), false);
    } else {
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
        if (bytes.find('\0') != std::string_view::npos) {
            size_t at = bytes.find('\0');
            problem.pos = {1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + at, '\n')), 1};
            problem.message = "this file holds NUL bytes, so it is not text this command can read";
            problem.hint = "save the sheet as \"CSV UTF-8 (Comma delimited)\" or as \"Text (Tab delimited)\"";
            return std::nullopt;
        }
        if (find_invalid_utf8(bytes) == std::string_view::npos) {
            encoding = "UTF-8";
            text = std::string(bytes);
        } else {
            encoding = "Windows-1252";
            text = from_windows_1252(bytes);
        }
    }
    return normalise_line_endings(text);
}

char detect_delimiter(std::string_view text) {
    size_t tabs = 0, first_commas = 0, first_semicolons = 0;
    bool quoted = false, first_line = true, line_has_text = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\t') ++tabs;
        if (c == '\n') {
            if (line_has_text) first_line = false;
            continue;
        }
        if (!std::isspace(static_cast<unsigned char>(c))) line_has_text = true;
        if (first_line && c == ',') ++first_commas;
        if (first_line && c == ';') ++first_semicolons;
    }
    if (tabs) return '\t';
    return first_semicolons > first_commas ? ';' : ',';
}

std::optional<CsvTable> parse_csv(std::string_view text, char delimiter, CsvProblem& problem) {
    CsvTable table;
    table.delimiter = delimiter;
    size_t i = 0;
    int line = 1, column = 1;  // of text[i]
    auto advance = [&](size_t to) {
        for (; i < to; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if (!is_continuation_byte(text[i])) {
                ++column;
            }
        }
    };
    CsvRow row;
    row.line = 1;
    bool row_open = false;
    while (i <= text.size()) {
        if (i == text.size()) {
            if (row_open) table.rows.push_back(std::move(row));
            break;
        }
        if (!row_open) {
            row = CsvRow();
            row.line = line;
            row_open = true;
        }
        SourcePos start{line, column};
        std::string cell;
        bool read = false;
        if (text[i] == '"') {
            // A quoted cell: up to the quote that is not doubled.
            size_t j = i + 1;
            std::string inner;
            bool closed = false;
            while (j < text.size()) {
                if (text[j] == '"') {
                    if (j + 1 < text.size() && text[j + 1] == '"') {
                        inner += '"';
                        j += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                inner += text[j++];
            }
            if (closed && (j + 1 == text.size() || text[j + 1] == delimiter || text[j + 1] == '\n')) {
                cell = std::move(inner);
                advance(j + 1);
                read = true;
            } else if (!closed && delimiter != '\t') {
                problem.pos = start;
                problem.message = "this cell opens a quote that is never closed";
                problem.hint = "end the cell with \" (write a quote inside a quoted cell as \"\"), or save the sheet again from Excel";
                return std::nullopt;
            }
            // Otherwise the quote is ordinary text ("Our Citizens" through …): read as written.
        }
        if (!read) {
            size_t j = i;
            while (j < text.size() && text[j] != delimiter && text[j] != '\n') ++j;
            cell = std::string(text.substr(i, j - i));
            advance(j);
        }
        row.cells.push_back(unguard_formula(cell));
        row.positions.push_back(start);
        if (i < text.size() && text[i] == delimiter) {
            advance(i + 1);
            if (i == text.size()) {  // a delimiter at the very end: one more, empty, cell
                row.cells.emplace_back();
                row.positions.push_back({line, column});
            }
            continue;
        }
        if (i < text.size() && text[i] == '\n') {
            advance(i + 1);
            table.rows.push_back(std::move(row));
            row_open = false;
            continue;
        }
    }
    return table;
}

std::optional<CsvTable> read_csv(std::string_view bytes, CsvProblem& problem) {
    std::string encoding;
    auto text = decode_table_text(bytes, encoding, problem);
    if (!text) return std::nullopt;
    auto table = parse_csv(*text, detect_delimiter(*text), problem);
    if (table) table->encoding = encoding;
    return table;
}

}  // namespace techpages
