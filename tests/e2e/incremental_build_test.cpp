// Incremental builds: after any change to the content, the theme's templates or the
// config, a build that reuses the build cache writes exactly the site a clean build
// writes, byte for byte; with nothing changed it rewrites no file; with one profile
// changed it renders only the pages that show that profile. And the same through
// SiteBuilder, the class the live preview rebuilds with, in place.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <functional>
#include <map>
#include <regex>

#include "incremental/site_builder.h"
#include "test_support.h"

using namespace techpages::testing;
using techpages::BuildOptions;
using techpages::BuildResult;
using techpages::Diagnostics;
using techpages::SiteBuilder;
using ::testing::HasSubstr;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

// Every file, its inode and its modification time: what "rewrote nothing" means.
std::map<std::string, std::pair<ino_t, int64_t>> file_identities(const fs::path& root) {
    std::map<std::string, std::pair<ino_t, int64_t>> out;
    for (const auto& rel : files_under(root)) {
        struct stat st;
        ::stat((root / rel).c_str(), &st);
        out[rel] = {st.st_ino, static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
    }
    return out;
}

void replace_once(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = read_text(file);
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " is not in " << file;
    write_text(file, text.replace(at, from.size(), to));
}

struct Rendered {
    size_t rendered = 0, total = 0;
};

Rendered rendered_of(const RunResult& r) {
    std::smatch m;
    static const std::regex line(R"(Rendered (\d+) of (\d+) pages \((\d+) unchanged\))");
    if (!std::regex_search(r.output, m, line)) return {};
    return {std::stoul(m[1]), std::stoul(m[2])};
}

// A copy of the sample content, built once into `site` (so the build cache holds it).
class IncrementalBuild : public ::testing::Test {
protected:
    void SetUp() override {
        copy_tree(source_dir / "content", content());
        RunResult first = build("site");
        ASSERT_EQ(first.status, 0) << first.output;
        Rendered r = rendered_of(first);
        ASSERT_GT(r.total, 50u) << first.output;
        ASSERT_EQ(r.rendered, r.total) << "the first build renders every page";
    }

    fs::path content() const { return dir / "content"; }
    fs::path profile(const std::string& rel) const { return content() / "institutions" / rel; }

    RunResult build(const std::string& out, const std::string& extra = "") {
        return run(binary + " build --content " + quote(content()) + " --out " + quote(dir / out) + " " + extra);
    }

    // Builds the content from nothing into `out`. It must render every page, and some pages:
    // two empty sites would compare equal.
    void clean_build(const std::string& out, const std::string& extra = "") {
        RunResult clean = build(out, "--clean " + extra);
        ASSERT_EQ(clean.status, 0) << clean.output;
        Rendered r = rendered_of(clean);
        ASSERT_GT(r.total, 0u) << "no pages, or no \"Rendered N of M pages\" line:\n" << clean.output;
        ASSERT_EQ(r.rendered, r.total) << "--clean renders every page:\n" << clean.output;
    }

    // The site in `site` (built with the cache, or in place) is the one a clean build writes.
    void expect_matches_clean_build(const fs::path& site, const std::string& extra = "") {
        ASSERT_NO_FATAL_FAILURE(clean_build("clean", extra));
        expect_same_tree(site, dir / "clean");
    }

    // Changes the content, builds again with the cache, and compares with a clean build.
    Rendered change_and_compare(const std::function<void()>& change) {
        change();
        RunResult incremental = build("site", "--threads 2");
        EXPECT_EQ(incremental.status, 0) << incremental.output;
        expect_matches_clean_build(dir / "site", "--threads 1");
        return rendered_of(incremental);
    }

    TempDir dir;
};

TEST_F(IncrementalBuild, NothingChangedRewritesNoFile) {
    auto before = file_identities(dir / "site");
    RunResult again = build("site");
    ASSERT_EQ(again.status, 0) << again.output;
    Rendered r = rendered_of(again);
    EXPECT_EQ(r.rendered, 0u) << again.output;
    EXPECT_THAT(long_text(again.output), HasSubstr("(" + std::to_string(r.total) + " unchanged)")) << again.output;
    EXPECT_EQ(file_identities(dir / "site"), before) << "no file was written, replaced or touched";
}

TEST_F(IncrementalBuild, TouchingAFileWithoutChangingItRendersNothing) {
    fs::path file = profile("leicester/profiles/arjun-bhatt.md");
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    RunResult again = build("site");
    ASSERT_EQ(again.status, 0) << again.output;
    EXPECT_EQ(rendered_of(again).rendered, 0u) << again.output;
}

TEST_F(IncrementalBuild, AChangedProfileRendersOnlyThePagesThatShowIt) {
    auto before = file_identities(dir / "site");
    Rendered r = change_and_compare([&] {
        replace_once(profile("leicester/profiles/arjun-bhatt.md"), "Builds and tests electronics", "Designs and tests electronics");
    });
    // Its page, its institution, the technicians index, three theme pages, four skill pages,
    // a registration page, the case study naming him: about a dozen of the whole site.
    EXPECT_GT(r.rendered, 5u);
    EXPECT_LT(r.rendered, 20u);
    auto after = file_identities(dir / "site");
    EXPECT_NE(after.at("institutions/leicester/profiles/arjun-bhatt/index.html"),
              before.at("institutions/leicester/profiles/arjun-bhatt/index.html"));
    EXPECT_EQ(after.at("institutions/lstm/profiles/kwame-mensah/index.html"),
              before.at("institutions/lstm/profiles/kwame-mensah/index.html"))
        << "an unrelated page is the same file (hard-linked from the previous site), not written again";
}

TEST_F(IncrementalBuild, AChangedProfileBodyMatchesACleanBuild) {
    change_and_compare([&] {
        std::string text = read_text(profile("lmb/profiles/priyanka-raman.md"));
        write_text(profile("lmb/profiles/priyanka-raman.md"), text + "\nA new paragraph with a [link](/themes/visibility/).\n");
    });
}

TEST_F(IncrementalBuild, AChangedPlanMatchesACleanBuild) {
    Rendered r = change_and_compare([&] {
        replace_once(content() / "institutions/lstm/plans/2024-2027.toml", "success = \"", "success = \"Changed measure. ");
    });
    EXPECT_GT(r.rendered, 0u);
}

TEST_F(IncrementalBuild, AChangedTemplateMatchesACleanBuild) {
    std::string foot = read_text(source_dir / "themes/default/templates/partials/foot.mustache");
    // The site's own copy of a theme template replaces it; then that copy is edited.
    change_and_compare([&] { write_text(content() / "templates/partials/foot.mustache", "<!-- site footer -->\n" + foot); });
    Rendered r = change_and_compare([&] {
        write_text(content() / "templates/partials/foot.mustache", "<!-- edited footer -->\n" + foot);
    });
    EXPECT_EQ(r.rendered, r.total) << "every page has the footer";
    EXPECT_THAT(long_text(read_text(dir / "site/index.html")), HasSubstr("<!-- edited footer -->"));
}

TEST_F(IncrementalBuild, AChangedConfigMatchesACleanBuild) {
    Rendered r = change_and_compare([&] {
        replace_once(content() / "site.toml", "title = \"Technician Commitment\"", "title = \"Technician Commitment UK\"");
    });
    EXPECT_EQ(r.rendered, r.total);
}

TEST_F(IncrementalBuild, AChangedCommitmentThemeMatchesACleanBuild) {
    change_and_compare([&] {
        std::string text = read_text(content() / "commitment-themes/visibility.md");
        write_text(content() / "commitment-themes/visibility.md", text + "\nOne more sentence about visibility.\n");
    });
}

TEST_F(IncrementalBuild, ADeletedFileMatchesACleanBuild) {
    change_and_compare([&] {
        fs::remove(profile("leicester/profiles/ifeoma-nwosu.md"));
        fs::remove(content() / "institutions/lancaster/case-studies/greener-laboratories.md");
    });
    EXPECT_FALSE(fs::exists(dir / "site/institutions/leicester/profiles/ifeoma-nwosu"));
}

TEST_F(IncrementalBuild, AnAddedFileMatchesACleanBuild) {
    change_and_compare([&] {
        std::string text = read_text(profile("leicester/profiles/arjun-bhatt.md"));
        text.replace(text.find("Arjun Bhatt"), std::string("Arjun Bhatt").size(), "Zara Bhatt");
        write_text(profile("leicester/profiles/zara-bhatt.md"), text);
    });
    EXPECT_TRUE(fs::exists(dir / "site/institutions/leicester/profiles/zara-bhatt/index.html"));
}

TEST_F(IncrementalBuild, ABuildWithErrorsPublishesNothingAndTheNextBuildRecovers) {
    auto before = file_identities(dir / "site");
    fs::path file = profile("leicester/profiles/arjun-bhatt.md");
    std::string good = read_text(file);
    write_text(file, good + "\n[broken](/no-such-page/)\n");
    RunResult failed = build("site");
    EXPECT_NE(failed.status, 0) << failed.output;
    EXPECT_EQ(file_identities(dir / "site"), before);
    write_text(file, good);
    RunResult again = build("site");
    ASSERT_EQ(again.status, 0) << again.output;
    expect_matches_clean_build(dir / "site");
}

TEST_F(IncrementalBuild, CleanIgnoresTheCache) { clean_build("site"); }

TEST_F(IncrementalBuild, TheCacheIsBesideTheContentAndIgnoredByGit) {
    bool found = false;
    for (const auto& e : fs::directory_iterator(dir / ".techpages-cache"))
        found |= e.path().filename().string().rfind("build-", 0) == 0;
    EXPECT_TRUE(found);
    EXPECT_THAT(long_text(read_text(source_dir / ".gitignore")), HasSubstr(".techpages-cache/"));
}

// The live preview's way: one SiteBuilder, rebuilt in place after each edit.
TEST_F(IncrementalBuild, SiteBuilderRebuildsInPlaceOnlyWhatChanged) {
    BuildOptions options;
    options.content_dir = content();
    options.out_dir = dir / "preview";
    options.threads = 2;
    SiteBuilder builder(options, SiteBuilder::Publish::in_place);
    Diagnostics d1;
    BuildResult first = builder.build(d1);
    ASSERT_TRUE(first.ok);
    EXPECT_EQ(first.pages_rendered, first.pages);

    // Told which file changed.
    fs::path file = profile("lancaster/profiles/bethany-clarke.md");
    write_text(file, read_text(file) + "\nShe also runs the open day.\n");
    Diagnostics d2;
    BuildResult told = builder.build({file}, d2);
    ASSERT_TRUE(told.ok);
    EXPECT_GT(told.pages_rendered, 0u);
    EXPECT_LT(told.pages_rendered, 20u);
    EXPECT_GE(told.seconds, 0.0);

    // Finding the change itself: a deleted profile and an added one.
    fs::remove(profile("leicester/profiles/ifeoma-nwosu.md"));
    std::string text = read_text(profile("leicester/profiles/arjun-bhatt.md"));
    write_text(profile("leicester/profiles/new-technician.md"), std::regex_replace(text, std::regex("Arjun Bhatt"), "New Technician"));
    Diagnostics d3;
    BuildResult found = builder.build(d3);
    ASSERT_TRUE(found.ok);
    EXPECT_LT(found.pages_rendered, found.pages);

    Diagnostics d4;
    BuildResult nothing = builder.build(d4);
    ASSERT_TRUE(nothing.ok);
    EXPECT_EQ(nothing.pages_rendered, 0u);

    expect_matches_clean_build(dir / "preview");
}

TEST_F(IncrementalBuild, SiteBuilderReportsErrorsAndRecovers) {
    BuildOptions options;
    options.content_dir = content();
    options.out_dir = dir / "preview";
    SiteBuilder builder(options, SiteBuilder::Publish::in_place);
    Diagnostics d1;
    ASSERT_TRUE(builder.build(d1).ok);
    fs::path file = profile("lmb/profiles/yusuf-karim.md");
    std::string good = read_text(file);
    write_text(file, good + "\n[broken](/no-such-page/)\n");
    Diagnostics d2;
    EXPECT_FALSE(builder.build({file}, d2).ok);
    EXPECT_TRUE(d2.has_errors());
    write_text(file, good);
    Diagnostics d3;
    ASSERT_TRUE(builder.build({file}, d3).ok);
    expect_matches_clean_build(dir / "preview");
}

// In place, the search index's entries, the open data files and the cards are kept
// between builds: an edit to an institution reaches every entry and card that names it, an
// edit to a plan its open data, and a build that fails halfway leaves what was kept as it was.
TEST_F(IncrementalBuild, SiteBuilderKeepsSearchEntriesAndCardsInStep) {
    BuildOptions options;
    options.content_dir = content();
    options.out_dir = dir / "preview";
    SiteBuilder builder(options, SiteBuilder::Publish::in_place);
    Diagnostics d1;
    ASSERT_TRUE(builder.build(d1).ok);
    fs::path institution = content() / "institutions" / "lancaster" / "institution.md";
    replace_once(institution, "name = \"Lancaster University\"", "name = \"University of Lancaster\"");
    Diagnostics d2;
    ASSERT_TRUE(builder.build({institution}, d2).ok);
    EXPECT_THAT(long_text(read_text(dir / "preview" / "search" / "index.json")), HasSubstr("University of Lancaster"));
    fs::path plan = content() / "institutions/lstm/plans/2024-2027.toml";
    replace_once(plan, "success = \"", "success = \"Changed measure. ");
    Diagnostics d_plan;
    ASSERT_TRUE(builder.build({plan}, d_plan).ok);
    EXPECT_THAT(long_text(read_text(dir / "preview" / "institutions/lstm/plans/2024-2027/lstm-2024-2027.csv")),
                HasSubstr("Changed measure."));

    fs::path file = profile("lmb/profiles/yusuf-karim.md");
    std::string good = read_text(file);
    write_text(file, good + "\n[broken](/no-such-page/)\n");
    Diagnostics d3;
    EXPECT_FALSE(builder.build({file}, d3).ok);
    write_text(file, good + "\nHe also trains new staff.\n");
    fs::path other = profile("lancaster/profiles/bethany-clarke.md");
    write_text(other, read_text(other) + "\nShe also runs the open day.\n");
    Diagnostics d4;
    ASSERT_TRUE(builder.build({file, other}, d4).ok);

    expect_matches_clean_build(dir / "preview");
}

TEST_F(IncrementalBuild, OutputIsTheSameWhateverTheThreadCount) {
    ASSERT_NO_FATAL_FAILURE(clean_build("one", "--threads 1"));
    ASSERT_NO_FATAL_FAILURE(clean_build("two", "--threads 2"));
    expect_same_tree(dir / "one", dir / "two");
}

}  // namespace

