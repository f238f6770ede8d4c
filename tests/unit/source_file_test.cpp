// Reading content files from disk (BOM, line endings, encoding) and splitting
// Markdown files into TOML front matter and body.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include "../test_support.h"
#include "load/front_matter.h"
#include "load/source_file.h"
#include "unit_helpers.h"
#include "util/text.h"

using namespace techpages;
using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

// Writes `bytes` to a file in a fresh temporary folder and reads it back as content.
struct ReadResult {
    bool ok = false;
    SourceFile file;
    Diagnostics diagnostics;
};

void read_bytes(const std::string& bytes, ReadResult& r, const std::string& display = "pages/about.md") {
    TempDir dir;
    write_text(dir / "about.md", bytes);
    r.ok = read_source_file(dir / "about.md", display, r.file, r.diagnostics);
}

void only_error(const Diagnostics& diagnostics, const std::string& message) {
    auto found = errors_with(diagnostics, message);
    EXPECT_EQ(found.size(), 1u) << dump(diagnostics);
    EXPECT_EQ(diagnostics.error_count(), 1u) << dump(diagnostics);
    if (!found.empty()) {
        EXPECT_EQ(found[0].pos.line, 1);
    }
}

SourceFile in_memory(const std::string& text, const std::string& path = "pages/about.md") {
    SourceFile f;
    f.path = path;
    f.text = text;
    return f;
}

}  // namespace

// ---- read_source_file ---------------------------------------------------------

TEST(ReadSourceFile, ControlCharactersAreReportedAtTheirLineAndColumn) {
    ReadResult r;
    read_bytes("+++\ntitle = \"x\"\n+++\nR\u00e9d \x1b[31m\nPage\x0c break\x0b\n", r);
    EXPECT_EQ(errors_with(r.diagnostics, "invisible control character (U+001B)").at(0).pos.line, 4);
    EXPECT_EQ(errors_with(r.diagnostics, "invisible control character (U+001B)").at(0).pos.column, 5);
    EXPECT_EQ(errors_with(r.diagnostics, "a page break (form feed, U+000C)").at(0).pos.column, 5);
    EXPECT_EQ(errors_with(r.diagnostics, "a line break from Word (vertical tab, U+000B)").at(0).pos.column, 12);
    EXPECT_THAT(r.file.text, Not(HasSubstr("\x1b"))) << "replaced, so later messages keep their columns";
}

TEST(ReadSourceFile, AFileOverTheLimitIsRefusedFromItsSize) {
    TempDir dir;
    { std::ofstream(dir / "big.md") << "+++\n"; }
    fs::resize_file(dir / "big.md", 3u * 1024 * 1024);
    SourceFile file;
    Diagnostics diagnostics;
    EXPECT_FALSE(read_source_file(dir / "big.md", "pages/big.md", file, diagnostics));
    only_error(diagnostics, "this file is 3072 KB, over the 1024 KB limit for a content file");
}

TEST(ReadSourceFile, ANamedPipeIsRefusedWithoutWaitingForAWriter) {
    TempDir dir;
    ASSERT_EQ(::mkfifo((dir / "pipe.md").c_str(), 0644), 0);
    SourceFile file;
    Diagnostics diagnostics;
    EXPECT_FALSE(read_source_file(dir / "pipe.md", "pages/pipe.md", file, diagnostics));
    only_error(diagnostics, "this is a named pipe (FIFO), not a file with text in it");
}

TEST(ReadSourceFile, PlainUtf8FileIsReadAsItIs) {
    ReadResult r;
    read_bytes("+++\ntitle = \"Café\"\n+++\nText\n", r);
    ASSERT_TRUE(r.ok) << dump(r.diagnostics);
    EXPECT_EQ(r.file.text, "+++\ntitle = \"Café\"\n+++\nText\n");
    EXPECT_EQ(r.file.path, "pages/about.md");
    EXPECT_EQ(r.diagnostics.error_count(), 0u);
}

