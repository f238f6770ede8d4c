// Reading tables saved from Excel and Word: RFC 4180 quoting, delimiters, encodings,
// line endings and the line each row starts on; and writing them back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "import/csv_reader.h"
#include "formats/csv_writer.h"

using namespace techpages;
using ::testing::HasSubstr;

namespace {

CsvTable read(const std::string& bytes) {
    CsvProblem problem;
    auto table = read_csv(bytes, problem);
    EXPECT_TRUE(table.has_value()) << problem.pos.line << ":" << problem.pos.column << " " << problem.message;
    return table.value_or(CsvTable{});
}

std::vector<std::vector<std::string>> cells(const CsvTable& t) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : t.rows) out.push_back(r.cells);
    return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST(CsvReader, PlainCommaSeparatedCells) {
    auto t = read("Ref,Action,Lead\n1,Publish profiles,Comms\n");
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(cells(t), (Rows{{"Ref", "Action", "Lead"}, {"1", "Publish profiles", "Comms"}}));
}

TEST(CsvReader, QuotedCellsHoldCommasDoubledQuotesAndLineBreaks) {
    auto t = read("Ref,Action,Notes\n"
                  "1,\"Profiles, photos and skills\",\"She said \"\"yes\"\"\"\n"
                  "2,\"Line one\nLine two\",\"\"\n");
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[1].cells, (std::vector<std::string>{"1", "Profiles, photos and skills", "She said \"yes\""}));
    EXPECT_EQ(t.rows[2].cells, (std::vector<std::string>{"2", "Line one\nLine two", ""}));
}

TEST(CsvReader, EachRowKnowsTheLineItStartsOn) {
    auto t = read("Ref,Action\n1,\"two\nlines\"\n2,after\n\n3,last");
    ASSERT_EQ(t.rows.size(), 5u);
    EXPECT_EQ(t.rows[0].line, 1);
    EXPECT_EQ(t.rows[1].line, 2);
    EXPECT_EQ(t.rows[2].line, 4) << "the row after a two-line cell starts on line 4";
    EXPECT_TRUE(t.rows[3].blank());
    EXPECT_EQ(t.rows[4].line, 6);
    EXPECT_EQ(t.rows[4].cells, (std::vector<std::string>{"3", "last"})) << "no line break at the end of the file";
}

TEST(CsvReader, CellPositionsCountCharactersNotBytes) {
    auto t = read("Réf,Action\nV1,x\n");
    ASSERT_EQ(t.rows[0].positions.size(), 2u);
    EXPECT_EQ(t.rows[0].positions[1].line, 1);
    EXPECT_EQ(t.rows[0].positions[1].column, 5);
    EXPECT_EQ(t.rows[1].positions[1].column, 4);
}

TEST(CsvReader, ByteOrderMarkIsDropped) {
    auto t = read("\xEF\xBB\xBFRef,Action\n1,a\n");
    EXPECT_EQ(t.rows[0].cells[0], "Ref");
    EXPECT_EQ(t.encoding, "UTF-8");
}

TEST(CsvReader, CrlfAndCrLineEndingsAreLineBreaks) {
    auto crlf = read("Ref,Action\r\n1,\"a\r\nb\"\r\n2,c\r\n");
    EXPECT_EQ(cells(crlf), (Rows{{"Ref", "Action"}, {"1", "a\nb"}, {"2", "c"}}));
    EXPECT_EQ(crlf.rows[2].line, 4);
    auto cr = read("Ref,Action\r1,a\r2,b\r");
    EXPECT_EQ(cells(cr), (Rows{{"Ref", "Action"}, {"1", "a"}, {"2", "b"}}));
}

TEST(CsvReader, DetectsTabsSemicolonsAndCommas) {
    EXPECT_EQ(detect_delimiter("Ref\tAction\n1\tDo it, soon\n"), '\t') << "commas inside tab-separated cells";
    EXPECT_EQ(detect_delimiter("Ref;Action;Lead\n1;Do it, soon;A\n"), ';');
    EXPECT_EQ(detect_delimiter("Ref,Action\n1,\"a;b;c\"\n"), ',');
    EXPECT_EQ(detect_delimiter("Ref,Action\n1,\"a\tb\"\n"), ',') << "a tab inside quotes does not count";
    auto t = read("Ref;Action\n1;\"x; y\"\n");
    EXPECT_EQ(cells(t), (Rows{{"Ref", "Action"}, {"1", "x; y"}}));
}

TEST(CsvReader, EmptyCellsAndTrailingDelimitersAreKept) {
    auto t = read("a,,c,\n,,,\n");
    EXPECT_EQ(cells(t), (Rows{{"a", "", "c", ""}, {"", "", "", ""}}));
    EXPECT_TRUE(t.rows[1].blank());
    EXPECT_EQ(t.rows[0].filled(), 2u);
}

