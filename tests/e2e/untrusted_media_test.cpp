// Photos, case-study images and logos come from technicians' pull requests, and the site is
// served from the organisation's own address. A file named as a picture is published only
// when libvips reads it, by its bytes, as a raster picture within the pixel limits, and only
// as re-encoded versions without metadata: HTML, SVG, drafts, huge headers and clashing or
// over-long names are refused at the field's line by check and build, and nothing of the
// hostile file reaches site/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <vips/vips.h>

#include <chrono>
#include <map>

#include "incremental/site_builder.h"
#include "media/media_header.h"
#include "test_support.h"

using namespace techpages::testing;
using techpages::BuildOptions;
using techpages::Diagnostics;
using techpages::SiteBuilder;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;
const std::string kwame = "institutions/lstm/profiles/kwame-mensah.md";  // names its photo on line 12
const std::string farah = "institutions/lstm/profiles/farah-siddiqui.md";  // line 9
const std::string lstm = "institutions/lstm/institution.md";
const std::string marker = "HOSTILE-MARKER-7f3a";

// An EXIF block (big-endian TIFF, starting "Exif\0\0") with a description and a GPS IFD.
std::string exif_block(const std::string& secret) {
    auto u16 = [](int v) { return std::string{static_cast<char>(v >> 8), static_cast<char>(v & 0xff)}; };
    auto u32 = [&](int v) { return u16(v >> 16) + u16(v & 0xffff); };
    std::string text = secret + std::string(1, '\0');
    std::string tiff = "MM" + u16(42) + u32(8);
    tiff += u16(2);
    tiff += u16(0x010E) + u16(2) + u32(static_cast<int>(text.size())) + u32(56);  // ImageDescription
    tiff += u16(0x8825) + u16(4) + u32(1) + u32(38);                              // GPS IFD pointer
    tiff += u32(0);
    tiff += u16(1) + u16(0x0001) + u16(2) + u32(2) + std::string("N\0\0\0", 4) + u32(0);  // GPSLatitudeRef
    tiff += text;
    return std::string("Exif\0\0", 6) + tiff;
}

// A real picture made by libvips: `suffix` picks the format (".png", ".heic", ".gif[...]"…);
// `pages` frames or pages of w × h; the marker in its EXIF data where the format has some.
std::string encode(const std::string& suffix, int w, int h, int pages = 1) {
    techpages::ensure_vips_started();
    VipsImage* base = nullptr;
    VipsImage* image = nullptr;
    EXPECT_EQ(vips_black(&base, w, h * pages, "bands", 3, nullptr), 0);
    EXPECT_EQ(vips_linear1(base, &image, 1.0, 128.0, "uchar", TRUE, nullptr), 0);  // grey
    g_object_unref(base);
    if (pages > 1) vips_image_set_int(image, "page-height", h);
    std::string exif = exif_block(marker + "-GPS-53.4084N");
    vips_image_set_blob_copy(image, "exif-data", exif.data(), exif.size());
    void* buffer = nullptr;
    size_t size = 0;
    EXPECT_EQ(vips_image_write_to_buffer(image, suffix.c_str(), &buffer, &size, nullptr), 0) << vips_error_buffer();
    g_object_unref(image);
    std::string bytes(static_cast<const char*>(buffer), size);
    g_free(buffer);
    return bytes;
}

