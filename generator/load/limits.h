// Bounds on what one content file may ask of the build, so a crafted or damaged file
// gets a located error instead of hanging or crashing it. Documented in docs/limits.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/diagnostics.h"

namespace techpages {

namespace limits {
constexpr size_t content_file_bytes = 1024 * 1024;  // a profile is a few KB; a plan under 100 KB
constexpr size_t front_matter_bytes = 64 * 1024;
// toml++ 3.3 recurses once per part of a dotted key and overflows the stack on tens of
// thousands (a.b.c.…); arrays and inline tables it bounds itself (256 levels).
constexpr size_t toml_key_parts = 64;
// cmark-gfm 0.29.0.gfm.6 takes quadratic time on very wide tables (fixed upstream in
// gfm.7–gfm.12): 50,000 columns take minutes, 1,000 about a second.
constexpr size_t table_columns = 256;
constexpr size_t list_items = 200;       // skills, themes, owners … in one field
// A skill's address is a folder name (at most 255 bytes on Linux file systems); a skill
// is a few words.
constexpr size_t term_address_bytes = 120;
constexpr size_t plan_actions = 2000;
}  // namespace limits

// Checks the whole text of a content file; reports each problem at its line.
bool check_text_limits(std::string_view text, const std::string& path, int first_line, Diagnostics& diagnostics);
// Checks TOML text before it reaches the parser.
bool check_toml_limits(std::string_view text, const std::string& path, int first_line, Diagnostics& diagnostics);

}  // namespace techpages