TEST(ReadSourceFile, ByteOrderMarkIsStripped) {
    ReadResult r;
    read_bytes("\xEF\xBB\xBF+++\ntitle = \"About\"\n+++\n", r);
    ASSERT_TRUE(r.ok) << dump(r.diagnostics);
    EXPECT_EQ(r.file.text, "+++\ntitle = \"About\"\n+++\n");
}

TEST(ReadSourceFile, WindowsLineEndingsBecomeNewlines) {
    ReadResult r;
    read_bytes("+++\r\ntitle = \"About\"\r\n+++\r\nLine one\r\n\r\nLine two\r\n", r);
    ASSERT_TRUE(r.ok) << dump(r.diagnostics);
    EXPECT_EQ(r.file.text, "+++\ntitle = \"About\"\n+++\nLine one\n\nLine two\n");
}

TEST(ReadSourceFile, OldMacLineEndingsBecomeNewlinesKeepingTheLineCount) {
    ReadResult r;
    read_bytes("one\rtwo\r\rfour", r);
    ASSERT_TRUE(r.ok) << dump(r.diagnostics);
    EXPECT_EQ(r.file.text, "one\ntwo\n\nfour");
    EXPECT_EQ(std::count(r.file.text.begin(), r.file.text.end(), '\n'), 3);
}

TEST(ReadSourceFile, MixedLineEndingsKeepOneLinePerEnding) {
    ReadResult r;
    read_bytes("a\r\nb\rc\nd", r);
    ASSERT_TRUE(r.ok) << dump(r.diagnostics);
    EXPECT_EQ(r.file.text, "a\nb\nc\nd");
}

TEST(ReadSourceFile, MissingFileIsAnErrorNamingTheFile) {
    TempDir dir;
    SourceFile file;
    Diagnostics diagnostics;
    EXPECT_FALSE(read_source_file(dir / "nope.md", "pages/nope.md", file, diagnostics));
    auto errors = errors_with(diagnostics, "cannot read");
    ASSERT_EQ(errors.size(), 1u) << dump(diagnostics);
    EXPECT_EQ(errors[0].path, "pages/nope.md");
}

TEST(ReadSourceFile, InvalidUtf8IsReportedAtItsLineAndColumn) {
    ReadResult r;
    read_bytes("+++\ntitle = \"caf\xE9\"\n+++\n", r);
    EXPECT_FALSE(r.ok);
    auto errors = errors_with(r.diagnostics, "not valid UTF-8");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].path, "pages/about.md");
    EXPECT_EQ(errors[0].pos.line, 2);
    EXPECT_EQ(errors[0].pos.column, 13);
    EXPECT_TRUE(contains(errors[0].hint, "UTF-8"));
}

TEST(ReadSourceFile, InvalidUtf8ColumnCountsCharactersNotBytes) {
    ReadResult r;
    read_bytes("line one\n\xC3\xA9t\xC3\xA9 \xFF", r);  // "été " then a bad byte
    EXPECT_FALSE(r.ok);
    auto errors = errors_with(r.diagnostics, "not valid UTF-8");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 2);
    EXPECT_EQ(errors[0].pos.column, 5);
}

TEST(ReadSourceFile, InvalidUtf8AfterByteOrderMarkIsNotShiftedByIt) {
    ReadResult r;
    read_bytes("\xEF\xBB\xBF" "ab\xFF", r);
    EXPECT_FALSE(r.ok);
    auto errors = errors_with(r.diagnostics, "not valid UTF-8");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 1);
    EXPECT_EQ(errors[0].pos.column, 3);
}

TEST(ReadSourceFile, InvalidUtf8InWindowsFileIsReportedAtTheRightLine) {
    ReadResult r;
    read_bytes("one\r\ntwo\r\nx\xFF\r\n", r);
    EXPECT_FALSE(r.ok);
    auto errors = errors_with(r.diagnostics, "not valid UTF-8");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 3);
    EXPECT_EQ(errors[0].pos.column, 2);
}

