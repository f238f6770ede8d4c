// Reads a picture's header with libvips to say what it is, without decoding its pixels.
#include "media/media_header.h"

#include <vips/vips.h>

#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>

#include "util/text.h"

namespace techpages {

namespace fs = std::filesystem;

namespace {

const char* const save_as = "save it as a JPEG or PNG file, put that in the same folder and write its name here";

// The raster loaders accepted (libvips' class names), and the format each reads.
const char* accepted_format(std::string_view loader) {
    struct Entry {
        const char* loader;
        const char* format;
    };
    static const Entry accepted[] = {
        {"VipsForeignLoadJpegFile", "JPEG"}, {"VipsForeignLoadPngFile", "PNG"},   {"VipsForeignLoadSpngFile", "PNG"},
        {"VipsForeignLoadWebpFile", "WebP"}, {"VipsForeignLoadTiffFile", "TIFF"}, {"VipsForeignLoadNsgifFile", "GIF"},
        {"VipsForeignLoadGifFile", "GIF"},   {"VipsForeignLoadHeifFile", "HEIF"},
    };
    for (const auto& e : accepted)
        if (loader == e.loader) return e.format;
    return nullptr;
}

// What a file libvips reads but that is not accepted is, in plain words.
MediaHeader refused_loader(std::string_view loader) {
    MediaHeader h;
    h.remedy = save_as;
    if (loader.find("Svg") != std::string_view::npos) {
        h.problem = "is an SVG drawing, which can carry script";
        h.remedy = "save it as a PNG, put that in the same folder and write its name here";
    } else if (loader.find("Pdf") != std::string_view::npos) {
        h.problem = "is a PDF document, not a picture";
    } else if (loader.find("Magick") != std::string_view::npos) {
        h.problem = "is in a format that is not a web picture format (only JPEG, PNG, WebP, GIF, TIFF, HEIC and AVIF are)";
    } else {
        std::string name(loader.substr(std::min(loader.size(), sizeof("VipsForeignLoad") - 1)));
        if (name.size() > 4 && name.compare(name.size() - 4, 4, "File") == 0) name.resize(name.size() - 4);
        h.problem = "is a " + name + " file, not a picture format the site publishes (JPEG, PNG, WebP, GIF, TIFF, HEIC, AVIF)";
    }
    return h;
}

// What a file no libvips loader reads is, from its first bytes.
MediaHeader not_an_image(const fs::path& file) {
    MediaHeader h;
    h.remedy = save_as;
    std::ifstream in(file, std::ios::binary);
    std::string start(512, '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<size_t>(in.gcount()));
    std::string head = to_lower(trim(start));
    if (start.empty()) {
        h.problem = "is empty (0 bytes)";
        h.remedy = "upload the picture again";
    } else if (head.rfind("<", 0) == 0) {
        h.problem = "is HTML or XML text, not a picture";
    } else if (head.rfind("+++", 0) == 0 || head.rfind("---", 0) == 0) {
        h.problem = "is a content file (Markdown), not a picture";
    } else if (size_t bad = find_invalid_utf8(start);
               (bad == std::string::npos || bad + 4 > start.size()) && start.find('\0') == std::string::npos) {  // (a character cut at 512 bytes)
        h.problem = "is a text file, not a picture";
    } else {
        h.problem = "is not a picture in a format the site publishes (JPEG, PNG, WebP, GIF, TIFF, HEIC, AVIF)";
    }
    return h;
}

}  // namespace

std::string vips_error_line() {
    std::string message = trim(vips_error_buffer());
    vips_error_clear();
    auto newline = message.find('\n');
    return newline == std::string::npos ? message : message.substr(0, newline);
}

void ensure_vips_started() {
    static std::once_flag init;
    std::call_once(init, [] {
        if (VIPS_INIT("techpages")) std::fprintf(stderr, "techpages: libvips could not start\n");
        vips_cache_set_max(0);  // each photo is read once; caching decoded pixels only costs memory
        // Problems are reported as located diagnostics; libvips' own warnings would only repeat them.
        g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
    });
}

MediaHeader within_limits(MediaHeader h) {
    if (!h.ok()) return h;
    if (h.width > max_media_side || h.height > max_media_side ||
        static_cast<long long>(h.width) * h.height > max_media_pixels) {
        h.problem = "is " + std::to_string(h.width) + " × " + std::to_string(h.height) + " pixels, over the limit of " +
                    std::to_string(max_media_pixels / 1'000'000) + " megapixels and " + std::to_string(max_media_side) +
                    " pixels a side";
        h.remedy = "save a smaller copy (a photo 1600 pixels wide is plenty) and name that";
        h.format.clear();
    }
    return h;
}

MediaHeader inspect_media(const fs::path& file) {
    ensure_vips_started();
    const char* loader = vips_foreign_find_load(file.c_str());
    if (!loader) {
        vips_error_clear();
        return not_an_image(file);
    }
    const char* format = accepted_format(loader);
    if (!format) return refused_loader(loader);
    // Opening reads the header only: pixels are decoded when something asks for them.
    VipsImage* image = vips_image_new_from_file(file.c_str(), "access", VIPS_ACCESS_SEQUENTIAL, nullptr);
    MediaHeader h;
    if (!image) {
        h.problem = std::string("looks like a ") + format + " file but cannot be read (" + vips_error_line() + ")";
        h.remedy = "save it again from an image editor and upload that";
        return h;
    }
    h.format = format;
    h.width = vips_image_get_width(image);
    h.height = vips_image_get_height(image);
    g_object_unref(image);
    return within_limits(h);
}

std::string media_header_line(const MediaHeader& h) {
    return h.format + " " + std::to_string(h.width) + " " + std::to_string(h.height) + "\n";
}

bool parse_media_header_line(const std::string& line, MediaHeader& h) {
    std::istringstream in(line);
    MediaHeader read;
    if (!(in >> read.format >> read.width >> read.height) || read.width <= 0 || read.height <= 0) return false;
    for (const char* f : {"JPEG", "PNG", "WebP", "TIFF", "GIF", "HEIF"})
        if (read.format == f) {
            h = read;
            return true;
        }
    return false;
}

}  // namespace techpages
