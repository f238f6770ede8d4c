// What a contributor's picture really is, judged by its bytes and never by its name:
// which libvips loader reads it and how large its first image is, read from the header
// alone (no pixels are decoded). Only raster formats are accepted; anything else —
// HTML, SVG, PDF, Markdown, formats libvips reads through ImageMagick — is refused
// with a sentence a technician understands.
#pragma once

#include <filesystem>
#include <string>

namespace techpages {

// Pictures larger than this are refused before they are decoded: a small file can claim
// 50,000 × 50,000 pixels and take a minute and gigabytes to decode. A 48-megapixel phone
// photo (8000 × 6000) passes.
constexpr long long max_media_pixels = 60'000'000;
constexpr int max_media_side = 20'000;

struct MediaHeader {
    std::string format;  // "JPEG", "PNG", "WebP", "TIFF", "GIF", "HEIF" (HEIC, AVIF); empty when refused
    int width = 0, height = 0;
    std::string problem;  // when refused: "is an SVG drawing, which can carry script"
    std::string remedy;   // and what to do about it
    bool ok() const { return problem.empty(); }
};

// Reads `file`'s header with libvips (starting it the first time).
MediaHeader inspect_media(const std::filesystem::path& file);

// The same check on a header already known (from the cache): within the pixel limits?
MediaHeader within_limits(MediaHeader header);

// One line for the cache, and back ("JPEG 4000 3000"); false when the line is not one.
std::string media_header_line(const MediaHeader& header);
bool parse_media_header_line(const std::string& line, MediaHeader& header);

// Starts libvips once per process. Starting it loads its modules, which costs more than a
// whole rebuild from the cache: only when a picture really needs looking at.
void ensure_vips_started();
// The first line of libvips' last error, which it then forgets.
std::string vips_error_line();

}  // namespace techpages
