// The starting file for each kind of content `techpages new` writes: every field,
// each explained in a comment, with values that already pass `techpages check`.
#pragma once

#include <string>
#include <vector>

namespace techpages::scaffold {

struct StartingFileValues {
    std::string slug;         // the new file's (or institution folder's) name
    std::string title;        // the slug as words: "jane-doe" → "Jane Doe"
    std::string today;        // YYYY-MM-DD
    std::string institution;  // the institution folder it goes in
};

// The kinds `techpages new` knows, in the order the help lists them.
const std::vector<std::string>& content_kinds();
// The file's text for `kind` (one of content_kinds()).
std::string starting_file(const std::string& kind, const StartingFileValues& values);

}  // namespace techpages::scaffold
