// The folders a build reads besides the content files (content/templates/, static/, the
// themes) give the site only their own files: a link leading outside is a located error and
// none of its bytes reach the site; and a file in static/ never replaces a generated one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <regex>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;
const std::string secret = "TOP-SECRET-a3f9c1-runner-token";

struct Trusted {
    TempDir dir;
    fs::path content = dir / "content";
    fs::path out = dir / "site";
    fs::path secret_file = dir / "secret.txt";  // outside the content folder and the themes
    Trusted() {
        copy_tree(source_dir / "content", content);
        write_text(secret_file, secret + "\n");
    }
    RunResult build(const std::string& extra = "") {
        return run(binary + " build --content " + quote(content) + " --out " + quote(out) + " " + extra);
    }
    RunResult check() { return run(binary + " check --content " + quote(content)); }
    // Everything a reader of the site could see.
    std::string all_published() {
        std::string all;
        if (!fs::exists(out)) return all;
        for (const auto& e : fs::recursive_directory_iterator(out))
            if (e.is_regular_file()) all += read_text(e.path());
        return all;
    }
};

void expect_line(const RunResult& r, const std::string& line) {
    EXPECT_THAT(long_text(r.output), HasSubstr(line + "\n")) << "expected: " << line << "\n" << r.output;
}

TEST(TrustedFolders, ATemplatePartialLinkedOutsideTheContentIsRefused) {
    Trusted site;
    fs::create_directories(site.content / "templates/partials");
    fs::create_symlink("/etc/passwd", site.content / "templates/partials/foot.mustache");
    fs::create_symlink("../../../secret.txt", site.content / "templates/partials/head.mustache");
    fs::create_symlink("/proc/self/environ", site.content / "templates/page.mustache");
    fs::create_directory_symlink(site.dir.path(), site.content / "templates/linked-folder");
    for (const RunResult& r : {site.build(), site.check()}) {
        EXPECT_EQ(r.status, 1) << r.output;
        const std::string what = ":1:1: error: this is a link to a place outside the content folder — replace the link with the file itself";
        expect_line(r, "templates/partials/foot.mustache" + what);
        expect_line(r, "templates/partials/head.mustache" + what);
        expect_line(r, "templates/page.mustache" + what);
        expect_line(r, "templates/linked-folder" + what);
        EXPECT_THAT(long_text(r.output), Not(HasSubstr(secret)));
        EXPECT_THAT(long_text(r.output), Not(HasSubstr("root:x:0:0")));
    }
    EXPECT_FALSE(fs::exists(site.out));
}

TEST(TrustedFolders, ALinkInsideTheContentFolderIsStillFollowed) {
    Trusted site;
    std::string foot = read_text(source_dir / "themes/default/templates/partials/foot.mustache");
    write_text(site.content / "templates/shared/foot.txt", foot + "<!-- the site's own foot -->\n");
    fs::create_directories(site.content / "templates/partials");
    fs::create_symlink("../shared/foot.txt", site.content / "templates/partials/foot.mustache");
    RunResult r = site.build();
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_THAT(long_text(read_text(site.out / "index.html")), HasSubstr("<!-- the site's own foot -->"));
}

// A theme beside the content (themes/evil/, extending the built-in default) with links out.
void make_linked_theme(Trusted& site) {
    fs::path theme = site.dir / "themes/evil";
    write_text(theme / "theme.toml", "extends = \"default\"\n");
    fs::create_directories(theme / "templates/partials");
    fs::create_directories(theme / "assets");
    fs::create_symlink(site.secret_file, theme / "templates/partials/foot.mustache");
    fs::create_symlink("/etc/passwd", theme / "assets/passwd.css");
}

