#include "load/limits.h"

namespace techpages {

bool check_text_limits(std::string_view text, const std::string& path, int first_line, Diagnostics& diagnostics) {
    int line = first_line;
    size_t pipes = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            if (pipes > limits::table_columns) {
                diagnostics.error(path, {line, 1},
                                  "this line has " + std::to_string(pipes) + " table columns, more than the " +
                                      std::to_string(limits::table_columns) + " a page can show",
                                  "split the table into several narrower ones");
                return false;
            }
            pipes = 0;
            ++line;
        } else if (text[i] == '|') {
            ++pipes;
        }
    }
    return true;
}

bool check_toml_limits(std::string_view text, const std::string& path, int first_line, Diagnostics& diagnostics) {
    // Counts the dots outside strings and comments on each line: only dotted keys have many.
    int line = first_line;
    size_t dots = 0;
    enum class In { code, basic, literal, multi_basic, multi_literal, comment } in = In::code;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        auto starts = [&](std::string_view s) { return text.substr(i, s.size()) == s; };
        if (c == '\n') {
            if (dots > limits::toml_key_parts) {
                diagnostics.error(path, {line, 1}, "this field name has " + std::to_string(dots + 1) + " parts separated by dots",
                                  "use a plain name, e.g. title = \"...\" (at most " +
                                      std::to_string(limits::toml_key_parts) + " parts)");
                return false;
            }
            dots = 0;
            ++line;
            if (in == In::comment || in == In::basic || in == In::literal) in = In::code;
            continue;
        }
        switch (in) {
            case In::code:
                if (c == '#') in = In::comment;
                else if (starts("\"\"\"")) { in = In::multi_basic; i += 2; }
                else if (starts("'''")) { in = In::multi_literal; i += 2; }
                else if (c == '"') in = In::basic;
                else if (c == '\'') in = In::literal;
                else if (c == '.') ++dots;
                break;
            case In::basic:
                if (c == '\\') ++i;
                else if (c == '"') in = In::code;
                break;
            case In::literal:
                if (c == '\'') in = In::code;
                break;
            case In::multi_basic:
                if (c == '\\') ++i;
                else if (starts("\"\"\"")) { in = In::code; i += 2; }
                break;
            case In::multi_literal:
                if (starts("'''")) { in = In::code; i += 2; }
                break;
            case In::comment: break;
        }
    }
    if (dots > limits::toml_key_parts) {
        diagnostics.error(path, {line, 1}, "this field name has " + std::to_string(dots + 1) + " parts separated by dots",
                          "use a plain name, e.g. title = \"...\"");
        return false;
    }
    return true;
}

}  // namespace techpages
