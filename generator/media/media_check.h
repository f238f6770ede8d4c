// The pictures contributors' files name — profile photos, case-study images, institution
// logos — checked before anything is built, by `check` and `build` alike: each must be a
// raster picture by its bytes, within the pixel limits, with a name whose published
// versions fit the file system and are not the published versions of another picture.
// Every problem is reported at the line of the field that names the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <map>
#include <vector>

#include "media/media_header.h"
#include "model/site_model.h"
#include "util/hash.h"
#include "util/diagnostics.h"

namespace techpages {

// The widths every picture is published at (those below its own width, then its own
// width capped at the largest), and the suffixes of its versions: "<stem>-1280.webp".
constexpr int picture_widths[] = {320, 640, 1280};
constexpr const char* picture_formats[] = {".jpg", ".webp"};

// A field naming a picture: `file` (content-relative) named by the file `named_in`, at `pos`.
struct MediaUse {
    std::string file, named_in, field;
    SourcePos pos;
};

// Every use, in the order of the files that name them.
std::vector<MediaUse> media_uses(const Site& site);
// Where a picture's versions go, without width and format: "institutions/x/profiles/a" for ".../a.jpg".
std::string picture_stem(const std::string& file);
// One version's site path: "institutions/x/profiles/a-320.webp".
std::string picture_version(const std::string& file, int width, const char* format);

struct MediaCheckOptions {
    std::filesystem::path content_dir;
    std::filesystem::path cache_dir;  // headers already read are remembered here, by content hash
    std::filesystem::path out_dir;    // where the site goes (its path counts against PATH_MAX)
    unsigned threads = 1;
    // A file's content digest when the build already knows it (not known(): read the file).
    std::function<Digest(const std::string& file)> known_hash;
};

// Headers read in this process, by content hash (kept by the live preview between builds).
using MediaHeaders = std::map<Digest, MediaHeader>;

// Checks every use, reporting each problem at its field. Starts libvips only for a
// picture whose header is in neither `memo` nor the cache.
void check_media(const Site& site, const MediaCheckOptions& options, MediaHeaders& memo, Diagnostics& diagnostics);

}  // namespace techpages