uint32_t crc32(const std::string& data) {
    uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string be32(uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
    return be32(static_cast<uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

// A PNG of a few hundred bytes whose header claims 50,000 × 50,000 pixels.
std::string png_claiming(uint32_t w, uint32_t h) {
    std::string ihdr = be32(w) + be32(h) + std::string("\x08\x02\x00\x00\x00", 5);
    std::string idat("\x78\x9c\x63\x00\x00\x00\x01\x00\x01", 9);
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) + png_chunk("tEXt", "Comment\0" + marker) +
           png_chunk("IDAT", idat) + png_chunk("IEND", "");
}

struct Untrusted {
    TempDir dir;
    fs::path content = dir / "content";
    fs::path out = dir / "site";
    std::map<std::string, std::string> before;  // the site as the last good build left it

    Untrusted() { copy_tree(source_dir / "content", content); }
    RunResult build() { return run(binary + " build --content " + quote(content) + " --out " + quote(out)); }
    RunResult check() { return run(binary + " check --content " + quote(content)); }
    void build_good() {
        RunResult r = build();
        ASSERT_EQ(r.status, 0) << r.output;
        before = snapshot();
    }
    std::map<std::string, std::string> snapshot() const {
        std::map<std::string, std::string> files;
        for (const auto& e : fs::recursive_directory_iterator(out))
            if (e.is_regular_file()) files[e.path().lexically_relative(out).generic_string()] = read_text(e.path());
        return files;
    }
    // Sets `key = value` (value as TOML) in a content file's front matter: replaces the line, or adds it first.
    void set_field(const std::string& file, const std::string& key, const std::string& value) {
        std::string text = read_text(content / file);
        size_t at = text.find("\n" + key + " = ");
        std::string line = key + " = " + value;
        if (at == std::string::npos) text.insert(4, line + "\n");
        else text.replace(at + 1, text.find('\n', at + 1) - at - 1, line);
        write_text(content / file, text);
    }
    void put(const std::string& file, const std::string& bytes) { write_text(content / file, bytes); }
    std::string published_text() const {
        std::string all;
        for (const auto& [path, bytes] : snapshot()) all += path + "\n" + bytes;
        return all;
    }
};

// `output` has an error at `file`:`line` (any column) whose text contains `message`.
bool has_error_at(const std::string& output, const std::string& file, int line, const std::string& message) {
    std::string prefix = file + ":" + std::to_string(line) + ":";
    for (size_t at = output.find(prefix); at != std::string::npos; at = output.find(prefix, at + 1)) {
        std::string text = output.substr(at, output.find('\n', at) - at);
        if (text.find(": error: ") != std::string::npos && text.find(message) != std::string::npos) return true;
    }
    return false;
}

// check and build both refuse it at the field's line; the previous site is untouched and
// holds nothing of the hostile file.
// Another profile beside kwame's, a draft (published = false) whose text must never be published.
void put_secret_draft(Untrusted& site) {
    site.put("institutions/lstm/profiles/secret-draft.md",
             "+++\nname = \"Secret\"\nrole = \"Draft " + marker + "\"\npublished = false\n+++\nNot ready.\n");
}

void expect_refused(Untrusted& site, const std::string& file, int line, const std::string& message) {
    RunResult checked = site.check();
    EXPECT_EQ(checked.status, 1) << checked.output;
    EXPECT_TRUE(has_error_at(checked.output, file, line, message)) << "check:\n" << checked.output;
    RunResult built = site.build();
    EXPECT_EQ(built.status, 1) << built.output;
    EXPECT_TRUE(has_error_at(built.output, file, line, message)) << "build:\n" << built.output;
    EXPECT_TRUE(site.snapshot() == site.before) << "the previous site changed";
    EXPECT_THAT(long_text(site.published_text()), Not(HasSubstr(marker))) << "the hostile file reached site/";
}

TEST(UntrustedMedia, HtmlNamedAsAJpegIsRefused) {
    Untrusted site;
    site.build_good();
    site.put("institutions/lstm/profiles/kwame-mensah.jpg", "<!doctype html><script>alert('" + marker + "')</script>");
    expect_refused(site, kwame, 12, "the photo 'kwame-mensah.jpg' is HTML or XML text, not a picture");
}

TEST(UntrustedMedia, AnSvgWithScriptIsRefused) {
    Untrusted site;
    site.build_good();
    site.put("institutions/lstm/profiles/x.svg",
             "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert('" + marker + "')</script></svg>");
    site.set_field(kwame, "photo", "\"x.svg\"");
    expect_refused(site, kwame, 12, "the photo 'x.svg' is an SVG drawing, which can carry script — save it as a PNG");
}

TEST(UntrustedMedia, ADraftNamedAsAPhotoIsNotPublished) {
    Untrusted site;
    site.build_good();
    put_secret_draft(site);
    site.set_field(kwame, "photo", "\"secret-draft.md\"");
    expect_refused(site, kwame, 12, "the photo 'secret-draft.md' is a content file (Markdown), not a picture");
}

TEST(UntrustedMedia, ASymbolicLinkToADraftIsNotPublished) {
    Untrusted site;
    site.build_good();
    put_secret_draft(site);
    fs::create_symlink("secret-draft.md", site.content / "institutions/lstm/profiles/link.jpg");
    site.set_field(kwame, "photo", "\"link.jpg\"");
    expect_refused(site, kwame, 12, "the photo 'link.jpg' is a content file (Markdown), not a picture");
}

TEST(UntrustedMedia, ALogoNamedIndexHtmlDoesNotReplaceTheInstitutionPage) {
    Untrusted site;
    site.build_good();
    site.put("institutions/lstm/index.html", "<html><body>Defaced " + marker + "</body></html>");
    site.set_field(lstm, "logo_alt", "\"LSTM logo\"");
    site.set_field(lstm, "logo", "\"index.html\"");
    expect_refused(site, lstm, 2, "the logo 'index.html' is HTML or XML text, not a picture");
}

TEST(UntrustedMedia, AHugeHeaderIsRefusedBeforeDecoding) {
    Untrusted site;
    site.build_good();
    site.put("institutions/lstm/profiles/kwame-mensah.png", png_claiming(50'000, 50'000));
    site.set_field(kwame, "photo", "\"kwame-mensah.png\"");
    auto started = std::chrono::steady_clock::now();
    expect_refused(site, kwame, 12,
                   "the photo 'kwame-mensah.png' is 50000 × 50000 pixels, over the limit of 60 megapixels and 20000 pixels a side");
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 10.0);
}

TEST(UntrustedMedia, EmptyAndTruncatedFilesAreRefused) {
    Untrusted site;
    site.build_good();
    site.put("institutions/lstm/profiles/kwame-mensah.jpg", "");
    expect_refused(site, kwame, 12, "the photo 'kwame-mensah.jpg' is empty (0 bytes)");
    std::string jpeg = read_text(source_dir / "content/institutions/lstm/profiles/kwame-mensah.jpg");
    site.put("institutions/lstm/profiles/kwame-mensah.jpg", jpeg.substr(0, 100) + marker);
    expect_refused(site, kwame, 12, "the photo 'kwame-mensah.jpg' looks like a JPEG file but cannot be read");
}

TEST(UntrustedMedia, PhotosWhoseNamesDifferOnlyInExtensionAreRefused) {
    Untrusted site;
    site.build_good();
    site.put("institutions/lstm/profiles/kwame-mensah.png", encode(".png", 300, 300));
    site.set_field(farah, "photo", "\"kwame-mensah.png\"");
    expect_refused(site, kwame, 12,
                   "'kwame-mensah.jpg' would be published under the same names as 'kwame-mensah.png' (named in " + farah +
                       " line 9)");
}

TEST(UntrustedMedia, ANameTooLongForItsPublishedVersionsIsCaughtByCheck) {
    Untrusted site;
    site.build_good();
    std::string name = std::string(246, 'a') + ".jpg";  // fits, but "<stem>-1280.webp" would be 256 bytes
    fs::copy_file(site.content / "institutions/lstm/profiles/kwame-mensah.jpg", site.content / "institutions/lstm/profiles" / name);
    site.set_field(kwame, "photo", "\"" + name + "\"");
    expect_refused(site, kwame, 12, "is too long: its published versions (named like '…-1280.webp') would have 256 bytes");
}

TEST(UntrustedMedia, NamesThatAreNotPlainFileNamesAreRefused) {
    for (const auto& [name, message] : std::vector<std::pair<std::string, std::string>>{
             {"..", "'..' should be just a file name"},
             {"..jpg", "'..jpg' starts with a dot, which makes it a hidden file"},
             {".hidden.jpg", "'.hidden.jpg' starts with a dot"},
             {"a\\\\b.jpg", "should be just a file name"},
             {"../lancaster/profiles/bethany-clarke.jpg", "should be just a file name"}}) {
        Untrusted site;
        site.build_good();
        site.put("institutions/lstm/profiles/..jpg", marker);
        site.put("institutions/lstm/profiles/.hidden.jpg", marker);
        site.set_field(kwame, "photo", "\"" + name + "\"");
        SCOPED_TRACE(name);
        expect_refused(site, kwame, 12, message);
    }
}

// The files of `out` that are versions of `stem` ("kwame-mensah-320.webp"…).
std::vector<std::string> versions(const Untrusted& site, const std::string& dir, const std::string& stem) {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(site.out / dir))
        if (e.path().filename().string().rfind(stem + "-", 0) == 0) found.push_back(e.path().filename().string());
    std::sort(found.begin(), found.end());
    return found;
}

