#include "load/toml_reader.h"

#include "load/source_file.h"
#include "util/text.h"

namespace techpages {

SourcePos node_position(const toml::node& node, int first_line) {
    const auto& begin = node.source().begin;
    if (begin.line == 0) return {};
    return {static_cast<int>(begin.line) + first_line - 1, static_cast<int>(begin.column)};
}

namespace {

// toml++ explains errors for programmers; add what a contributor should do.
std::string hint_for(std::string_view description) {
    std::string d = to_lower(description);
    if (d.find("string") != std::string::npos && (d.find("end") != std::string::npos || d.find("closing") != std::string::npos))
        return "close the text with the same quote mark it opened with (\"...\"), or use \"\"\" for text over several lines";
    if (d.find("redefinition") != std::string::npos || d.find("already") != std::string::npos)
        return "each field may appear once; remove or rename the repeated one";
    if (d.find("expected") != std::string::npos && d.find("=") != std::string::npos)
        return "write each field as name = value, with text in double quotes";
    if (d.find("date") != std::string::npos || d.find("time") != std::string::npos)
        return "write dates as YYYY-MM-DD, for example 2024-05-01";
    return "write each field as name = value: text in double quotes (\"...\"), lists in [ ], dates as YYYY-MM-DD";
}

// An unclosed """ or ''' string runs to the end of the text, where toml++ reports it;
// the contributor's mistake is where the string opened. Returns that offset, or npos.
size_t unclosed_multiline_string(std::string_view text) {
    for (std::string_view fence : {std::string_view("\"\"\""), std::string_view("'''")}) {
        size_t count = 0, last = std::string_view::npos;
        for (size_t pos = text.find(fence); pos != std::string_view::npos; pos = text.find(fence, pos + 3)) {
            ++count;
            last = pos;
        }
        if (count % 2 == 1) return last;
    }
    return std::string_view::npos;
}

}  // namespace

std::optional<toml::table> parse_toml(std::string_view text, const std::string& path, int first_line,
                                      Diagnostics& diagnostics) {
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        SourcePos pos{static_cast<int>(begin.line) + first_line - 1, static_cast<int>(begin.column)};
        if (begin.line == 0) pos = {first_line, 1};
        std::string description(e.description());
        if (description.find("end-of-file") != std::string::npos) {
            size_t open = unclosed_multiline_string(text);
            if (open != std::string_view::npos) {
                pos = position_of(std::string(text), open);
                pos.line += first_line - 1;
                diagnostics.error(path, pos, "this text opened with three quotes is never closed",
                                  "end it with the same three quotes, or use one pair of \"...\" for text on one line");
                return std::nullopt;
            }
        }
        diagnostics.error(path, pos, "this is not valid TOML (" + description + ")", hint_for(description));
        return std::nullopt;
    }
}

}  // namespace techpages
