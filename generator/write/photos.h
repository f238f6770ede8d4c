// Turns profile photos, case-study images and institution logos into web-ready versions with libvips:
// a few widths, WebP plus a JPEG fallback, every bit of metadata (EXIF, GPS) removed.
// Results are cached by content hash, so an unchanged photo is never processed twice.
#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "media/media_check.h"
#include "media/images.h"
#include "util/diagnostics.h"

namespace techpages {

struct PhotoStats {
    size_t processed = 0, cached = 0;
};

// Makes the versions of every picture named in `uses` (checked by check_media) into
// `out`, using and filling `cache_dir`. Problems are reported at the field naming the file.
ImageIndex process_photos(const std::vector<MediaUse>& uses, const std::filesystem::path& content,
                          const std::filesystem::path& out, const std::filesystem::path& cache_dir, unsigned threads,
                          PhotoStats& stats, Diagnostics& diagnostics);

}  // namespace techpages
