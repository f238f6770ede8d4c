// TOML syntax errors are reported at the line of the file the contributor edits.
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "../test_support.h"
#include "load/front_matter.h"
#include "load/source_file.h"
#include "load/toml_reader.h"
#include "unit_helpers.h"

using namespace techpages;
using namespace techpages::testing;

namespace {

const std::string profile_path = "institutions/lstm/profiles/amara-okafor.md";

// Reads a Markdown file from disk as the loader does, and parses its front matter.
std::optional<toml::table> parse_front_matter_file(const std::string& bytes, Diagnostics& diagnostics) {
    TempDir dir;
    write_text(dir / "amara-okafor.md", bytes);
    SourceFile file;
    if (!read_source_file(dir / "amara-okafor.md", profile_path, file, diagnostics)) return std::nullopt;
    FrontMatterSplit split;
    if (!split_front_matter(file, split, diagnostics)) return std::nullopt;
    return parse_toml(split.front, profile_path, split.front_line, diagnostics);
}

Diagnostic only_error(const Diagnostics& diagnostics) {
    auto errors = errors_with(diagnostics, "");
    EXPECT_EQ(errors.size(), 1u) << dump(diagnostics);
    return errors.empty() ? Diagnostic{} : errors[0];
}

}  // namespace

TEST(ParseToml, ValidTextGivesTheTableAndNoDiagnostics) {
    Diagnostics diagnostics;
    auto table = parse_toml("title = \"Plan\"\nadopted = 2024-01-15\n", "plans/p.toml", 1, diagnostics);
    ASSERT_TRUE(table.has_value()) << dump(diagnostics);
    EXPECT_EQ(table->get("title")->value_or(std::string()), "Plan");
    EXPECT_EQ(diagnostics.error_count() + diagnostics.warning_count(), 0u);
}

// A plan may be up to a megabyte: a broken line of that length (found by fuzz_toml, which
// overflowed the stack in std::regex at 19 KB) is an error, not a crash.
TEST(ParseToml, AVeryLongBrokenLineIsAnErrorNotACrash) {
    for (std::string line : {std::string(900 * 1024, 'L'), "key = " + std::string(900 * 1024, '1'),
                             std::string(900 * 1024, 'L') + " = 2024-02-31"}) {
        Diagnostics diagnostics;
        auto table = parse_toml(line + "\n", "plans/p.toml", 1, diagnostics);
        EXPECT_FALSE(table.has_value());
        EXPECT_EQ(diagnostics.error_count(), 1u) << dump(diagnostics).substr(0, 300);
    }
    Diagnostics diagnostics;
    parse_toml("adopted = 2024-02-31\n", "plans/p.toml", 1, diagnostics);
    Diagnostic d = only_error(diagnostics);
    EXPECT_TRUE(contains(d.message, "'adopted' is 2024-02-31, a day that does not exist")) << d.message;
    EXPECT_EQ(d.pos.column, 11);
}

TEST(ParseToml, ErrorInFrontMatterIsReportedAtTheFileLine) {
    // Front matter starts on line 2; its third line (the broken one) is line 4 of the file.
    Diagnostics diagnostics;
    auto table = parse_front_matter_file(
        "+++\nname = \"Amara Okafor\"\nrole = \"Technician\"\ndepartment = \n+++\nBody\n", diagnostics);
    EXPECT_FALSE(table.has_value());
    Diagnostic d = only_error(diagnostics);
    EXPECT_EQ(d.path, profile_path);
    EXPECT_EQ(d.pos.line, 4);
    EXPECT_EQ(d.pos.column, 14);  // the end of "department = ", where a value was expected
    EXPECT_TRUE(contains(d.message, "not valid TOML")) << d.message;
}

TEST(ParseToml, FormattedErrorReadsPathLineColumnErrorMessageDashHint) {
    Diagnostics diagnostics;
    parse_front_matter_file("+++\nname = \"Amara Okafor\"\nrole = \"Technician\"\ndepartment = \n+++\n", diagnostics);
    Diagnostic d = only_error(diagnostics);
    std::string line = format_diagnostic(d);
    std::regex shape(R"(^institutions/lstm/profiles/amara-okafor\.md:4:14: error: this is not valid TOML \(.+\) \xE2\x80\x94 .+$)");
    EXPECT_TRUE(std::regex_match(line, shape)) << line;
}

TEST(ParseToml, ErrorPositionFollowsFirstLine) {
    for (int first_line : {1, 2, 10}) {
        Diagnostics diagnostics;
        parse_toml("a = 1\nb = 2\nc = = 3\n", "x.toml", first_line, diagnostics);
        Diagnostic d = only_error(diagnostics);
        EXPECT_EQ(d.pos.line, 3 + first_line - 1) << "first_line " << first_line;
    }
}

