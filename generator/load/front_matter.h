// Splits a Markdown file into its TOML front matter (between +++ lines) and its body.
#pragma once

#include <string>

#include "load/source_file.h"

namespace techpages {

struct FrontMatterSplit {
    std::string front;    // the TOML between the +++ lines
    int front_line = 0;   // file line on which `front` starts (1-based)
    std::string body;     // the Markdown after the closing +++
    int body_line = 0;    // file line on which `body` starts
};

// Reports a located error and returns false when the +++ lines are missing or unclosed.
bool split_front_matter(const SourceFile& file, FrontMatterSplit& out, Diagnostics& diagnostics);

}  // namespace techpages