TEST(TrustedFolders, AThemeFileLinkedOutsideTheThemesIsRefused) {
    Trusted site;
    make_linked_theme(site);
    RunResult r = site.build("--theme evil");
    EXPECT_EQ(r.status, 1) << r.output;
    fs::path themes = site.dir / "themes";
    expect_line(r, (themes / "evil/assets/passwd.css").string() +
                       ":1:1: error: this is a symbolic link to '/etc/passwd', outside " + themes.string() +
                       "/, and a theme's files are read only from there — replace the link with the file itself");
    expect_line(r, (themes / "evil/templates/partials/foot.mustache").string() + ":1:1: error: this is a symbolic link to '" +
                       site.secret_file.string() + "', outside " + themes.string() +
                       "/, and a theme's files are read only from there — replace the link with the file itself");
    EXPECT_THAT(long_text(r.output), Not(HasSubstr(secret)));
    EXPECT_FALSE(fs::exists(site.out));
    // Named in site.toml rather than with --theme: the same.
    std::string config = read_text(site.content / "site.toml");
    write_text(site.content / "site.toml", std::regex_replace(config, std::regex("\ntheme = \"[a-z-]+\""), "\ntheme = \"evil\""));
    RunResult from_config = site.check();
    EXPECT_EQ(from_config.status, 1) << from_config.output;
    EXPECT_THAT(long_text(from_config.output), HasSubstr("evil/assets/passwd.css:1:1: error")) << from_config.output;
}

TEST(TrustedFolders, ANamedPipeForATemplateOrThemeTomlIsNotWaitedFor) {
    // A pull request cannot add a pipe through git, but a checkout or a script can: a build
    // must end with an error, never wait for a writer that will not come.
    Trusted site;
    fs::create_directories(site.dir / "themes/piped/templates");
    ASSERT_EQ(::mkfifo((site.dir / "themes/piped/theme.toml").c_str(), 0644), 0);
    ASSERT_EQ(::mkfifo((site.dir / "themes/piped/templates/page.mustache").c_str(), 0644), 0);
    RunResult r = run("timeout 60 " + binary + " build --content " + quote(site.content) + " --out " +
                      quote(site.out) + " --theme piped");
    EXPECT_NE(r.status, 124) << "the build waited on a named pipe\n" << r.output;
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_FALSE(fs::exists(site.out));
}

TEST(TrustedFolders, AThemeFolderThatIsALinkOutsideTheThemesIsRefused) {
    Trusted site;
    fs::path elsewhere = site.dir / "elsewhere/evil";
    write_text(elsewhere / "theme.toml", "extends = \"default\"\n");
    write_text(elsewhere / "templates/partials/foot.mustache", secret + "\n");
    fs::create_directories(site.dir / "themes");
    fs::create_directory_symlink(elsewhere, site.dir / "themes/evil");
    RunResult r = site.build("--theme evil");
    EXPECT_EQ(r.status, 1) << r.output;
    expect_line(r, (site.dir / "themes/evil").string() + ":1:1: error: this is a symbolic link to '" + elsewhere.string() +
                       "', outside " + (site.dir / "themes").string() +
                       "/, and a theme's files are read only from there — replace the link with the file itself");
    EXPECT_FALSE(fs::exists(site.out));
}

TEST(TrustedFolders, StaticFilesLinkedOutsideTheContentAreRefused) {
    Trusted site;
    fs::create_directories(site.content / "static/docs");
    fs::create_symlink("/etc/passwd", site.content / "static/passwd.txt");
    fs::create_symlink(site.secret_file, site.content / "static/docs/secret.txt");
    fs::create_directory_symlink("/etc", site.content / "static/etc");
    for (const RunResult& r : {site.build(), site.check()}) {
        EXPECT_EQ(r.status, 1) << r.output;
        const std::string what = ":1:1: error: this is a link to a place outside the content folder — replace the link with the file itself";
        expect_line(r, "static/passwd.txt" + what);
        expect_line(r, "static/docs/secret.txt" + what);
        expect_line(r, "static/etc" + what);
    }
    EXPECT_FALSE(fs::exists(site.out));
    // Without them the site builds, and holds nothing of theirs.
    fs::remove_all(site.content / "static");
    ASSERT_EQ(site.build().status, 0);
    std::string all = site.all_published();
    EXPECT_THAT(long_text(all), Not(HasSubstr(secret)));
    EXPECT_THAT(long_text(all), Not(HasSubstr("root:x:0:0")));
}

