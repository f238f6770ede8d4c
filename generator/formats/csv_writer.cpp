#include "formats/csv_writer.h"

namespace techpages {

namespace {

bool starts_formula(std::string_view text) {
    return !text.empty() && std::string_view("=+-@'\t\r").find(text.front()) != std::string_view::npos;
}

}  // namespace

std::string guard_formula(std::string_view text) {
    std::string out = starts_formula(text) ? "'" : "";
    return out.append(text);
}

std::string unguard_formula(std::string_view text) {
    bool guarded = text.size() > 1 && text.front() == '\'' && (starts_formula(text.substr(1)) || text[1] == '\n');
    return std::string(guarded ? text.substr(1) : text);
}

std::string csv_cell(std::string_view raw, char delimiter) {
    std::string guarded = guard_formula(raw);
    std::string_view text = guarded;
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
