// Parses TOML text with toml++, turning syntax errors into located diagnostics.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "util/diagnostics.h"

namespace techpages {

// `first_line` is the file line on which `text` starts, so positions point into the
// file as the contributor sees it (front matter starts on line 2).
std::optional<toml::table> parse_toml(std::string_view text, const std::string& path, int first_line,
                                      Diagnostics& diagnostics);

// Where a TOML node sits in the file, shifted by `first_line`.
SourcePos node_position(const toml::node& node, int first_line);

}  // namespace techpages
