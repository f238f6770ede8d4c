#include "load/toml_reader.h"

#include <cctype>

#include "load/limits.h"
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
    if (d.find("redefin") != std::string::npos || d.find("already") != std::string::npos)
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

std::string_view line_of_text(std::string_view text, size_t line) {
    size_t start = 0;
    for (size_t l = 1; l < line && start != std::string_view::npos; ++l) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos) return {};
    size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// The mistakes contributors really make, said in their words rather than the parser's.
// May move `pos` to where the mistake is. Returns message and hint, or nothing.
std::optional<std::pair<std::string, std::string>> plain_words(std::string_view text, size_t line,
                                                               const std::string& description, int first_line,
                                                               SourcePos& pos) {
    std::string d = to_lower(description);
    std::string_view source_line = line_of_text(text, line);
    // "key = " at the line's start (std::regex would recurse once per character of a long line).
    size_t at = 0;
    auto skip_blanks = [&] {
        while (at < source_line.size() && (source_line[at] == ' ' || source_line[at] == '\t')) ++at;
    };
    skip_blanks();
    size_t key_start = at;
    while (at < source_line.size() && (std::isalnum(static_cast<unsigned char>(source_line[at])) || source_line[at] == '_' ||
                                       source_line[at] == '-'))
        ++at;
    size_t key_end = at;
    skip_blanks();
    bool has_key = key_end > key_start && at < source_line.size() && source_line[at] == '=';
    if (has_key) {
        ++at;
        skip_blanks();
    }
    size_t value_start = at;  // after "key = "
    std::string key = has_key ? std::string(source_line.substr(key_start, key_end - key_start)) : std::string();
    if (d.find("redefine") != std::string::npos && has_key)
        return std::pair{"the field '" + key + "' is written twice",
                         std::string("each field may appear once; remove or rename the repeated one")};
    if (d.find("unescaped control character") != std::string::npos || d.find("newline") != std::string::npos)
        return std::pair{std::string("this text in quotes is never closed"),
                         std::string("close the text with the same quote mark it opened with (\"...\"), or use \"\"\" for text over several lines")};
    if (d.find("expected day between") != std::string::npos && has_key) {
        std::string_view value = source_line.substr(value_start, 10);
        bool is_date = value.size() == 10;
        for (size_t i = 0; i < value.size() && is_date; ++i)
            is_date = (i == 4 || i == 7) ? value[i] == '-' : std::isdigit(static_cast<unsigned char>(value[i])) != 0;
        if (is_date) {
            pos = {static_cast<int>(line) + first_line - 1, static_cast<int>(value_start) + 1};
            return std::pair{"'" + key + "' is " + std::string(value) + ", a day that does not exist",
                             "check the month and day; write it like " + key + " = 2024-05-01"};
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<toml::table> parse_toml(std::string_view text, const std::string& path, int first_line,
                                      Diagnostics& diagnostics) {
    if (!check_toml_limits(text, path, first_line, diagnostics)) return std::nullopt;
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        SourcePos pos{static_cast<int>(begin.line) + first_line - 1, static_cast<int>(begin.column)};
        if (begin.line == 0) pos = {first_line, 1};
        std::string description(e.description());
        if (auto friendly = plain_words(text, begin.line, description, first_line, pos)) {
            diagnostics.error(path, pos, friendly->first, friendly->second);
            return std::nullopt;
        }
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
