#include "import/csv_writer.h"

namespace techpages {

std::string csv_cell(std::string_view text, char delimiter) {
    bool quote = text.find_first_of(std::string{'"', '\n', '\r', delimiter}) != std::string_view::npos ||
                 (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        if (c == '\n') {  // Excel writes line breaks inside cells as a bare LF
            out += '\n';
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows, char delimiter, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    for (const auto& row : rows) {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i) out += delimiter;
            out += csv_cell(row[i], delimiter);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace techpages
