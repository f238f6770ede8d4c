// Published photos: several widths in WebP and JPEG, no EXIF or GPS data, and an
// unchanged photo is never processed twice.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

// An EXIF block (big-endian TIFF) with an image description and a GPS latitude, the
// kind a phone writes into every photo.
std::string exif_segment(const std::string& secret) {
    auto u16 = [](int v) { return std::string{static_cast<char>(v >> 8), static_cast<char>(v & 0xff)}; };
    auto u32 = [&](int v) { return u16(v >> 16) + u16(v & 0xffff); };
    std::string text = secret + std::string(1, '\0');
    std::string tiff = "MM" + u16(42) + u32(8);
    tiff += u16(2);                                                        // IFD0: two entries
    tiff += u16(0x010E) + u16(2) + u32(static_cast<int>(text.size())) + u32(56);  // ImageDescription
    tiff += u16(0x8825) + u16(4) + u32(1) + u32(38);                       // GPS IFD pointer
    tiff += u32(0);
    tiff += u16(1) + u16(0x0001) + u16(2) + u32(2) + std::string("N\0\0\0", 4) + u32(0);  // GPSLatitudeRef
    tiff += text;
    std::string body = std::string("Exif\0\0", 6) + tiff;
    return std::string("\xFF\xE1", 2) + u16(static_cast<int>(body.size()) + 2) + body;
}

struct PhotoSite {
    TempDir dir;
    fs::path content = dir / "content";
    fs::path out = dir / "site";
    fs::path photo = content / "institutions/lstm/profiles/kwame-mensah.jpg";
    PhotoSite() {
        copy_tree(source_dir / "content", content);
        std::string jpeg = read_text(photo);
        jpeg.insert(2, exif_segment("SECRET-LOCATION-53.4084N"));
        write_text(photo, jpeg);
    }
    RunResult build() { return run(binary + " build --content " + quote(content) + " --out " + quote(out)); }
};

TEST(Photos, PublishedVersionsCarryNoExifOrGps) {
    PhotoSite site;
    ASSERT_THAT(long_text(read_text(site.photo)), HasSubstr("SECRET-LOCATION")) << "the upload has the metadata";
    RunResult r = site.build();
    ASSERT_EQ(r.status, 0) << r.output;
    size_t published = 0;
    for (const auto& e : fs::recursive_directory_iterator(site.out)) {
        std::string ext = e.path().extension().string();
        if (ext != ".jpg" && ext != ".webp") continue;
        ++published;
        std::string bytes = read_text(e.path());
        EXPECT_THAT(long_text(bytes), Not(HasSubstr("Exif"))) << e.path();
        EXPECT_THAT(long_text(bytes), Not(HasSubstr("SECRET-LOCATION"))) << e.path();
    }
    EXPECT_GE(published, 30u) << "every photo in two formats";
    EXPECT_FALSE(fs::exists(site.out / "institutions/lstm/profiles/kwame-mensah.jpg")) << "the original upload is not published";
}

TEST(Photos, EachPhotoHasWidthVariantsInTheTemplate) {
    PhotoSite site;
    ASSERT_EQ(site.build().status, 0);
    for (const std::string v : {"kwame-mensah-320.jpg", "kwame-mensah-320.webp", "kwame-mensah-600.jpg", "kwame-mensah-600.webp"})
        EXPECT_TRUE(fs::exists(site.out / "institutions/lstm/profiles" / v)) << v;
    std::string page = read_text(site.out / "institutions/lstm/profiles/kwame-mensah/index.html");
    std::regex picture(R"re(<source type="image/webp" srcset="[^"]*-320\.webp 320w, [^"]*-600\.webp 600w" sizes="[^"]+"><img class="profile__photo" src="[^"]*\.jpg" srcset="[^"]*-320\.jpg 320w, [^"]*-600\.jpg 600w" sizes="[^"]+" width="\d+" height="\d+" alt="[^"]+">)re");
    EXPECT_TRUE(std::regex_search(page, picture)) << page.substr(page.find("<picture>"), 800);
    std::string study = read_text(site.out / "institutions/lstm/case-studies/insectary-open-day/index.html");
    EXPECT_THAT(long_text(study), HasSubstr("insectary-open-day-1200.webp 1200w"))
        << "a 1200-pixel image keeps its width";
}

TEST(Photos, ARebuildWithUnchangedPhotosProcessesNone) {
    PhotoSite site;
    RunResult first = site.build();
    ASSERT_EQ(first.status, 0) << first.output;
    EXPECT_THAT(long_text(first.output), HasSubstr("15 photos (15 processed, 0 unchanged)")) << first.output;
    RunResult second = site.build();
    ASSERT_EQ(second.status, 0);
    EXPECT_THAT(long_text(second.output), HasSubstr("15 photos (0 processed, 15 unchanged)")) << second.output;
    // Change one photo: only that one is processed again.
    std::string jpeg = read_text(site.photo);
    jpeg.insert(2, exif_segment("ANOTHER"));
    write_text(site.photo, jpeg);
    RunResult third = site.build();
    EXPECT_THAT(long_text(third.output), HasSubstr("15 photos (1 processed, 14 unchanged)")) << third.output;
}

TEST(Photos, AFileThatIsNotAnImageIsReportedAtTheFieldNamingIt) {
    PhotoSite site;
    write_text(site.photo, "this is not a JPEG");
    RunResult r = site.build();
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(
            "institutions/lstm/profiles/kwame-mensah.md:12:9: error: the photo 'kwame-mensah.jpg' is a text file, not a picture"))
        << r.output;
}

}  // namespace
