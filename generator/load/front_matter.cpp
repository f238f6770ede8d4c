#include "load/front_matter.h"

#include "load/limits.h"

namespace techpages {

namespace {

// True when the line [begin, end) is "+++" give or take trailing spaces.
bool is_fence(const std::string& text, size_t begin, size_t end) {
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    return end - begin == 3 && text.compare(begin, 3, "+++") == 0;
}

}  // namespace

bool split_front_matter(const SourceFile& file, FrontMatterSplit& out, Diagnostics& diagnostics) {
    const std::string& text = file.text;
    size_t first_end = text.find('\n');
    if (first_end == std::string::npos) first_end = text.size();
    if (!is_fence(text, 0, first_end)) {
        std::string hint = "start the file with a line holding only +++, then the fields, then another +++ line";
        if (text.compare(0, 3, "---") == 0)
            hint = "front matter here is TOML between +++ lines, not YAML between --- lines: change both --- lines to +++ and write fields as name = \"value\"";
        diagnostics.error(file.path, {1, 1}, "the file does not start with front matter", hint);
        return false;
    }
    size_t line_start = first_end + 1;
    int line = 2;
    while (line_start <= text.size()) {
        size_t line_end = text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = text.size();
        if (is_fence(text, line_start, line_end)) {
            out.front = text.substr(first_end + 1, line_start - (first_end + 1));
            if (out.front.size() > limits::front_matter_bytes) {
                diagnostics.error(file.path, {1, 1},
                                  "the front matter is " + std::to_string(out.front.size() / 1024) + " KB, over the " +
                                      std::to_string(limits::front_matter_bytes / 1024) + " KB limit",
                                  "keep the fields short and put long text in the Markdown after the closing +++");
                return false;
            }
            out.front_line = 2;
            out.body = line_end < text.size() ? text.substr(line_end + 1) : std::string();
            out.body_line = line + 1;
            return true;
        }
        if (line_end == text.size()) break;
        line_start = line_end + 1;
        ++line;
    }
    diagnostics.error(file.path, {1, 1}, "the front matter opened by +++ on line 1 is never closed",
                      "add a line holding only +++ after the last field, before the Markdown text");
    return false;
}

}  // namespace techpages