// Builds with `file` (bytes) as Kwame's photo; it must be processed into versions with no
// metadata, and the original never published.
void expect_processed(const std::string& file, const std::string& bytes, const std::vector<std::string>& expected) {
    Untrusted site;
    site.put("institutions/lstm/profiles/" + file, bytes);
    site.set_field(kwame, "photo", "\"" + file + "\"");
    RunResult checked = site.check();
    EXPECT_EQ(checked.status, 0) << checked.output;
    auto started = std::chrono::steady_clock::now();
    RunResult built = site.build();
    ASSERT_EQ(built.status, 0) << built.output;
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), 20.0);
    std::string stem = fs::path(file).stem().string();
    EXPECT_EQ(versions(site, "institutions/lstm/profiles", stem), expected);
    EXPECT_FALSE(fs::exists(site.out / "institutions/lstm/profiles" / file)) << "the upload is not published";
    std::string published = site.published_text();
    EXPECT_THAT(long_text(published), Not(HasSubstr(marker))) << "EXIF data reached site/";
    EXPECT_THAT(long_text(published), Not(HasSubstr("Exif"))) << "EXIF data reached site/";
    std::string page = read_text(site.out / "institutions/lstm/profiles/kwame-mensah/index.html");
    EXPECT_THAT(long_text(page), HasSubstr("/" + expected.back() + " ")) << "the page shows the versions";
}

