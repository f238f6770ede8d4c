// The command line made from its tables: the README shows the synopsis --help prints, and
// the usage mistakes are answered from the tables (which command takes an option, what value).
#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"

using namespace techpages::testing;

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

TEST(CliUsage, AnOptionOfAnotherCommandIsNamedAsSuch) {
    RunResult r = run(binary + " check --out site");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("--out is an option of build and export-plan, not of check"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Usage: techpages check [--content DIR]"), std::string::npos) << r.output;
}

TEST(CliUsage, ValuesAreAskedForByTheirNames) {
    RunResult port = run(binary + " serve --port");
    EXPECT_EQ(port.status, 2);
    EXPECT_NE(port.output.find("--port needs a value, e.g. --port N"), std::string::npos) << port.output;
    RunResult out = run(binary + " export-plan plan.toml --out");
    EXPECT_EQ(out.status, 2);
    EXPECT_NE(out.output.find("--out needs a value, e.g. --out FILE.csv"), std::string::npos) << out.output;
    RunResult format = run(binary + " check --format=xml");
    EXPECT_EQ(format.status, 2);
    EXPECT_NE(format.output.find("--format takes text, github or json, not 'xml'"), std::string::npos) << format.output;
    RunResult flag = run(binary + " build --drafts=yes");
    EXPECT_EQ(flag.status, 2);
    EXPECT_NE(flag.output.find("--drafts takes no value"), std::string::npos) << flag.output;
}

TEST(CliUsage, MissingArgumentsAreExplained) {
    RunResult r = run(binary + " new profile");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.output.find("The kinds: profile, case-study, career-story, institution, action-plan."), std::string::npos)
        << r.output;
    RunResult e = run(binary + " export-plan");
    EXPECT_EQ(e.status, 2);
    EXPECT_NE(e.output.find("give the plan to export"), std::string::npos) << e.output;
    RunResult help = run(binary + " new --help");
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.output.find("Options:"), std::string::npos) << help.output;
}

}  // namespace
