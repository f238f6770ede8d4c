// The command line made from its tables: the README shows the synopsis --help prints, and
// the usage mistakes are answered from the tables (which command takes an option, what value).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

// The lines of the ```text block under "## Using techpages" in README.md.
std::vector<std::string> readme_usage() {
    std::istringstream in(read_text(source_dir / "README.md"));
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line) && line != "## Using techpages") {}
    while (std::getline(in, line) && line != "```text") {}
    while (std::getline(in, line) && line != "```") lines.push_back(line);
    return lines;
}

// The lines under "Usage:" in `techpages --help`, up to the blank line, without their indent.
std::vector<std::string> help_synopsis() {
    std::istringstream in(run(binary + " --help").output);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line) && line != "Usage:") {}
    while (std::getline(in, line) && !line.empty()) lines.push_back(line.substr(line.find_first_not_of(' ')));
    return lines;
}

TEST(CliUsage, ReadmeShowsTheSynopsisHelpPrints) {
    std::vector<std::string> help = help_synopsis();
    ASSERT_GE(help.size(), 8u) << "one line per command and one for --help";
    EXPECT_EQ(readme_usage(), help) << "README.md's \"Using techpages\" block differs from techpages --help";
}

// `techpages <arguments>` exits with `status` and says each of `said`.
void expect_answer(const std::string& arguments, int status, const std::vector<std::string>& said) {
    RunResult r = run(binary + " " + arguments);
    EXPECT_EQ(r.status, status) << arguments << "\n" << r.output;
    for (const auto& words : said) EXPECT_THAT(r.output, HasSubstr(words)) << arguments;
}

TEST(CliUsage, AnOptionOfAnotherCommandIsNamedAsSuch) {
    expect_answer("check --out site", 2,
                  {"--out is an option of build and export-plan, not of check", "Usage: techpages check [--content DIR]"});
}

TEST(CliUsage, ValuesAreAskedForByTheirNames) {
    expect_answer("serve --port", 2, {"--port needs a value, e.g. --port N"});
    expect_answer("export-plan plan.toml --out", 2, {"--out needs a value, e.g. --out FILE.csv"});
    expect_answer("check --format=xml", 2, {"--format takes text, github or json, not 'xml'"});
    expect_answer("build --drafts=yes", 2, {"--drafts takes no value"});
}

TEST(CliUsage, MissingArgumentsAreExplained) {
    expect_answer("new profile", 2, {"The kinds: profile, case-study, career-story, institution, action-plan."});
    expect_answer("export-plan", 2, {"give the plan to export"});
    expect_answer("new --help", 0, {"Options:"});
}

}  // namespace