namespace {

// The sample with two cards to a page: most lists take several pages.
class IncrementalSplitLists : public IncrementalBuild {
protected:
    void SetUp() override {
        IncrementalBuild::SetUp();
        write_text(content() / "site.toml", read_text(content() / "site.toml") + "\n[pagination]\nper_page = 2\n");
        RunResult split = build("site");
        ASSERT_EQ(split.status, 0) << split.output;
        ASSERT_TRUE(fs::exists(dir / "site/technicians/page/8/index.html")) << split.output;
    }
};

TEST_F(IncrementalSplitLists, AChangedProfileRendersOnlyThePagesOfListsItIsOn) {
    auto before = file_identities(dir / "site");
    Rendered r = change_and_compare([&] {
        replace_once(profile("leicester/profiles/arjun-bhatt.md"), "Builds and tests electronics", "Designs and tests electronics");
    });
    EXPECT_GT(r.rendered, 5u);
    EXPECT_LT(r.rendered, 20u);
    auto after = file_identities(dir / "site");
    // He is on the last page of the directory (Leicester comes last); the other pages are kept.
    EXPECT_NE(after.at("technicians/page/7/index.html"), before.at("technicians/page/7/index.html"));
    EXPECT_EQ(after.at("technicians/page/2/index.html"), before.at("technicians/page/2/index.html"))
        << "a page of the directory without him is not written again";
}

// The live preview's way: told which file changed, in place; an edit that keeps the
// profile where it was, then one that renames it (so it moves along every list it is on).
TEST_F(IncrementalSplitLists, SiteBuilderToldWhatChangedMatchesACleanBuild) {
    BuildOptions options;
    options.content_dir = content();
    options.out_dir = dir / "preview";
    options.threads = 2;
    SiteBuilder builder(options, SiteBuilder::Publish::in_place);
    Diagnostics d1;
    ASSERT_TRUE(builder.build(d1).ok);
    fs::path file = profile("lancaster/profiles/bethany-clarke.md");
    replace_once(file, "summary = \"", "summary = \"Now also: ");
    Diagnostics d2;
    BuildResult kept_in_place = builder.build({file}, d2);
    ASSERT_TRUE(kept_in_place.ok);
    EXPECT_LT(kept_in_place.pages_rendered, 20u);
    replace_once(file, "name = \"Bethany Clarke\"", "name = \"Zoe Clarke\"");
    Diagnostics d3;
    ASSERT_TRUE(builder.build({file}, d3).ok);
    EXPECT_THAT(long_text(read_text(dir / "preview/technicians/page/2/index.html")), HasSubstr("Zoe Clarke"))
        << "renamed, she moves from page 1 to page 2 of the directory";

    expect_matches_clean_build(dir / "preview");
}

TEST_F(IncrementalSplitLists, AnAddedProfileMovesTheCardsAfterItAndMatchesACleanBuild) {
    change_and_compare([&] {
        std::string text = read_text(profile("lancaster/profiles/bethany-clarke.md"));
        text = std::regex_replace(text, std::regex("name = \"Bethany Clarke\""), "name = \"Abigail Clarke\"");
        write_text(profile("lancaster/profiles/abigail-clarke.md"), text);
    });
    EXPECT_TRUE(fs::exists(dir / "site/technicians/page/8/index.html"));
}

TEST_F(IncrementalSplitLists, ARemovedProfileShortensTheListAndMatchesACleanBuild) {
    change_and_compare([&] {
        fs::remove(profile("leicester/profiles/grace-achterberg.md"));
        fs::remove(content() / "institutions/leicester/career-stories/twenty-years-in-animal-care.md");  // (these name her)
        fs::remove(content() / "institutions/leicester/case-studies/technician-network.md");
    });
    EXPECT_FALSE(fs::exists(dir / "site/technicians/page/8/index.html")) << "15 → 14 technicians: 7 pages";
}

}  // namespace

