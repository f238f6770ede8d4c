#include "util/colour.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace techpages {

std::optional<Rgb> parse_hex_colour(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    int v[3];
    for (int i = 0; i < 3; ++i) {
        int n = 0;
        for (char ch : text.substr(1 + 2 * i, 2)) {
            n *= 16;
            if (ch >= '0' && ch <= '9') n += ch - '0';
            else if (ch >= 'a' && ch <= 'f') n += ch - 'a' + 10;
            else if (ch >= 'A' && ch <= 'F') n += ch - 'A' + 10;
            else return std::nullopt;
        }
        v[i] = n;
    }
    return Rgb{v[0], v[1], v[2]};
}

std::string hex_colour(const Rgb& c) {
    char out[8];
    std::snprintf(out, sizeof out, "#%02x%02x%02x", c.r, c.g, c.b);
    return out;
}

double relative_luminance(const Rgb& c) {
    auto channel = [](int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(const Rgb& a, const Rgb& b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

namespace {

struct Hsl {
    double h, s, l;  // h in [0, 6), s and l in [0, 1]
};

Hsl to_hsl(const Rgb& c) {
    double r = c.r / 255.0, g = c.g / 255.0, b = c.b / 255.0;
    double hi = std::max({r, g, b}), lo = std::min({r, g, b}), d = hi - lo;
    Hsl out{0, 0, (hi + lo) / 2};
    if (d == 0) return out;
    out.s = d / (1 - std::fabs(2 * out.l - 1));
    if (hi == r) out.h = std::fmod((g - b) / d + 6, 6);
    else if (hi == g) out.h = (b - r) / d + 2;
    else out.h = (r - g) / d + 4;
    return out;
}

Rgb to_rgb(const Hsl& c) {
    double chroma = (1 - std::fabs(2 * c.l - 1)) * c.s;
    double x = chroma * (1 - std::fabs(std::fmod(c.h, 2) - 1));
    double r = 0, g = 0, b = 0;
    switch (static_cast<int>(c.h)) {
        case 0: r = chroma, g = x; break;
        case 1: r = x, g = chroma; break;
        case 2: g = chroma, b = x; break;
        case 3: g = x, b = chroma; break;
        case 4: r = x, b = chroma; break;
        default: r = chroma, b = x; break;
    }
    double m = c.l - chroma / 2;
    auto byte = [m](double v) { return std::clamp(static_cast<int>(std::lround((v + m) * 255)), 0, 255); };
    return {byte(r), byte(g), byte(b)};
}

}  // namespace

Rgb nearest_contrasting_colour(const Rgb& c, const Rgb& text, double ratio) {
    if (contrast_ratio(c, text) >= ratio) return c;
    Hsl hsl = to_hsl(c);
    // Step lightness away from the colour in both directions, 0.5% at a time; the first
    // step that passes is the nearest. Black and white end each direction.
    for (int step = 1; step <= 200; ++step) {
        double delta = step * 0.005;
        for (double l : {hsl.l - delta, hsl.l + delta}) {
            if (l < 0 || l > 1) continue;
            Rgb candidate = to_rgb({hsl.h, hsl.s, l});
            if (contrast_ratio(candidate, text) >= ratio) return candidate;
        }
    }
    return relative_luminance(text) > 0.18 ? Rgb{0, 0, 0} : Rgb{255, 255, 255};
}

}  // namespace techpages
