// techpages new: each kind of starting file lands in the right folder, passes check,
// builds into a page, and never replaces a file that is already there.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

struct SampleCopy {
    TempDir dir;
    fs::path content = dir / "content";
    SampleCopy() { copy_tree(source_dir / "content", content); }
    RunResult techpages(const std::string& args) { return run(binary + " " + args + " --content " + quote(content)); }
};

struct Kind {
    std::string args;
    std::string file;  // where it is written, under content/
    std::string page;  // the page it becomes, under the site
    std::string shown; // text the page shows
};

const std::vector<Kind> kinds = {
    {"new profile jane-doe --institution lstm", "institutions/lstm/profiles/jane-doe.md",
     "institutions/lstm/profiles/jane-doe/index.html", "Jane Doe"},
    {"new case-study open-lab-day --institution lstm", "institutions/lstm/case-studies/open-lab-day.md",
     "institutions/lstm/case-studies/open-lab-day/index.html", "Open Lab Day"},
    {"new career-story from-apprentice-to-manager --institution lancaster",
     "institutions/lancaster/career-stories/from-apprentice-to-manager.md",
     "institutions/lancaster/career-stories/from-apprentice-to-manager/index.html", "Laboratory apprentice"},
    {"new institution university-of-example", "institutions/university-of-example/institution.md",
     "institutions/university-of-example/index.html", "University Of Example"},
    {"new action-plan 2026-2029 --institution lmb", "institutions/lmb/plans/2026-2029.toml",
     "institutions/lmb/plans/2026-2029/index.html", "Describe the action here"},
};

}  // namespace

TEST(NewCommand, EveryKindWritesAFileThatPassesCheckAndBuilds) {
    SampleCopy site;
    for (const auto& kind : kinds) {
        RunResult made = site.techpages(kind.args);
        ASSERT_EQ(made.status, 0) << kind.args << "\n" << made.output;
        EXPECT_THAT(long_text(made.output), HasSubstr("Wrote " + (site.content / kind.file).string())) << made.output;
        std::string text = read_text(site.content / kind.file);
        ASSERT_FALSE(text.empty()) << kind.file;
        EXPECT_GE(count_of(text, "# "), 8u) << "every field explained in a comment:\n" << text;
    }
    RunResult check = run(binary + " check --content " + quote(site.content));
    EXPECT_EQ(check.status, 0) << check.output;
    EXPECT_THAT(long_text(check.output), Not(HasSubstr(": error:"))) << check.output;
    for (const auto& kind : kinds)
        EXPECT_THAT(long_text(check.output), Not(HasSubstr(kind.file))) << "not even a warning:\n" << check.output;
    fs::path out = site.dir / "site";
    RunResult build = run(binary + " build --content " + quote(site.content) + " --out " + quote(out));
    ASSERT_EQ(build.status, 0) << build.output;
    for (const auto& kind : kinds) {
        std::string page = read_text(out / kind.page);
        EXPECT_THAT(long_text(page), HasSubstr(kind.shown)) << kind.page;
    }
}

TEST(NewCommand, EachKindAloneInAFreshSitePassesCheck) {
    // Each file on its own too, so no kind leans on another made in the same run.
    for (const auto& kind : kinds) {
        SampleCopy site;
        ASSERT_EQ(site.techpages(kind.args).status, 0) << kind.args;
        RunResult check = run(binary + " check --content " + quote(site.content));
        EXPECT_EQ(check.status, 0) << kind.args << "\n" << check.output;
    }
}

TEST(NewCommand, NeverReplacesAFile) {
    SampleCopy site;
    fs::path existing = site.content / "institutions/lstm/profiles/tomasz-nowak.md";
    std::string before = read_text(existing);
    RunResult r = site.techpages("new profile tomasz-nowak --institution lstm");
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(long_text(r.output), HasSubstr("tomasz-nowak.md: error: this file already exists")) << r.output;
    EXPECT_EQ(read_text(existing), before);

    ASSERT_EQ(site.techpages("new action-plan next --institution lstm").status, 0);
    write_text(site.content / "institutions/lstm/plans/next.toml", "title = \"Mine\"\n");
    EXPECT_EQ(site.techpages("new action-plan next --institution lstm").status, 1);
    EXPECT_EQ(read_text(site.content / "institutions/lstm/plans/next.toml"), "title = \"Mine\"\n");
    EXPECT_EQ(site.techpages("new institution lstm").status, 1);
}

TEST(NewCommand, MistakesAreExplained) {
    SampleCopy site;
    RunResult unknown_kind = site.techpages("new profle jane-doe --institution lstm");
    EXPECT_EQ(unknown_kind.status, 2);
    EXPECT_THAT(long_text(unknown_kind.output), HasSubstr("did you mean 'profile'?")) << unknown_kind.output;

    RunResult bad_name = site.techpages("new profile 'Jane Doe' --institution lstm");
    EXPECT_EQ(bad_name.status, 1);
    EXPECT_THAT(long_text(bad_name.output), HasSubstr("e.g. 'jane-doe'")) << bad_name.output;

    RunResult no_institution = site.techpages("new profile jane-doe");
    EXPECT_EQ(no_institution.status, 2);
    EXPECT_THAT(long_text(no_institution.output), HasSubstr("--institution")) << no_institution.output;

    RunResult typo = site.techpages("new profile jane-doe --institution lstn");
    EXPECT_EQ(typo.status, 1);
    EXPECT_THAT(long_text(typo.output), HasSubstr("did you mean 'lstm'?")) << typo.output;
    EXPECT_FALSE(fs::exists(site.content / "institutions/lstn"));
}

TEST(NewCommand, TheOnlyInstitutionNeedNotBeNamed) {
    TempDir dir;
    fs::path content = dir / "content";
    copy_tree(source_dir / "tests/fixtures/golden-site", content);
    RunResult r = run(binary + " new case-study shared-bench --content " + quote(content));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(fs::exists(content / "institutions/example/case-studies/shared-bench.md"));
}