TEST(ReadSourceFile, InvalidUtf8InOldMacFileIsReportedAtTheRightLine) {
    ReadResult r;
    read_bytes("one\rtwo\rx\xFF", r);
    EXPECT_FALSE(r.ok);
    auto errors = errors_with(r.diagnostics, "not valid UTF-8");
    ASSERT_EQ(errors.size(), 1u) << dump(r.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 3);
    EXPECT_EQ(errors[0].pos.column, 2);
}

// ---- position_of ----------------------------------------------------------------

TEST(PositionOf, StartOfTextIsLineOneColumnOne) {
    SourcePos pos = position_of("abc", 0);
    EXPECT_EQ(pos.line, 1);
    EXPECT_EQ(pos.column, 1);
}

TEST(PositionOf, CountsLinesAndCharacters) {
    std::string text = "first\nd\xC3\xA9j\xC3\xA0 vu";  // "déjà vu" on line 2
    SourcePos pos = position_of(text, text.find("vu"));
    EXPECT_EQ(pos.line, 2);
    EXPECT_EQ(pos.column, 6);
}

// ---- split_front_matter -----------------------------------------------------------

TEST(SplitFrontMatter, SplitsFieldsFromBodyWithTheirLines) {
    SourceFile file = in_memory("+++\ntitle = \"About\"\n+++\nThe body.\n");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    ASSERT_TRUE(split_front_matter(file, split, diagnostics)) << dump(diagnostics);
    EXPECT_EQ(split.front, "title = \"About\"\n");
    EXPECT_EQ(split.front_line, 2);
    EXPECT_EQ(split.body, "The body.\n");
    EXPECT_EQ(split.body_line, 4);
}

TEST(SplitFrontMatter, BodyLineFollowsLongFrontMatter) {
    SourceFile file = in_memory("+++\na = 1\nb = 2\nc = 3\nd = 4\n+++\n\n## Heading\n");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    ASSERT_TRUE(split_front_matter(file, split, diagnostics)) << dump(diagnostics);
    EXPECT_EQ(split.front, "a = 1\nb = 2\nc = 3\nd = 4\n");
    EXPECT_EQ(split.front_line, 2);
    EXPECT_EQ(split.body_line, 7);
    EXPECT_EQ(split.body, "\n## Heading\n");
}

TEST(SplitFrontMatter, EmptyFrontMatterIsAllowed) {
    SourceFile file = in_memory("+++\n+++\nBody");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    ASSERT_TRUE(split_front_matter(file, split, diagnostics)) << dump(diagnostics);
    EXPECT_EQ(split.front, "");
    EXPECT_EQ(split.body, "Body");
    EXPECT_EQ(split.body_line, 3);
}

TEST(SplitFrontMatter, ClosingFenceOnLastLineGivesEmptyBody) {
    SourceFile file = in_memory("+++\ntitle = \"x\"\n+++");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    ASSERT_TRUE(split_front_matter(file, split, diagnostics)) << dump(diagnostics);
    EXPECT_EQ(split.front, "title = \"x\"\n");
    EXPECT_EQ(split.body, "");
}

TEST(SplitFrontMatter, FencesMayHaveTrailingSpaces) {
    SourceFile file = in_memory("+++  \ntitle = \"x\"\n+++\t\nBody\n");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    ASSERT_TRUE(split_front_matter(file, split, diagnostics)) << dump(diagnostics);
    EXPECT_EQ(split.front, "title = \"x\"\n");
    EXPECT_EQ(split.body, "Body\n");
}

