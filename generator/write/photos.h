// Turns profile photos and case-study images into web-ready versions with libvips:
// a few widths, WebP plus a JPEG fallback, every bit of metadata (EXIF, GPS) removed.
// Results are cached by content hash, so an unchanged photo is never processed twice.
#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "render/images.h"
#include "util/diagnostics.h"

namespace techpages {

struct PhotoStats {
    size_t processed = 0, cached = 0;
};

// Makes the versions of every photo in `photos` (content-relative paths) into `out`,
// using and filling `cache_dir`. Problems (a file that is not an image) are reported.
ImageIndex process_photos(const std::set<std::string>& photos, const std::filesystem::path& content,
                          const std::filesystem::path& out, const std::filesystem::path& cache_dir, unsigned threads,
                          PhotoStats& stats, Diagnostics& diagnostics);

// True for the formats processed (JPEG, PNG, WebP, TIFF, GIF); others (SVG) are copied as they are.
bool is_raster_photo(const std::string& path);

}  // namespace techpages
