// The three ways a problem is reported: text, GitHub annotations and JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "util/diagnostics.h"

using namespace techpages;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

Diagnostic problem(std::string path, std::string message, std::string hint = {}) {
    Diagnostic d;
    d.path = std::move(path);
    d.pos = {3, 7};
    d.message = std::move(message);
    d.hint = std::move(hint);
    return d;
}

}  // namespace

TEST(Diagnostics, TextLineHasPathLineColumnSeverityMessageAndHint) {
    EXPECT_EQ(format_diagnostic(problem("institutions/a/profiles/b.md", "role is empty", "write your job title")),
              "institutions/a/profiles/b.md:3:7: error: role is empty \u2014 write your job title");
}

TEST(Diagnostics, AFieldHoldingANewlineCannotForgeASecondAnnotation) {
    // A contributor's field value ends up in a message; GitHub reads one command per line.
    std::string annotation =
        format_github_annotation(problem("p.md", "unknown value 'x\n::error::fake'\r 100%"), "content/");
    EXPECT_THAT(annotation, Not(HasSubstr("\n"))) << annotation;
    EXPECT_THAT(annotation, Not(HasSubstr("\r"))) << annotation;
    EXPECT_EQ(annotation, "::error file=content/p.md,line=3,col=7::unknown value 'x%0A::error::fake'%0D 100%25");
}

TEST(Diagnostics, PropertiesEscapeColonsAndCommasSoAPathCannotAddProperties) {
    std::string annotation = format_github_annotation(problem("a,line=1:b.md", "bad"), "");
    EXPECT_EQ(annotation, "::error file=a%2Cline=1%3Ab.md,line=3,col=7::bad");
}

TEST(Diagnostics, JsonRecordEscapesControlCharactersAndQuotes) {
    std::string json = format_json_record(problem("p.md", "say \"hi\"\n"));
    EXPECT_EQ(json,
              "{\"file\":\"p.md\",\"line\":3,\"column\":7,\"severity\":\"error\",\"message\":\"say \\\"hi\\\"\\n\","
              "\"hint\":\"\"}");
}

TEST(Diagnostics, SortedByFileThenLineWhateverTheOrderReported) {
    Diagnostics all;
    all.error("b.md", {1, 1}, "second file");
    all.warning("a.md", {9, 1}, "later line");
    all.error("a.md", {2, 4}, "earlier line");
    auto sorted = all.sorted();
    ASSERT_EQ(sorted.size(), 3u);
    EXPECT_EQ(sorted[0].message, "earlier line");
    EXPECT_EQ(sorted[1].message, "later line");
    EXPECT_EQ(sorted[2].message, "second file");
    EXPECT_EQ(all.error_count(), 2u);
    EXPECT_EQ(all.warning_count(), 1u);
}