TEST(UntrustedMedia, AJpegNamedJfifIsProcessedWithoutItsExif) {
    std::string jpeg = read_text(source_dir / "content/institutions/lstm/profiles/kwame-mensah.jpg");
    std::string exif = exif_block(marker + "-GPS-53.4084N");
    std::string segment = std::string("\xFF\xE1", 2) + static_cast<char>((exif.size() + 2) >> 8) + static_cast<char>((exif.size() + 2) & 0xff) + exif;
    jpeg.insert(2, segment);
    expect_processed("portrait.jfif", jpeg, {"portrait-320.jpg", "portrait-320.webp", "portrait-600.jpg", "portrait-600.webp"});
}

TEST(UntrustedMedia, HeicAndAvifPhotosAreProcessedWithoutTheirExif) {
    expect_processed("portrait.heic", encode(".heic", 400, 300), {"portrait-320.jpg", "portrait-320.webp", "portrait-400.jpg", "portrait-400.webp"});
    expect_processed("portrait.avif", encode(".avif[effort=0]", 400, 300), {"portrait-320.jpg", "portrait-320.webp", "portrait-400.jpg", "portrait-400.webp"});
}

TEST(UntrustedMedia, AGifWithManyFramesAndATiffWithManyPagesGiveTheirFirstImage) {
    expect_processed("frames.gif", encode(".gif", 64, 48, 500), {"frames-64.jpg", "frames-64.webp"});
    expect_processed("pages.tif", encode(".tif[compression=deflate]", 64, 48, 2000), {"pages-64.jpg", "pages-64.webp"});
}

