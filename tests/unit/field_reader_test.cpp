// Reading typed fields: every wrong, missing or unknown field is reported at its
// place in the file, in words a contributor understands.
#include <gtest/gtest.h>

#include "load/toml_reader.h"
#include "model/field_reader.h"
#include "unit_helpers.h"

using namespace techpages;
using namespace techpages::testing;

namespace {

const std::string path = "institutions/lstm/profiles/amara-okafor.md";

// Front matter as it sits in a Markdown file: its first line is line 2 of the file.
struct Fields {
    explicit Fields(const std::string& toml, int first_line = 2) {
        Diagnostics parse_diagnostics;
        auto parsed = parse_toml(toml, path, first_line, parse_diagnostics);
        EXPECT_TRUE(parsed.has_value()) << dump(parse_diagnostics);
        if (parsed) table = std::move(*parsed);
        reader.emplace(table, path, first_line, diagnostics, SourcePos{1, 1});
    }
    FieldReader& operator*() { return *reader; }
    FieldReader* operator->() { return &*reader; }

    toml::table table;
    Diagnostics diagnostics;
    std::optional<FieldReader> reader;
};

Diagnostic only(const std::vector<Diagnostic>& found, const Diagnostics& all) {
    EXPECT_EQ(found.size(), 1u) << dump(all);
    return found.empty() ? Diagnostic{} : found[0];
}

}  // namespace

// ---- text ----------------------------------------------------------------

TEST(FieldReaderText, ReadsAndTrimsText) {
    Fields f("name = \"  Amara Okafor \"\n");
    EXPECT_EQ(f->text("name", true), "Amara Okafor");
    EXPECT_EQ(f.diagnostics.error_count(), 0u) << dump(f.diagnostics);
}

TEST(FieldReaderText, AbsentOptionalFieldIsEmptyWithoutComplaint) {
    Fields f("name = \"Amara\"\n");
    EXPECT_EQ(f->text("department"), "");
    EXPECT_EQ(f.diagnostics.error_count(), 0u);
}

TEST(FieldReaderText, MissingRequiredFieldIsAnErrorWithAHint) {
    Fields f("name = \"Amara\"\n");
    EXPECT_EQ(f->text("role", true), "");
    Diagnostic d = only(errors_with(f.diagnostics, "the required field 'role' is missing"), f.diagnostics);
    EXPECT_EQ(d.path, path);
    EXPECT_EQ(d.pos.line, 1);  // the table's own start: the opening +++
    EXPECT_EQ(d.hint, "add a line: role = \"...\"");
}

TEST(FieldReaderText, EmptyRequiredFieldIsAnErrorAtItsLine) {
    Fields f("name = \"Amara\"\nrole = \"   \"\n");
    EXPECT_EQ(f->text("role", true), "");
    Diagnostic d = only(errors_with(f.diagnostics, "the required field 'role' is empty"), f.diagnostics);
    EXPECT_EQ(d.pos.line, 3);
}

TEST(FieldReaderText, NumberWhereTextIsExpectedNamesBothTypes) {
    Fields f("name = \"Amara\"\nrole = 42\n");
    EXPECT_EQ(f->text("role", true), "");
    Diagnostic d = only(errors_with(f.diagnostics, "'role' should be text in double quotes, not a whole number"),
                        f.diagnostics);
    EXPECT_EQ(d.pos.line, 3);
    EXPECT_EQ(d.hint, "write it like role = \"...\"");
}

TEST(FieldReaderText, OtherWrongTypesAreNamedInPlainWords) {
    Fields f("a = 4.5\nb = true\nc = [\"x\"]\nd = 2024-05-01\n");
    f->text("a");
    f->text("b");
    f->text("c");
    f->text("d");
    EXPECT_EQ(errors_with(f.diagnostics, "'a' should be text in double quotes, not a number").size(), 1u);
    EXPECT_EQ(errors_with(f.diagnostics, "'b' should be text in double quotes, not true/false").size(), 1u);
    EXPECT_EQ(errors_with(f.diagnostics, "'c' should be text in double quotes, not a list").size(), 1u);
    EXPECT_EQ(errors_with(f.diagnostics, "'d' should be text in double quotes, not a date").size(), 1u)
        << dump(f.diagnostics);
}

// ---- text_list --------------------------------------------------------------

TEST(FieldReaderTextList, ReadsAListInOrderDroppingEmptyItems) {
    Fields f("skills = [\"qPCR\", \"  \", \" Insectary management \"]\n");
    EXPECT_EQ(f->text_list("skills"), (std::vector<std::string>{"qPCR", "Insectary management"}));
    EXPECT_EQ(f.diagnostics.error_count(), 0u);
}

