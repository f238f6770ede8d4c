// Colours as WCAG 2.2 measures them: relative luminance and contrast ratio of sRGB
// "#rrggbb" colours, and the nearest colour that reaches a contrast.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace techpages {

struct Rgb {
    int r = 0, g = 0, b = 0;  // 0–255
};

// "#1d4e89" (either case); anything else is nullopt.
std::optional<Rgb> parse_hex_colour(std::string_view text);
std::string hex_colour(const Rgb& c);  // lower case, "#1d4e89"

// WCAG 2.2 relative luminance, 0 (black) to 1 (white).
double relative_luminance(const Rgb& c);
// (lighter + 0.05) / (darker + 0.05): 1 to 21.
double contrast_ratio(const Rgb& a, const Rgb& b);

// The colour closest to `c` in lightness, keeping its hue and saturation (HSL), that
// has at least `ratio` contrast against `text`: darker or lighter, whichever needs the
// smaller change. `c` itself when it already passes.
Rgb nearest_contrasting_colour(const Rgb& c, const Rgb& text, double ratio);

}  // namespace techpages