// The build cache keeps SHA-256 digests (64 hex digits); a cache of an older format (1 had
// 64-bit hashes, whose collisions anyone can make to order) is not used.
// Format 3: SHA-256 digests, and what each page read as it rendered (names on `read`
// lines, numbered from 0; each page's reads as those numbers).
TEST_F(IncrementalBuild, CacheHoldsSha256DigestsAndReadsInFormat3) {
    fs::path cache_dir = dir / ".techpages-cache";
    std::vector<fs::path> caches;
    for (const auto& e : fs::directory_iterator(cache_dir))
        if (e.path().filename().string().rfind("build-", 0) == 0 && e.path().extension() == ".tsv") caches.push_back(e.path());
    ASSERT_EQ(caches.size(), 1u);
    std::string text = read_text(caches[0]);
    EXPECT_EQ(text.rfind("techpages-build-cache\t3\n", 0), 0u) << text.substr(0, 40);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(text, m, std::regex("\ninput\t([0-9a-f]*)\t")));
    EXPECT_EQ(m[1].length(), 64) << "an input's digest is SHA-256's 256 bits";
    ASSERT_TRUE(std::regex_search(text, m, std::regex("\npage\t([0-9a-f]*)\t")));
    EXPECT_EQ(m[1].length(), 64) << "a page's digest is SHA-256's 256 bits";
    EXPECT_THAT(long_text(text), HasSubstr("\nread\tprofile:institutions/leicester/profiles/arjun-bhatt.md\n"))
        << "a profile's page reads its profile, by name";
    ASSERT_TRUE(std::regex_search(text, m, std::regex("\npage\t[0-9a-f]{64}\tinstitutions/leicester/profiles/arjun-bhatt/\t([0-9,]+)")));
    EXPECT_GE(std::count(m[1].first, m[1].second, ',') + 1, 3) << "the page read the site, its profile and its institution";

    write_text(caches[0], std::regex_replace(text, std::regex("^techpages-build-cache\t3"), "techpages-build-cache\t2"));
    RunResult again = build("site");
    ASSERT_EQ(again.status, 0) << again.output;
    Rendered r = rendered_of(again);
    EXPECT_EQ(r.rendered, r.total) << "a cache of format 2 is ignored: " << again.output;
}

