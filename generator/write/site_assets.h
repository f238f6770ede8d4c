// The files a site publishes beside its pages: the theme's assets and static/ (never a
// file from a contributor's folder); and the list of every file a link may lead to.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "model/site_model.h"
#include "media/images.h"
#include "render/visual_theme.h"
#include "util/diagnostics.h"

namespace techpages {

// Profile photos, case-study images and institution logos, by content-relative path.
// None is ever published as uploaded: each is checked to be a raster picture and
// published only as the versions write/photos.cpp makes (no EXIF or GPS data, no script).
std::set<std::string> photos_of(const Site& site);
// Copies the theme's assets and static/ into `out`. A file already there with the
// same size and a time not older than its source is left alone. Returns how many it copied.
size_t copy_assets(const Site& site, const std::filesystem::path& content, const VisualTheme& visual_theme,
                   const std::filesystem::path& out, Diagnostics& diagnostics);
// A file in static/ may not replace a file the build makes: a page (`page_files`, relative to
// the site's root), a file beside the pages (`generated`: sitemap.xml, CNAME …), a theme's
// asset, a copied logo or a photo's version; nor stand where the build needs a folder, or
// be inside a file. Names are compared ignoring case (macOS and Windows disks do). Each such
// file is an error at its path; false when there was one (then nothing of static/ is copied).
bool check_static_files(const Site& site, const VisualTheme& visual_theme, const std::vector<std::string>& page_files,
                        const std::vector<std::string>& generated, Diagnostics& diagnostics);
// Every file other than pages that the built site holds, relative to its root: what
// copy_assets copies, the processed pictures in `images`, and `generated` (sitemap, feed…).
// Without `images` (nothing written) the photos are listed as they are in the content.
std::set<std::string> published_files(const Site& site, const VisualTheme& visual_theme, const ImageIndex* images,
                                      const std::vector<std::string>& generated);

}  // namespace techpages
