// What a contributor sees when content is broken: located errors, every broken file in
// one run, a non-zero exit, and the previous site left exactly as it was.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

struct BrokenCopy {
    TempDir dir;
    fs::path content = dir / "content";
    fs::path out = dir / "site";
    BrokenCopy() { copy_tree(source_dir / "content", content); }
    RunResult build(const std::string& extra = "") {
        return run(binary + " build --content " + quote(content) + " --out " + quote(out) + " " + extra);
    }
};

TEST(BuildErrors, BrokenFrontMatterIsLocatedAndNothingIsPublished) {
    BrokenCopy site;
    ASSERT_EQ(site.build().status, 0);
    std::string before = read_text(site.out / "index.html");
    // An unclosed quote on line 3 of a profile: role = "Senior Insectary Technician
    fs::path profile = site.content / "institutions/lstm/profiles/kwame-mensah.md";
    std::string text = read_text(profile);
    size_t line3 = text.find('\n', text.find('\n') + 1) + 1;
    size_t close = text.find('"', text.find('"', line3) + 1);
    text.erase(close, 1);
    write_text(profile, text);
    RunResult r = site.build();
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("institutions/lstm/profiles/kwame-mensah.md:3:")) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(": error: "));
    EXPECT_THAT(long_text(r.output), HasSubstr("Build failed: nothing was published"));
    EXPECT_EQ(read_text(site.out / "index.html"), before) << "the previous site is untouched";
    EXPECT_THAT(long_text(r.output), Not(HasSubstr("has no published profile")))
        << "a file that cannot be read does not also make every reference to it an error:\n"
        << r.output;
}

TEST(BuildErrors, UnclosedTripleQuoteIsReportedWhereItOpens) {
    BrokenCopy site;
    write_text(site.content / "institutions/lmb/profiles/long-text.md",
               "+++\nname = \"A\"\nrole = \"\"\"Technician\nsummary = \"x\"\n+++\nBody\n");
    RunResult r = site.build();
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(long_text(r.output),
                HasSubstr("long-text.md:3:8: error: this text opened with three quotes is never closed"))
        << r.output;
}

TEST(BuildErrors, EveryBrokenFileIsReportedInOneRun) {
    BrokenCopy site;
    write_text(site.content / "institutions/lmb/profiles/no-close.md", "+++\nname = \"A\"\nrole = \"B\"\n");
    write_text(site.content / "institutions/lmb/case-studies/bad-date.md",
               "+++\ntitle = \"T\"\ndate = 2023-02-30\n+++\nText\n");
    write_text(site.content / "institutions/lmb/plans/bad.toml", "title = \"P\"\n[[actions]]\nref = \"1\"\naction = \n");
    RunResult r = site.build();
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(
            "institutions/lmb/profiles/no-close.md:1:1: error: the front matter opened by +++ on line 1 is never closed"))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("institutions/lmb/case-studies/bad-date.md:3:")) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("institutions/lmb/plans/bad.toml:4:")) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("3 errors")) << r.output;
}

TEST(BuildErrors, UnknownThemeAndRegistrationGetSuggestions) {
    BrokenCopy site;
    write_text(site.content / "institutions/lmb/profiles/new-person.md",
               "+++\nname = \"New Person\"\nrole = \"Technician\"\nthemes = [\"visibilty\"]\nregistrations = [\"RSciTec\"]\n+++\nHello\n");
    RunResult r = site.build();
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(
            "new-person.md:4:10: error: 'visibilty' is not a Technician Commitment theme \u2014 did you mean 'visibility'?"))
        << r.output;
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(
            "new-person.md:5:17: error: 'RSciTec' is not a professional registration this site knows \u2014 did you mean 'RSciTech'?"))
        << r.output;
}

TEST(BuildErrors, OutputInsideContentIsRefused) {
    BrokenCopy site;
    RunResult r = run(binary + " build --content " + quote(site.content) + " --out " + quote(site.content / "site"));
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(long_text(r.output), HasSubstr("inside the content folder")) << r.output;
    EXPECT_FALSE(fs::exists(site.content / "site"));
}

TEST(BuildErrors, OutputThatIsTheRootOrHoldsTheContentIsRefused) {
    BrokenCopy site;
    // The root of the file system, and the folder that holds the content: a build would delete it.
    for (const fs::path& out : {fs::path("/"), site.dir.path()}) {
        RunResult r = run(binary + " build --content " + quote(site.content) + " --out " + quote(out));
        EXPECT_EQ(r.status, 1) << out << "\n" << r.output;
        EXPECT_THAT(long_text(r.output), HasSubstr("error: the output folder")) << r.output;
    }
    EXPECT_TRUE(fs::exists(site.content / "site.toml"));
    // The content folder itself.
    RunResult r = run(binary + " build --content " + quote(site.content) + " --out " + quote(site.content));
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_TRUE(fs::exists(site.content / "site.toml"));
}

TEST(Cli, HelpVersionAndUnknownCommands) {
    RunResult help = run(binary + " --help");
    EXPECT_EQ(help.status, 0);
    EXPECT_THAT(long_text(help.output), HasSubstr("techpages build [--content DIR]"));
    RunResult version = run(binary + " --version");
    EXPECT_EQ(version.status, 0);
    EXPECT_EQ(version.output.rfind("techpages ", 0), 0u);
    RunResult typo = run(binary + " biuld");
    EXPECT_EQ(typo.status, 2);
    EXPECT_THAT(long_text(typo.output), HasSubstr("did you mean 'build'?")) << typo.output;
    RunResult option = run(binary + " build --outt x");
    EXPECT_EQ(option.status, 2);
    EXPECT_THAT(long_text(option.output), HasSubstr("did you mean --out?")) << option.output;
}

TEST(Cli, BaseUrlOptionMovesEveryLink) {
    BrokenCopy site;
    RunResult r = site.build("--base-url https://example.org/");
    ASSERT_EQ(r.status, 0) << r.output;
    std::string home = read_text(site.out / "index.html");
    EXPECT_THAT(long_text(home), HasSubstr("href=\"/assets/style.css\""));
    EXPECT_THAT(long_text(home), HasSubstr("<link rel=\"canonical\" href=\"https://example.org/\">"));
    EXPECT_THAT(long_text(home), Not(HasSubstr("/techpages/")));
}

TEST(Cli, DraftsAreBuiltOnRequest) {
    BrokenCopy site;
    ASSERT_EQ(site.build("--drafts").status, 0);
    EXPECT_TRUE(fs::exists(site.out / "institutions/leicester/profiles/ifeoma-nwosu/index.html"));
}

}  // namespace