TEST(FieldReaderTextList, SingleTextIsAListOfOne) {
    Fields f("skills = \"qPCR\"\n");
    EXPECT_EQ(f->text_list("skills"), (std::vector<std::string>{"qPCR"}));
    EXPECT_EQ(f.diagnostics.error_count(), 0u);
}

TEST(FieldReaderTextList, AbsentListIsEmpty) {
    Fields f("name = \"x\"\n");
    EXPECT_TRUE(f->text_list("skills").empty());
    EXPECT_EQ(f.diagnostics.error_count(), 0u);
}

TEST(FieldReaderTextList, NumberInsteadOfListIsAnError) {
    Fields f("name = \"x\"\nskills = 3\n");
    EXPECT_TRUE(f->text_list("skills").empty());
    Diagnostic d = only(errors_with(f.diagnostics, "'skills' should be a list of texts, not a whole number"),
                        f.diagnostics);
    EXPECT_EQ(d.pos.line, 3);
}

TEST(FieldReaderTextList, NonTextItemIsReportedAndTheRestKept) {
    Fields f("name = \"x\"\nskills = [\"qPCR\", 7, \"PCR\"]\n");
    EXPECT_EQ(f->text_list("skills"), (std::vector<std::string>{"qPCR", "PCR"}));
    Diagnostic d = only(errors_with(f.diagnostics, "every item of 'skills' should be text in double quotes, not a whole number"),
                        f.diagnostics);
    EXPECT_EQ(d.pos.line, 3);
}

// ---- flag, integer, flag_or_word -------------------------------------------------

TEST(FieldReaderFlag, ReadsTrueFalseAndFallsBackWhenAbsent) {
    Fields f("published = false\n");
    EXPECT_FALSE(f->flag("published", true));
    EXPECT_TRUE(f->flag("featured", true));
    EXPECT_EQ(f.diagnostics.error_count(), 0u);
}

TEST(FieldReaderFlag, QuotedWordIsAnErrorAndTheFallbackIsUsed) {
    Fields f("published = \"no\"\n");
    EXPECT_TRUE(f->flag("published", true));
    only(errors_with(f.diagnostics, "'published' should be true or false (without quotes), not text"), f.diagnostics);
}

TEST(FieldReaderInteger, ReadsAWholeNumberAndRefusesText) {
    Fields f("signatory_since = 2018\nother = \"2019\"\n");
    EXPECT_EQ(f->integer("signatory_since"), 2018);
    EXPECT_EQ(f->integer("other"), std::nullopt);
    only(errors_with(f.diagnostics, "'other' should be a whole number (without quotes), not text"), f.diagnostics);
}

TEST(FieldReaderFlagOrWord, TrueGivesTheWordForTrueAndAWordIsKept) {
    Fields f("a = true\nb = false\nc = \" high \"\nd = 3\n");
    EXPECT_EQ(f->flag_or_word("a", "Priority"), "Priority");
    EXPECT_EQ(f->flag_or_word("b", "Priority"), "");
    EXPECT_EQ(f->flag_or_word("c", "Priority"), "high");
    EXPECT_EQ(f->flag_or_word("absent", "Priority"), "");
    EXPECT_EQ(f->flag_or_word("d", "Priority"), "");
    only(errors_with(f.diagnostics, "'d' should be true, false or a word in quotes"), f.diagnostics);
}

// ---- date -------------------------------------------------------------------

TEST(FieldReaderDate, TomlDateIsRead) {
    Fields f("date = 2024-05-01\n");
    auto d = f->date("date");
    ASSERT_TRUE(d.has_value()) << dump(f.diagnostics);
    EXPECT_EQ(*d, (Date{2024, 5, 1}));
    EXPECT_EQ(d->iso(), "2024-05-01");
    EXPECT_EQ(d->display(), "1 May 2024");
}

TEST(FieldReaderDate, QuotedDateInTheSameFormIsRead) {
    Fields f("date = \"2024-05-01\"\n");
    auto d = f->date("date");
    ASSERT_TRUE(d.has_value()) << dump(f.diagnostics);
    EXPECT_EQ(*d, (Date{2024, 5, 1}));
    EXPECT_EQ(f.diagnostics.error_count(), 0u);
}

TEST(FieldReaderDate, DateTimeGivesItsDate) {
    Fields f("date = 2024-05-01T09:30:00Z\n");
    auto d = f->date("date");
    ASSERT_TRUE(d.has_value()) << dump(f.diagnostics);
    EXPECT_EQ(*d, (Date{2024, 5, 1}));
}