TEST(TrustedFolders, AStaticFileThatWouldReplaceAGeneratedFileIsAnErrorAtItsPath) {
    Trusted site;
    std::string config = read_text(site.content / "site.toml");
    write_text(site.content / "site.toml", "domain = \"technicians.example.ac.uk\"\n" + config);
    for (const char* f : {"index.html", "technicians/index.html", "CNAME", "sitemap.xml", "assets/style.css", "Feed.XML",
                          "search", "404.html/extra.txt", "institutions/lancaster/profiles/bethany-clarke-640.webp"})
        write_text(site.content / "static" / f, std::string("static ") + f + "\n");
    write_text(site.content / "static/files/handbook.txt", "a file of the site's own\n");
    for (const RunResult& r : {site.build(), site.check()}) {
        EXPECT_EQ(r.status, 1) << r.output;
        const std::string hint = " — rename it, or move it into a folder of static/ the build does not use";
        expect_line(r, "static/index.html:1:1: error: this file would be published at index.html and replace the page the build makes at index.html" + hint);
        expect_line(r, "static/technicians/index.html:1:1: error: this file would be published at technicians/index.html and replace the page the build makes at technicians/index.html" + hint);
        expect_line(r, "static/CNAME:1:1: error: this file would be published at CNAME and replace the file the build makes at CNAME" + hint);
        expect_line(r, "static/sitemap.xml:1:1: error: this file would be published at sitemap.xml and replace the file the build makes at sitemap.xml" + hint);
        expect_line(r, "static/assets/style.css:1:1: error: this file would be published at assets/style.css and replace the theme's assets/style.css" + hint);
        expect_line(r, "static/Feed.XML:1:1: error: this file would be published at Feed.XML and replace the file the build makes at feed.xml" + hint);
        expect_line(r, "static/search:1:1: error: this file would be published at search and stand where the build needs a folder (for the page the build makes at search/index.html)" + hint);
        expect_line(r, "static/404.html/extra.txt:1:1: error: this file would be published at 404.html/extra.txt and be inside the page the build makes at 404.html, which is a file" + hint);
        expect_line(r, "static/institutions/lancaster/profiles/bethany-clarke-640.webp:1:1: error: this file would be published at institutions/lancaster/profiles/bethany-clarke-640.webp and replace a version the build makes of the photo institutions/lancaster/profiles/bethany-clarke.jpg" + hint);
        EXPECT_THAT(long_text(r.output), Not(HasSubstr("static/files/handbook.txt")))
            << "a file of the site's own is fine";
    }
    EXPECT_FALSE(fs::exists(site.out));
}

TEST(TrustedFolders, StaticFilesOfTheSitesOwnArePublishedAndHiddenOnesIgnored) {
    Trusted site;
    write_text(site.content / "static/files/handbook.txt", "a file of the site's own\n");
    write_text(site.content / "static/.nojekyll", "not GitHub's\n");
    write_text(site.content / "static/.techpages-site", "not techpages'\n");
    RunResult r = site.build();
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(read_text(site.out / "files/handbook.txt"), "a file of the site's own\n");
    EXPECT_EQ(read_text(site.out / ".nojekyll"), "") << "the generated one";
    EXPECT_EQ(read_text(site.out / ".techpages-site").rfind("techpages site\n", 0), 0u);
}

TEST(TrustedFolders, ARebuildInPlaceNeverLetsAStaticFileOverwriteAPage) {
    // serve rebuilds into its folder in place: a colliding static file added between two
    // builds must not reach the page there either. The staged build shows it the same way.
    Trusted site;
    ASSERT_EQ(site.build().status, 0);
    std::string home = read_text(site.out / "index.html");
    write_text(site.content / "static/index.html", "<p>replaced</p>\n");
    RunResult r = site.build();
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_EQ(read_text(site.out / "index.html"), home);
}

}  // namespace

namespace {

TEST(TrustedFolders, APhotoCacheEntryLinkedOutsideIsNeverPublished) {
    // .techpages-cache/ beside the content can arrive with it (a pull request may commit one):
    // a cached photo version that is a link to a secret must not be copied into the site.
    Trusted site;
    ASSERT_EQ(site.build().status, 0);
    fs::path cached;
    for (const auto& e : fs::directory_iterator(site.dir / ".techpages-cache/photos"))
        if (e.path().extension() == ".jpg") cached = e.path();
    ASSERT_FALSE(cached.empty());
    fs::remove(cached);
    fs::create_symlink(site.secret_file, cached);
    // The entry is not taken from the cache: the photo is made again, in place of the link.
    RunResult r = site.build("--clean");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_THAT(long_text(site.all_published()), Not(HasSubstr(secret)));
    EXPECT_FALSE(fs::is_symlink(cached));
    EXPECT_EQ(read_text(site.secret_file), secret + "\n");
}

}  // namespace
