// Writing JSON by hand, correctly escaped: diagnostics for tools, structured data, indexes.
#pragma once

#include <string>
#include <string_view>

namespace techpages {

// A JSON string literal, quotes included. Also escapes < > & so the result is safe
// inside an HTML <script> element.
std::string json_string(std::string_view text);

}  // namespace techpages