TEST(CsvReader, QuoteInsideTabSeparatedTextIsOrdinaryText) {
    // Word's tables extracted as text: quotes only mean quotes.
    auto t = read("Ref\tAction\nV1\t\"Our Citizens\" through regular articles\nV2\t\"unclosed\n");
    EXPECT_EQ(cells(t), (Rows{{"Ref", "Action"}, {"V1", "\"Our Citizens\" through regular articles"}, {"V2", "\"unclosed"}}));
}

TEST(CsvReader, QuoteNotAtTheStartOfACellIsText) {
    auto t = read("Ref,Action\n1,Say \"hello\" to all\n");
    EXPECT_EQ(t.rows[1].cells[1], "Say \"hello\" to all");
}

TEST(CsvReader, UnclosedQuoteIsALocatedProblem) {
    CsvProblem problem;
    auto t = read_csv("Ref,Action\n1,ok\n2,\"never closed\n3,x\n", problem);
    EXPECT_FALSE(t.has_value());
    EXPECT_EQ(problem.pos.line, 3);
    EXPECT_EQ(problem.pos.column, 3);
    EXPECT_THAT(problem.message, HasSubstr("never closed"));
    EXPECT_FALSE(problem.hint.empty());
}

TEST(CsvReader, WindowsCodePageIsConvertedToUtf8) {
    // Excel's "CSV (Comma delimited)": Windows-1252, curly quotes in 0x93/0x94.
    auto t = read("Ref,Action\n1,\x93\x43\x61\x66\xE9\x94 \x96 \x80\x35\n");
    EXPECT_EQ(t.encoding, "Windows-1252");
    EXPECT_EQ(t.rows[1].cells[1], "\u201CCaf\u00E9\u201D \u2013 \u20AC5");
}

TEST(CsvReader, Utf16WithByteOrderMarkIsConverted) {
    // Excel's "Unicode Text": UTF-16LE, tab-separated.
    std::u16string text = u"Ref\tAction\r\n1\tZo\u00EB \U0001F52C\r\n";
    std::string bytes = "\xFF\xFE";
    for (char16_t c : text) {
        bytes += static_cast<char>(c & 0xFF);
        bytes += static_cast<char>(c >> 8);
    }
    auto t = read(bytes);
    EXPECT_EQ(t.encoding, "UTF-16LE");
    EXPECT_EQ(t.delimiter, '\t');
    EXPECT_EQ(cells(t), (Rows{{"Ref", "Action"}, {"1", "Zo\u00EB \U0001F52C"}}));
}

TEST(CsvReader, NulBytesWithoutByteOrderMarkAreRefused) {
    CsvProblem problem;
    EXPECT_FALSE(read_csv(std::string("R\0e\0f\0", 6), problem).has_value());
    EXPECT_THAT(problem.message, HasSubstr("NUL"));
}

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
    EXPECT_EQ(csv_cell("plain"), "plain");
    EXPECT_EQ(csv_cell("a, b"), "\"a, b\"");
    EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_cell("a\tb", '\t'), "\"a\tb\"");
}

TEST(CsvWriter, WhatItWritesReadsBackToTheSameCells) {
    Rows rows = {{"Ref", "Action", "Notes"},
                 {"*V1", "Profiles, photos \"and\" skills", "Line one\nLine two"},
                 {"V1a", "", "Zoë Müller – £5"}};
    std::string csv = write_csv(rows);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_THAT(csv, HasSubstr("\r\n"));
    EXPECT_EQ(cells(read(csv)), rows);
    EXPECT_EQ(cells(read(write_csv(rows, '\t', false))), rows);
}

TEST(CsvWriter, CellsASpreadsheetWouldRunGetAQuoteInFront) {
    EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(csv_cell("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
    EXPECT_EQ(csv_cell("-5 %"), "'-5 %");
    EXPECT_EQ(csv_cell("@lstm-comms"), "'@lstm-comms");
    EXPECT_EQ(csv_cell("\tx"), "'\tx");
    EXPECT_EQ(csv_cell("'tis"), "''tis");
    EXPECT_EQ(csv_cell("5 - 6"), "5 - 6");
}

TEST(CsvWriter, TheGuardIsUndoneExactlyOnReading) {
    for (std::string v : {"-5 %", "@lstm-comms", "=1+1", "+x", "'", "''", "'tis", "'=x", "''=x", "plain", "", "\tx"})
        EXPECT_EQ(unguard_formula(guard_formula(v)), v) << v;
    // A quote the writer did not add is kept.
    EXPECT_EQ(unguard_formula("'tis"), "'tis");
    Rows rows = {{"Ref", "Action"}, {"-1", "@lstm-comms"}, {"'x", "=SUM(A1)"}, {"''", "+"}};
    EXPECT_EQ(cells(read(write_csv(rows))), rows);
    EXPECT_EQ(cells(read(write_csv(rows, '\t', false))), rows);
}