TEST(UntrustedMedia, ALogoIsProcessedAndItsGpsIsNotPublished) {
    Untrusted site;
    site.put("institutions/lstm/logo.png", encode(".png", 800, 200));
    site.set_field(lstm, "logo_alt", "\"LSTM logo\"");
    site.set_field(lstm, "logo", "\"logo.png\"");
    RunResult built = site.build();
    ASSERT_EQ(built.status, 0) << built.output;
    EXPECT_EQ(versions(site, "institutions/lstm", "logo"),
              (std::vector<std::string>{"logo-320.jpg", "logo-320.webp", "logo-640.jpg", "logo-640.webp", "logo-800.jpg", "logo-800.webp"}));
    EXPECT_FALSE(fs::exists(site.out / "institutions/lstm/logo.png")) << "the upload is not published";
    EXPECT_THAT(long_text(site.published_text()), Not(HasSubstr(marker))) << "EXIF GPS reached site/";
    std::string page = read_text(site.out / "institutions/lstm/index.html");
    EXPECT_THAT(long_text(page),
                HasSubstr("class=\"institution-header__logo\" src=\"/techpages/institutions/lstm/logo-640.jpg\""))
        << page;
    EXPECT_THAT(long_text(page), HasSubstr("\"logo\":\"https://"));
    EXPECT_THAT(long_text(page), HasSubstr("/institutions/lstm/logo-800.jpg\""))
        << "structured data names the processed logo";
    std::string cards = read_text(site.out / "institutions/index.html");
    EXPECT_THAT(long_text(cards), HasSubstr("src=\"/techpages/institutions/lstm/logo-640.jpg\""));
}

TEST(UntrustedMedia, NoContentFileIsCopiedFromAContributorFolder) {
    Untrusted site;
    site.put("institutions/lstm/logo.png", encode(".png", 200, 100));
    site.set_field(lstm, "logo_alt", "\"LSTM logo\"");
    site.set_field(lstm, "logo", "\"logo.png\"");
    ASSERT_EQ(site.build().status, 0);
    size_t versions = 0;
    for (const auto& e : fs::recursive_directory_iterator(site.out / "institutions")) {
        if (!e.is_regular_file()) continue;
        fs::path rel = e.path().lexically_relative(site.out);
        EXPECT_FALSE(fs::exists(site.content / rel)) << "a content file published as it is: " << rel;
        versions += e.path().extension() == ".webp";
    }
    EXPECT_GE(versions, 16u) << "15 photos and the logo, each in one or more widths";
    EXPECT_TRUE(fs::exists(site.out / "institutions/lstm/logo-200.webp"));
}

// The live preview: a photo replaced by HTML while its profile is unchanged is refused on
// the next rebuild, whether the preview is told which file changed or finds it itself.
TEST(UntrustedMedia, ThePreviewRefusesAPhotoReplacedWithoutItsProfileChanging) {
    Untrusted site;
    BuildOptions options;
    options.content_dir = site.content;
    options.out_dir = site.out;
    SiteBuilder builder(options, SiteBuilder::Publish::in_place);
    Diagnostics first;
    ASSERT_TRUE(builder.build(first).ok);
    fs::path photo = site.content / "institutions/lstm/profiles/kwame-mensah.jpg";
    write_text(photo, "<html><script>alert('" + marker + "')</script></html>");
    for (bool told : {true, false}) {
        Diagnostics d;
        EXPECT_FALSE((told ? builder.build({photo}, d) : builder.build(d)).ok);
        std::string messages;
        for (const auto& m : d.sorted()) messages += techpages::format_diagnostic(m) + "\n";
        EXPECT_TRUE(has_error_at(messages, kwame, 12, "the photo 'kwame-mensah.jpg' is HTML or XML text")) << messages;
    }
    EXPECT_THAT(long_text(site.published_text()), Not(HasSubstr(marker)));
}

}  // namespace
