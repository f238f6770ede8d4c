// Web-ready versions of a content photo: several widths, WebP with a JPEG fallback,
// metadata removed. Made by write/photos.cpp, placed in pages by the templates.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace techpages {

struct ImageVariant {
    int width = 0, height = 0;
    std::string jpeg, webp;  // site paths
};

struct ResponsiveImage {
    std::vector<ImageVariant> variants;  // narrowest first
    const ImageVariant& largest() const { return variants.back(); }
    // The variant to use as <img src>: the widest not over `preferred` pixels.
    const ImageVariant& fallback(int preferred = 640) const {
        const ImageVariant* best = &variants.front();
        for (const auto& v : variants)
            if (v.width <= preferred) best = &v;
        return *best;
    }
};

// Content-relative path of the original ("institutions/lstm/profiles/a.jpg") → its versions.
using ImageIndex = std::map<std::string, ResponsiveImage>;

}  // namespace techpages