TEST(FieldReaderDate, TwentyNinthFebruaryInALeapYearIsAccepted) {
    Fields f("a = 2024-02-29\nb = \"2024-02-29\"\nc = \"2000-02-29\"\n");
    EXPECT_EQ(f->date("a"), (Date{2024, 2, 29}));
    EXPECT_EQ(f->date("b"), (Date{2024, 2, 29}));
    EXPECT_EQ(f->date("c"), (Date{2000, 2, 29}));
    EXPECT_EQ(f.diagnostics.error_count(), 0u) << dump(f.diagnostics);
}

TEST(FieldReaderDate, ImpossibleDateIsRefusedAtItsLine) {
    // As a TOML date toml++ refuses 2023-02-29 itself; written in quotes it reaches the reader.
    Fields f("title = \"x\"\ndate = \"2023-02-29\"\n");
    EXPECT_EQ(f->date("date", true), std::nullopt);
    Diagnostic d = only(errors_with(f.diagnostics, "'date' is 2023-02-29, a day that does not exist"), f.diagnostics);
    EXPECT_EQ(d.pos.line, 3);
    EXPECT_TRUE(contains(d.hint, "date = 2024-05-01")) << d.hint;
}

TEST(FieldReaderDate, OtherImpossibleDatesAreRefused) {
    Fields f("a = \"2024-04-31\"\nb = \"2024-13-01\"\nc = \"1900-02-29\"\nd = \"2024-00-10\"\n");
    for (const char* key : {"a", "b", "c", "d"}) EXPECT_EQ(f->date(key), std::nullopt) << key;
    EXPECT_EQ(errors_with(f.diagnostics, "a day that does not exist").size(), 4u) << dump(f.diagnostics);
}

TEST(FieldReaderDate, TextNotInTheFormIsRefused) {
    Fields f("a = \"1 May 2024\"\nb = \"2024/05/01\"\nc = \"2024-5-1\"\n");
    for (const char* key : {"a", "b", "c"}) EXPECT_EQ(f->date(key), std::nullopt) << key;
    EXPECT_EQ(errors_with(f.diagnostics, "is not a date in the form YYYY-MM-DD").size(), 3u) << dump(f.diagnostics);
}

TEST(FieldReaderDate, NumberIsNotADate) {
    Fields f("date = 2024\n");
    EXPECT_EQ(f->date("date"), std::nullopt);
    only(errors_with(f.diagnostics, "'date' should be a date, not a whole number"), f.diagnostics);
}

TEST(FieldReaderDate, MissingRequiredDateIsAnError) {
    Fields f("title = \"x\"\n");
    EXPECT_EQ(f->date("date", true), std::nullopt);
    Diagnostic d = only(errors_with(f.diagnostics, "the required field 'date' is missing"), f.diagnostics);
    EXPECT_EQ(d.hint, "add a line: date = 2024-05-01");
}

TEST(IsRealDate, KnowsMonthLengthsAndLeapYears) {
    EXPECT_TRUE(is_real_date(2024, 2, 29));
    EXPECT_FALSE(is_real_date(2023, 2, 29));
    EXPECT_FALSE(is_real_date(2100, 2, 29));
    EXPECT_TRUE(is_real_date(2000, 2, 29));
    EXPECT_TRUE(is_real_date(2024, 12, 31));
    EXPECT_FALSE(is_real_date(2024, 6, 31));
    EXPECT_FALSE(is_real_date(2024, 1, 0));
    EXPECT_FALSE(is_real_date(2024, 0, 1));
}

// ---- tables -------------------------------------------------------------------

TEST(FieldReaderTables, EachEntryHasItsOwnReaderAtItsLine) {
    Fields f("name = \"x\"\n[[links]]\ntitle = \"A\"\n[[links]]\ntitle = \"B\"\nurl = \"https://b\"\n");
    auto links = f->tables("links");
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(links[0].text("title"), "A");
    EXPECT_EQ(links[1].text("url"), "https://b");
    links[0].text("url", true);  // missing: reported where this entry starts
    Diagnostic d = only(errors_with(f.diagnostics, "the required field 'url' is missing"), f.diagnostics);
    EXPECT_EQ(d.pos.line, 3);
}

TEST(FieldReaderTables, TextWhereTablesAreExpectedIsAnError) {
    Fields f("links = \"https://example.org\"\n");
    EXPECT_TRUE(f->tables("links").empty());
    only(errors_with(f.diagnostics, "'links' should be a list of tables, not text"), f.diagnostics);
}