TEST(ParseToml, WindowsLineEndingsDoNotMoveTheErrorLine) {
    Diagnostics diagnostics;
    parse_front_matter_file("+++\r\nname = \"Amara\"\r\nrole = \"Technician\"\r\nskills = [\"qPCR\",\r\n+++\r\n", diagnostics);
    Diagnostic d = only_error(diagnostics);
    EXPECT_EQ(d.pos.line, 4) << format_diagnostic(d);  // the skills line, where the list is left open
}

TEST(ParseToml, MissingEqualsSignGetsTheNameEqualsValueHint) {
    Diagnostics diagnostics;
    parse_toml("title \"About\"\n", "pages/about.md", 2, diagnostics);
    Diagnostic d = only_error(diagnostics);
    EXPECT_EQ(d.pos.line, 2);
    EXPECT_EQ(d.hint, "write each field as name = value, with text in double quotes");
}

TEST(ParseToml, ImpossibleTomlDateNamesTheFieldAndTheDay) {
    Diagnostics diagnostics;
    auto table = parse_toml("title = \"x\"\ndate = 2023-02-29\n", "case.md", 2, diagnostics);
    EXPECT_FALSE(table.has_value());
    Diagnostic d = only_error(diagnostics);
    EXPECT_EQ(d.pos.line, 3);
    EXPECT_EQ(d.pos.column, 8) << "points at the date itself";
    EXPECT_EQ(d.message, "'date' is 2023-02-29, a day that does not exist");
    EXPECT_TRUE(contains(d.hint, "date = 2024-05-01")) << d.hint;
}

TEST(ParseToml, RepeatedFieldGetsTheAppearOnceHint) {
    Diagnostics diagnostics;
    parse_toml("title = \"a\"\ntitle = \"b\"\n", "pages/about.md", 2, diagnostics);
    Diagnostic d = only_error(diagnostics);
    EXPECT_EQ(d.pos.line, 3);
    EXPECT_TRUE(contains(d.hint, "each field may appear once")) << d.hint;
}

TEST(ParseToml, UnclosedQuoteGetsTheCloseTheTextHint) {
    Diagnostics diagnostics;
    parse_toml("summary = \"Runs the lab\nrole = \"Technician\"\n", "pages/about.md", 2, diagnostics);
    Diagnostic d = only_error(diagnostics);
    EXPECT_EQ(d.pos.line, 2);
    EXPECT_TRUE(contains(d.hint, "close the text with the same quote mark")) << d.hint;
}

TEST(NodePosition, IsShiftedByFirstLine) {
    Diagnostics diagnostics;
    auto table = parse_toml("a = 1\n  b = 2\n", "x.md", 2, diagnostics);
    ASSERT_TRUE(table.has_value());
    SourcePos pos = node_position(*table->get("b"), 2);
    EXPECT_EQ(pos.line, 3);
    EXPECT_EQ(pos.column, 7);
}

TEST(FormatDiagnostic, ProblemWithTheWholeFileIsShownAtLineOneColumnOne) {
    Diagnostic d{"site.toml", {}, Severity::warning, "something odd", ""};
    EXPECT_EQ(format_diagnostic(d), "site.toml:1:1: warning: something odd");
    d.pos = {3, 0};
    EXPECT_EQ(format_diagnostic(d), "site.toml:3:1: warning: something odd");
}

TEST(FormatDiagnostic, ErrorWithHintIsJoinedByADash) {
    Diagnostic d{"pages/about.md", {4, 7}, Severity::error, "'title' is missing", "add title = \"...\""};
    EXPECT_EQ(format_diagnostic(d), "pages/about.md:4:7: error: 'title' is missing \u2014 add title = \"...\"");
}

TEST(Diagnostics, SortedByFileThenLine) {
    Diagnostics diagnostics;
    diagnostics.error("b.md", {1, 1}, "x");
    diagnostics.warning("a.md", {9, 1}, "y");
    diagnostics.error("a.md", {2, 5}, "z");
    auto sorted = diagnostics.sorted();
    ASSERT_EQ(sorted.size(), 3u);
    EXPECT_EQ(sorted[0].message, "z");
    EXPECT_EQ(sorted[1].message, "y");
    EXPECT_EQ(sorted[2].message, "x");
    EXPECT_EQ(diagnostics.error_count(), 2u);
    EXPECT_EQ(diagnostics.warning_count(), 1u);
    EXPECT_TRUE(diagnostics.has_errors());
}
