#include "write/photos.h"

#include <vips/vips.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <mutex>

#include "media/media_header.h"
#include "util/files.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "util/text.h"

namespace techpages {

namespace fs = std::filesystem;

namespace {

// Change this when the processing changes, so old cache entries are not reused.
constexpr const char* recipe = "photos-v4 widths=320,640,1280+original jpeg-q=82 webp-q=78 strip";

// libvips 8.14's WebP saver writes an EXIF chunk even when told to strip metadata.
// Removes the EXIF and XMP chunks from the RIFF container and clears their flags.
std::string without_webp_metadata(std::string_view webp) {
    auto u32 = [](const char* p) {
        return static_cast<uint32_t>(static_cast<unsigned char>(p[0])) | static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
               static_cast<uint32_t>(static_cast<unsigned char>(p[2])) << 16 | static_cast<uint32_t>(static_cast<unsigned char>(p[3])) << 24;
    };
    if (webp.size() < 12 || webp.compare(0, 4, "RIFF") != 0 || webp.compare(8, 4, "WEBP") != 0) return std::string(webp);
    std::string out(webp.substr(0, 12));
    for (size_t p = 12; p + 8 <= webp.size();) {
        std::string_view id = webp.substr(p, 4);
        size_t size = u32(webp.data() + p + 4);
        size_t total = 8 + size + (size & 1);
        if (p + total > webp.size()) return std::string(webp);  // not a file we understand: leave it
        if (id != "EXIF" && id != "XMP ") {
            std::string chunk(webp.substr(p, total));
            if (id == "VP8X" && size >= 1) chunk[8] = static_cast<char>(chunk[8] & ~0x0C);  // EXIF 0x08, XMP 0x04
            out += chunk;
        }
        p += total;
    }
    uint32_t riff = static_cast<uint32_t>(out.size() - 8);
    for (int i = 0; i < 4; ++i) out[4 + i] = static_cast<char>((riff >> (8 * i)) & 0xff);
    return out;
}

struct Made {
    std::vector<std::pair<int, int>> sizes;  // width, height of each variant
};

// Reads "w h" lines from a cache entry's index file.
bool read_cache_index(const fs::path& index, Made& made) {
    auto text = read_file(index);
    if (!text) return false;
    int w, h;
    const char* p = text->c_str();
    int consumed;
    while (std::sscanf(p, "%d %d\n%n", &w, &h, &consumed) == 2) {
        made.sizes.push_back({w, h});
        p += consumed;
    }
    return !made.sizes.empty();
}

// Makes every variant into the cache. Returns false with a message when the file is not an image.
bool make_variants(const fs::path& source, const fs::path& cache_base, Made& made, std::string& error) {
    // Checked before the build (media/media_check.cpp), and again here, where the file is
    // decoded: only a raster picture within the pixel limits is ever decoded.
    MediaHeader header = inspect_media(source);
    if (!header.ok()) {
        error = header.problem;
        return false;
    }
    int original = header.width;
    // The standard widths below the original's, then the original's own width (capped), so
    // a 600-pixel photo gives 320 and 600, and a photo is never enlarged.
    std::vector<int> chosen;
    for (int w : picture_widths)
        if (w < original) chosen.push_back(w);
    int top = std::min(original, picture_widths[std::size(picture_widths) - 1]);
    if (chosen.empty() || chosen.back() != top) chosen.push_back(top);
    VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    bool ok = true;
    for (int w : chosen) {
        VipsImage* thumb = nullptr;
        // A very tall box, so the width is exact; EXIF orientation is applied before it is dropped.
        if (vips_thumbnail(source.c_str(), &thumb, w, "height", 100000, "size", VIPS_SIZE_DOWN, nullptr)) {
            error = vips_error_line();
            ok = false;
            break;
        }
        // Two encoders read the same pixels: decode once into memory, not twice from the file.
        VipsImage* pixels = vips_image_copy_memory(thumb);
        g_object_unref(thumb);
        if (!pixels) {
            error = vips_error_line();
            ok = false;
            break;
        }
        thumb = pixels;
        // The savers' "strip" misses EXIF in WebP in this libvips (8.14): remove every
        // metadata field from the pixels themselves (built-in fields cannot be removed).
        if (gchar** fields = vips_image_get_fields(thumb)) {
            for (gchar** f = fields; *f; ++f) vips_image_remove(thumb, *f);
            g_strfreev(fields);
        }
        std::string base = cache_base.string() + "-" + std::to_string(w);
        // Encoded in memory and renamed into place: builds running at once (the tests, a
        // preview beside a build) share this cache and must never copy a half-written file.
        void* jpeg = nullptr;
        size_t jpeg_size = 0;
        void* webp = nullptr;
        size_t webp_size = 0;
        bool saved = vips_jpegsave_buffer(thumb, &jpeg, &jpeg_size, "Q", 82, "strip", TRUE, "interlace", TRUE,
                                          "optimize_coding", TRUE, "background", white, nullptr) == 0 &&
                     vips_webpsave_buffer(thumb, &webp, &webp_size, "Q", 78, "strip", TRUE, nullptr) == 0;
        if (saved)
            saved = replace_file(base + ".jpg", {static_cast<const char*>(jpeg), jpeg_size}) &&
                    replace_file(base + ".webp", without_webp_metadata({static_cast<const char*>(webp), webp_size}));
        g_free(jpeg);
        g_free(webp);
        if (saved) made.sizes.push_back({vips_image_get_width(thumb), vips_image_get_height(thumb)});
        g_object_unref(thumb);
        if (!saved) {
            error = vips_error_line();
            ok = false;
            break;
        }
    }
    vips_area_unref(VIPS_AREA(white));
    return ok;
}

// Every version a cache entry lists is a plain file (a link is never followed into the site).
bool versions_are_plain_files(const fs::path& cache_base, const Made& made) {
    std::error_code ec;
    for (const auto& [w, h] : made.sizes)
        for (const char* format : picture_formats)
            if (!fs::is_regular_file(fs::symlink_status(cache_base.string() + "-" + std::to_string(w) + format, ec)))
                return false;
    return true;
}

}  // namespace

ImageIndex process_photos(const std::vector<MediaUse>& uses, const fs::path& content, const fs::path& out,
                          const fs::path& cache_dir, unsigned threads, PhotoStats& stats,
                          Diagnostics& diagnostics) {
    std::map<std::string, const MediaUse*> first_use;  // each file once, reported where it is first named
    for (const auto& use : uses) first_use.emplace(use.file, &use);
    std::vector<const MediaUse*> list;
    for (const auto& [file, use] : first_use) list.push_back(use);
    std::error_code ec;
    fs::create_directories(cache_dir, ec);

    std::vector<ResponsiveImage> results(list.size());
    std::vector<bool> ok(list.size(), false);
    std::mutex stats_mutex;
    parallel_for(list.size(), threads, [&](unsigned, size_t i) {
        const MediaUse& use = *list[i];
        const std::string& rel = use.file;
        std::string shown = "the " + use.field + " '" + fs::path(rel).filename().string() + "'";
        auto bytes = read_file(content / rel);
        if (!bytes) {
            diagnostics.error(use.named_in, use.pos, "cannot read " + shown, "check the file");
            return;
        }
        fs::path cache_base = cache_dir / to_hex(Hasher().add(recipe).add(*bytes).value());
        fs::path index = cache_base.string() + ".sizes";
        Made made;
        // The cache beside the content can come with it (a pull request may commit one):
        // an entry whose versions are not plain files is made again, never followed.
        bool from_cache = read_cache_index(index, made) && versions_are_plain_files(cache_base, made);
        if (!from_cache) {
            made = {};
            std::string error;
            if (!make_variants(content / rel, cache_base, made, error)) {
                diagnostics.error(use.named_in, use.pos, shown + " cannot be read as a picture (" + error + ")",
                                  "save it again as a JPEG or PNG file, upload that and write its name here");
                return;
            }
            std::string sizes;
            for (const auto& [w, h] : made.sizes) sizes += std::to_string(w) + " " + std::to_string(h) + "\n";
            replace_file(index, sizes);  // last, so a half-made entry is never taken as complete
        }
        // Copy the variants into the site, beside where the original sits in the content.
        ResponsiveImage image;
        for (const auto& [w, h] : made.sizes) {
            std::string base = cache_base.string() + "-" + std::to_string(w);
            ImageVariant v{w, h, picture_version(rel, w, ".jpg"), picture_version(rel, w, ".webp")};
            std::error_code copy_ec;
            fs::create_directories((out / v.jpeg).parent_path(), copy_ec);
            fs::copy_file(base + ".jpg", out / v.jpeg, fs::copy_options::overwrite_existing, copy_ec);
            if (!copy_ec) fs::copy_file(base + ".webp", out / v.webp, fs::copy_options::overwrite_existing, copy_ec);
            if (copy_ec) {
                std::string why = copy_ec.message();
                fs::remove(index, copy_ec);  // a cache entry that lost its files: made again next build
                diagnostics.error(use.named_in, use.pos, "cannot publish " + shown + " (" + why + ")",
                                  "check that the output folder is writable and the disk is not full, then build again");
                return;
            }
            image.variants.push_back(v);
        }
        results[i] = std::move(image);
        ok[i] = true;
        std::lock_guard lock(stats_mutex);
        ++(from_cache ? stats.cached : stats.processed);
    });
    ImageIndex index;
    for (size_t i = 0; i < list.size(); ++i)
        if (ok[i]) index[list[i]->file] = std::move(results[i]);
    return index;
}

}  // namespace techpages