TEST(FieldReaderTextTable, KeepsKeysInFileOrder) {
    Fields f("[extra]\n\"Zeta\" = \"1\"\n\"Alpha\" = \"2\"\n\"Middle\" = \"3\"\n");
    auto extra = f->text_table("extra");
    ASSERT_EQ(extra.size(), 3u);
    EXPECT_EQ(extra[0], (std::pair<std::string, std::string>{"Zeta", "1"}));
    EXPECT_EQ(extra[1], (std::pair<std::string, std::string>{"Alpha", "2"}));
    EXPECT_EQ(extra[2], (std::pair<std::string, std::string>{"Middle", "3"}));
}

// ---- unknown fields and positions ------------------------------------------------

TEST(FieldReaderUnknown, MisspeltFieldIsAWarningWithDidYouMean) {
    Fields f("name = \"Amara\"\nrle = \"Technician\"\n");
    f->text("name", true);
    f->text("role");
    f->report_unknown_fields("a profile");
    Diagnostic d = only(warnings_with(f.diagnostics, "'rle' is not a field of a profile"), f.diagnostics);
    EXPECT_EQ(d.severity, Severity::warning);
    EXPECT_EQ(d.hint, "did you mean 'role'?");
    EXPECT_EQ(d.pos.line, 3);
    EXPECT_EQ(f.diagnostics.error_count(), 0u);
}

TEST(FieldReaderUnknown, UnrelatedFieldGetsNoSuggestion) {
    Fields f("name = \"Amara\"\nfavourite_colour = \"teal\"\n");
    f->text("name");
    f->report_unknown_fields("a profile");
    Diagnostic d = only(warnings_with(f.diagnostics, "'favourite_colour' is not a field of a profile"), f.diagnostics);
    EXPECT_FALSE(contains(d.hint, "did you mean")) << d.hint;
    EXPECT_TRUE(contains(d.hint, "docs/content-model.md")) << d.hint;
}

TEST(FieldReaderUnknown, FieldsThatWereReadAreNotReported) {
    Fields f("name = \"Amara\"\nrole = \"Technician\"\nskills = [\"qPCR\"]\n");
    f->text("name");
    f->text("role");
    f->text_list("skills");
    f->report_unknown_fields("a profile");
    EXPECT_EQ(f.diagnostics.warning_count(), 0u) << dump(f.diagnostics);
}

TEST(FieldReaderPositions, AreShiftedByFirstLine) {
    // The same TOML read as a plan file (line 1) and as front matter further down.
    for (int first_line : {1, 2, 7}) {
        Fields f("name = \"x\"\n\nrole = 5\n", first_line);
        f->text("role");
        Diagnostic d = only(errors_with(f.diagnostics, "'role' should be text"), f.diagnostics);
        EXPECT_EQ(d.pos.line, 3 + first_line - 1) << "first_line " << first_line;
        EXPECT_EQ(d.pos.column, 8);
        EXPECT_EQ(f->position("role").line, 3 + first_line - 1);
    }
}

TEST(FieldReaderPositions, AbsentKeyPointsAtTheTableStart) {
    Fields f("name = \"x\"\n");
    SourcePos pos = f->position("role");
    EXPECT_EQ(pos.line, 1);
    EXPECT_EQ(pos.column, 1);
}

// ---- control characters ---------------------------------------------------------

TEST(FieldReaderText, ControlCharacterIsAnErrorAtTheFieldsLineAndLeftOut) {
    Fields f("role = \"Technician\"\nname = \"\\u0001Amara\"\n");
    EXPECT_EQ(f->text("name", true), "Amara");
    Diagnostic d = only(errors_with(f.diagnostics, "the name contains an invisible control character (U+0001)"), f.diagnostics);
    EXPECT_EQ(d.pos.line, 3);
    EXPECT_EQ(d.hint, "delete it; it often comes from copying from another program");
}

TEST(FieldReaderTextList, ControlCharacterInAnItemIsReportedAtTheItem) {
    Fields f("skills = [\n  \"PCR\",\n  \"Cell\\u001bculture\",\n]\n");
    auto items = f->located_text_list("skills");
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].second.line, 3);
    EXPECT_EQ(items[1].first, "Cellculture");
    Diagnostic d = only(errors_with(f.diagnostics, "the skills contains an invisible control character (U+001B)"), f.diagnostics);
    EXPECT_EQ(d.pos.line, 4);
}

TEST(FieldReaderTextTable, ControlCharacterInAKeyIsAnError) {
    Fields f("[extra]\n\"Res\\u0007ources\" = \"5\"\nOther = \"6\"\n");
    auto extra = f->text_table("extra");
    ASSERT_EQ(extra.size(), 1u);
    EXPECT_EQ(extra[0].first, "Other");
    only(errors_with(f.diagnostics, "the name 'Resources' in [extra] contains an invisible control character (U+0007)"),
         f.diagnostics);
}
