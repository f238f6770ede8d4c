// Small helpers for the unit tests: finding diagnostics by what they say.
// (Not a *_test.cpp file, so it is only compiled where included.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.h"

namespace techpages::testing {

// Every diagnostic, one formatted line each: printed when an expectation fails.
inline std::string dump(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics.sorted()) out += "  " + format_diagnostic(d) + "\n";
    return out.empty() ? "  (no diagnostics)\n" : out;
}

// The diagnostics of one severity whose message contains `needle`.
inline std::vector<Diagnostic> matching(const Diagnostics& diagnostics, Severity severity, std::string_view needle) {
    std::vector<Diagnostic> out;
    for (const auto& d : diagnostics.sorted())
        if (d.severity == severity && d.message.find(needle) != std::string::npos) out.push_back(d);
    return out;
}

inline std::vector<Diagnostic> errors_with(const Diagnostics& diagnostics, std::string_view needle) {
    return matching(diagnostics, Severity::error, needle);
}

inline std::vector<Diagnostic> warnings_with(const Diagnostics& diagnostics, std::string_view needle) {
    return matching(diagnostics, Severity::warning, needle);
}

inline bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace techpages::testing