TEST(SplitFrontMatter, LaterPlusLinesBelongToTheBody) {
    SourceFile file = in_memory("+++\na = 1\n+++\ntext\n+++\nmore\n");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    ASSERT_TRUE(split_front_matter(file, split, diagnostics)) << dump(diagnostics);
    EXPECT_EQ(split.front, "a = 1\n");
    EXPECT_EQ(split.body, "text\n+++\nmore\n");
}

TEST(SplitFrontMatter, MissingOpeningFenceIsAnErrorOnLineOne) {
    SourceFile file = in_memory("title = \"About\"\n+++\nBody\n");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    EXPECT_FALSE(split_front_matter(file, split, diagnostics));
    auto errors = errors_with(diagnostics, "does not start with front matter");
    ASSERT_EQ(errors.size(), 1u) << dump(diagnostics);
    EXPECT_EQ(errors[0].path, "pages/about.md");
    EXPECT_EQ(errors[0].pos.line, 1);
    EXPECT_EQ(errors[0].pos.column, 1);
    EXPECT_TRUE(contains(errors[0].hint, "+++"));
    EXPECT_FALSE(contains(errors[0].hint, "YAML"));
}

TEST(SplitFrontMatter, FourPlusSignsAreNotAFence) {
    SourceFile file = in_memory("++++\ntitle = \"x\"\n++++\n");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    EXPECT_FALSE(split_front_matter(file, split, diagnostics));
    EXPECT_EQ(errors_with(diagnostics, "does not start with front matter").size(), 1u) << dump(diagnostics);
}

TEST(SplitFrontMatter, YamlFrontMatterGetsAHintToUseToml) {
    SourceFile file = in_memory("---\ntitle: About\n---\nBody\n");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    EXPECT_FALSE(split_front_matter(file, split, diagnostics));
    auto errors = errors_with(diagnostics, "does not start with front matter");
    ASSERT_EQ(errors.size(), 1u) << dump(diagnostics);
    EXPECT_TRUE(contains(errors[0].hint, "YAML")) << errors[0].hint;
    EXPECT_TRUE(contains(errors[0].hint, "change both --- lines to +++")) << errors[0].hint;
}

TEST(SplitFrontMatter, UnclosedFrontMatterIsAnError) {
    SourceFile file = in_memory("+++\ntitle = \"About\"\nThe body, but no closing line.\n");
    FrontMatterSplit split;
    Diagnostics diagnostics;
    EXPECT_FALSE(split_front_matter(file, split, diagnostics));
    auto errors = errors_with(diagnostics, "never closed");
    ASSERT_EQ(errors.size(), 1u) << dump(diagnostics);
    EXPECT_EQ(errors[0].pos.line, 1);
    EXPECT_TRUE(contains(errors[0].hint, "+++"));
}

TEST(SplitFrontMatter, FileOfOnlyAnOpeningFenceIsUnclosed) {
    for (std::string text : {"+++", "+++\n"}) {
        SourceFile file = in_memory(text);
        FrontMatterSplit split;
        Diagnostics diagnostics;
        EXPECT_FALSE(split_front_matter(file, split, diagnostics)) << text;
        EXPECT_EQ(errors_with(diagnostics, "never closed").size(), 1u) << dump(diagnostics);
    }
}

TEST(SplitFrontMatter, WindowsFileFromDiskSplitsWithTheSameLines) {
    ReadResult r;
    read_bytes("\xEF\xBB\xBF+++\r\ntitle = \"About\"\r\nsummary = \"x\"\r\n+++\r\nBody\r\n", r);
    ASSERT_TRUE(r.ok) << dump(r.diagnostics);
    FrontMatterSplit split;
    Diagnostics diagnostics;
    ASSERT_TRUE(split_front_matter(r.file, split, diagnostics)) << dump(diagnostics);
    EXPECT_EQ(split.front, "title = \"About\"\nsummary = \"x\"\n");
    EXPECT_EQ(split.front_line, 2);
    EXPECT_EQ(split.body, "Body\n");
    EXPECT_EQ(split.body_line, 5);
}