// The cards (a profile's, a story's … as lists show them) are kept beside the build cache,
// so the next build renders only those whose reads changed and lends the rest to the pages.
TEST_F(IncrementalBuild, CardsComeFromTheCardCacheUnlessWhatTheyReadChanged) {
    fs::path cards;
    for (const auto& e : fs::directory_iterator(dir / ".techpages-cache"))
        if (e.path().extension() == ".cards") cards = e.path();
    ASSERT_FALSE(cards.empty()) << "a card cache beside the build cache";
    std::string text = read_text(cards);
    ASSERT_EQ(text.rfind("techpages-card-cache\t1\n", 0), 0u) << text.substr(0, 40);
    ASSERT_THAT(long_text(text), HasSubstr("\tinstitutions/lstm/profiles/kwame-mensah.md\t"));
    // Mark Kwame's kept card (same length, so the file still reads): only a card lent from
    // the cache can bring the mark into a page.
    ASSERT_NE(text.find(">Kwame "), std::string::npos);
    write_text(cards, std::regex_replace(text, std::regex(">Kwame "), ">KWAME "));
    replace_once(profile("leicester/profiles/arjun-bhatt.md"), "Builds and tests electronics", "Designs and tests electronics");
    RunResult again = build("site");
    ASSERT_EQ(again.status, 0) << again.output;
    std::string technicians = read_text(dir / "site/technicians/index.html");
    EXPECT_THAT(long_text(technicians), HasSubstr(">KWAME ")) << "Kwame's card was lent from the cache";
    EXPECT_THAT(long_text(technicians), HasSubstr("Designs and tests electronics")) << "Arjun's card was rendered again";

    // A card cache that cannot be read is ignored: every card is rendered.
    for (std::string broken : {std::string("not a card cache\n"), text.substr(0, text.size() / 2),
                               std::regex_replace(text, std::regex("\tinstitutions/lstm/profiles/kwame-mensah.md\t([0-9]+)"),
                                                  "\tinstitutions/lstm/profiles/kwame-mensah.md\t99999999")}) {
        write_text(cards, broken);
        change_and_compare([&] { replace_once(profile("leicester/profiles/arjun-bhatt.md"), "and tests", "and checks"); });
        replace_once(profile("leicester/profiles/arjun-bhatt.md"), "and checks", "and tests");
    }
}

// A file changed to different bytes of the same length is read again and its pages
// rendered: the length alone never makes a file unchanged.
TEST_F(IncrementalBuild, ADifferentFileOfTheSameLengthIsNeverTakenAsUnchanged) {
    fs::path file = profile("leicester/profiles/arjun-bhatt.md");
    std::string before = read_text(file);
    Rendered r = change_and_compare([&] {
        replace_once(file, "Arjun", "Arjan");
        fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
    });
    EXPECT_EQ(read_text(file).size(), before.size());
    EXPECT_GT(r.rendered, 0u) << "the profile's pages are rendered again";
    EXPECT_THAT(long_text(read_text(dir / "site" / "institutions/leicester/profiles/arjun-bhatt/index.html")),
                HasSubstr("Arjan"));
}
