#include <gtest/gtest.h>

#include <cstdlib>

#include "util/text.h"

using namespace techpages;

TEST(Slugify, TermsBecomeAddresses) {
    EXPECT_EQ(slugify("Mass spectrometry (LC-MS)"), "mass-spectrometry-lc-ms");
    EXPECT_EQ(slugify("  PCR  "), "pcr");
    EXPECT_EQ(slugify("R12"), "r12");
}

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
    EXPECT_EQ(html_escape("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

// ---- slugify ---------------------------------------------------------------

TEST(Slugify, RunsOfPunctuationAndSpaceBecomeOneHyphen) {
    EXPECT_EQ(slugify("Health & Safety -- training"), "health-safety-training");
    EXPECT_EQ(slugify("R&D"), "r-d");
}

TEST(Slugify, NoHyphenAtEitherEnd) {
    EXPECT_EQ(slugify("--(Hello, World!)--"), "hello-world");
}

TEST(Slugify, NothingUsableGivesEmpty) {
    EXPECT_EQ(slugify(""), "");
    EXPECT_EQ(slugify("!!! ??"), "");
}

TEST(Slugify, DifferentCapitalisationGivesTheSameAddress) {
    EXPECT_EQ(slugify("qPCR"), slugify("QPCR"));
    EXPECT_EQ(slugify("Science Communication"), slugify("science communication"));
}

TEST(Slugify, KeepsNonAsciiLettersReadable) {
    EXPECT_EQ(slugify("Café culture"), "café-culture");
}

TEST(Slugify, NonAsciiCapitalsAreLowerCasedLikeAsciiOnes) {
    EXPECT_EQ(slugify("Électron microscopy"), slugify("électron microscopy"));
}

// ---- is_valid_slug --------------------------------------------------------

TEST(IsValidSlug, AcceptsLowerCaseDigitsAndInnerHyphens) {
    EXPECT_TRUE(is_valid_slug("amara-okafor"));
    EXPECT_TRUE(is_valid_slug("2024-2027"));
    EXPECT_TRUE(is_valid_slug("r12"));
}

TEST(IsValidSlug, RefusesEmptyAndEdgeOrDoubleHyphens) {
    EXPECT_FALSE(is_valid_slug(""));
    EXPECT_FALSE(is_valid_slug("-amara"));
    EXPECT_FALSE(is_valid_slug("amara-"));
    EXPECT_FALSE(is_valid_slug("amara--okafor"));
}

TEST(IsValidSlug, RefusesCapitalsSpacesUnderscoresAndNonAscii) {
    EXPECT_FALSE(is_valid_slug("Amara-Okafor"));
    EXPECT_FALSE(is_valid_slug("amara okafor"));
    EXPECT_FALSE(is_valid_slug("amara_okafor"));
    EXPECT_FALSE(is_valid_slug("café"));
    EXPECT_FALSE(is_valid_slug("plan.toml"));
}

// ---- find_invalid_utf8 ----------------------------------------------------

TEST(FindInvalidUtf8, AsciiAndEmptyAreValid) {
    EXPECT_EQ(find_invalid_utf8(""), std::string_view::npos);
    EXPECT_EQ(find_invalid_utf8("title = \"Plan\"\n"), std::string_view::npos);
}

TEST(FindInvalidUtf8, ValidMultibyteSequencesPass) {
    EXPECT_EQ(find_invalid_utf8("café"), std::string_view::npos);               // 2 bytes
    EXPECT_EQ(find_invalid_utf8("2024\u20132027 \u2014 \u00a3"), std::string_view::npos);  // 3 bytes
    EXPECT_EQ(find_invalid_utf8("技術者"), std::string_view::npos);
    EXPECT_EQ(find_invalid_utf8("\xF0\x9F\x94\xAC microscope"), std::string_view::npos);  // U+1F52C, 4 bytes
    EXPECT_EQ(find_invalid_utf8("\xED\x9F\xBF"), std::string_view::npos);      // U+D7FF, just below surrogates
    EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF"), std::string_view::npos);  // U+10FFFF, the last code point
}

TEST(FindInvalidUtf8, ReportsOffsetOfFirstBadByte) {
    EXPECT_EQ(find_invalid_utf8("ab\xFF"), 2u);
    EXPECT_EQ(find_invalid_utf8("é\xFF\xFF"), 2u);  // after the two bytes of é
}

TEST(FindInvalidUtf8, Latin1BytesAreRefused) {
    // "café" saved as Latin-1 by an old editor.
    EXPECT_EQ(find_invalid_utf8("caf\xE9 au lait"), 3u);
}

TEST(FindInvalidUtf8, OverlongFormsAreRefused) {
    EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);              // '/' in two bytes
    EXPECT_EQ(find_invalid_utf8("x\xC1\xBF"), 1u);             // U+7F in two bytes
    EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), 0u);          // '/' in three bytes
    EXPECT_EQ(find_invalid_utf8("\xE0\x9F\xBF"), 0u);          // U+7FF in three bytes
    EXPECT_EQ(find_invalid_utf8("\xF0\x82\x82\xAC"), 0u);      // U+20AC in four bytes
}

TEST(FindInvalidUtf8, SurrogatesAreRefused) {
    EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);  // U+D800
    EXPECT_EQ(find_invalid_utf8("ok \xED\xBF\xBF"), 3u);  // U+DFFF
}

TEST(FindInvalidUtf8, CodePointsBeyondUnicodeAreRefused) {
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // U+110000
    EXPECT_EQ(find_invalid_utf8("\xF8\x88\x80\x80\x80"), 0u);  // old 5-byte form
}

TEST(FindInvalidUtf8, TruncatedSequencesAreRefused) {
    EXPECT_EQ(find_invalid_utf8("abc\xC3"), 3u);               // cut at end of text
    EXPECT_EQ(find_invalid_utf8("\xE2\x82"), 0u);
    EXPECT_EQ(find_invalid_utf8("x\xF0\x9F\x94"), 1u);
    EXPECT_EQ(find_invalid_utf8("\xC3" "A"), 0u);              // lead byte followed by ASCII
    EXPECT_EQ(find_invalid_utf8("\xE2\x82" "abc"), 0u);
}

TEST(FindInvalidUtf8, LoneContinuationBytesAreRefused) {
    EXPECT_EQ(find_invalid_utf8("\x80"), 0u);
    EXPECT_EQ(find_invalid_utf8("a\xA9" "b"), 1u);
}

// ---- closest_match ---------------------------------------------------------

namespace {
const std::vector<std::string> theme_ids = {"visibility", "recognition", "career-development", "sustainability"};
}

TEST(ClosestMatch, SuggestsTheWordForATypo) {
    EXPECT_EQ(closest_match("visibilty", theme_ids), "visibility");
    EXPECT_EQ(closest_match("recogniton", theme_ids), "recognition");
    EXPECT_EQ(closest_match("career-devlopment", theme_ids), "career-development");
}

TEST(ClosestMatch, IgnoresCapitalisation) {
    EXPECT_EQ(closest_match("Sustainability", theme_ids), "sustainability");
}

TEST(ClosestMatch, PicksTheNearestCandidate) {
    EXPECT_EQ(closest_match("role", {"name", "roles", "rule"}), "roles");  // 1 edit each: first wins
    EXPECT_EQ(closest_match("sumary", {"summit", "summary"}), "summary");
}

TEST(ClosestMatch, UnrelatedWordGetsNoSuggestion) {
    EXPECT_EQ(closest_match("finance", theme_ids), "");
    EXPECT_EQ(closest_match("banana", {"title", "date", "summary"}), "");
}

TEST(ClosestMatch, NoCandidatesNoSuggestion) {
    EXPECT_EQ(closest_match("title", {}), "");
}

TEST(ClosestMatch, ShortWordsAllowTwoEdits) {
    // Up to 8 letters, two edits are a typo and three are a different word.
    EXPECT_EQ(closest_match("abcdef", {"abcdxy"}), "abcdxy");
    EXPECT_EQ(closest_match("abcdef", {"abcxyz"}), "");
}

TEST(ClosestMatch, LongWordsAllowAThirdOfTheirLength) {
    // 12 letters: four edits allowed, five are too many.
    EXPECT_EQ(closest_match("aaaaaaaaaaaa", {"aaaaaaaabbbb"}), "aaaaaaaabbbb");
    EXPECT_EQ(closest_match("aaaaaaaaaaaa", {"aaaaaaabbbbb"}), "");
}

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutionsIgnoringCase) {
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("ORCID", "orcid"), 0u);
}

// ---- join_alternatives -----------------------------------------------------

TEST(JoinAlternatives, ListsInPlainEnglish) {
    EXPECT_EQ(join_alternatives({}), "");
    EXPECT_EQ(join_alternatives({"red"}), "red");
    EXPECT_EQ(join_alternatives({"red", "green"}), "red or green");
    EXPECT_EQ(join_alternatives({"red", "amber", "green"}), "red, amber or green");
}

TEST(JoinAlternatives, TakesAnotherLastWord) {
    EXPECT_EQ(join_alternatives({"visibility", "recognition", "sustainability"}, "and"),
              "visibility, recognition and sustainability");
}

// ---- plain_excerpt ----------------------------------------------------------

TEST(PlainExcerpt, ShortTextIsReturnedWhole) {
    EXPECT_EQ(plain_excerpt("Runs the insectary.", 200), "Runs the insectary.");
}

TEST(PlainExcerpt, MarkdownMarksAreRemovedAndSpaceCollapsed) {
    EXPECT_EQ(plain_excerpt("## About us\n\nWe run **three** _core_ facilities.\n\n> Quote", 200),
              "About us We run three core facilities. Quote");
}

TEST(PlainExcerpt, LongTextIsCutOnAWordWithAnEllipsis) {
    EXPECT_EQ(plain_excerpt("The quick brown fox jumps over the lazy dog", 20), "The quick brown fox\u2026");
}

TEST(PlainExcerpt, CutNeverEndsInsideAWord) {
    std::string text = "Technicians keep research running across every department of the university";
    for (size_t limit = 20; limit < text.size(); ++limit) {
        std::string excerpt = plain_excerpt(text, limit);
        ASSERT_TRUE(excerpt.size() >= 3 && excerpt.compare(excerpt.size() - 3, 3, "\u2026") == 0) << excerpt;
        std::string kept = excerpt.substr(0, excerpt.size() - 3);
        ASSERT_EQ(text.compare(0, kept.size(), kept), 0) << "limit " << limit;
        EXPECT_EQ(text[kept.size()], ' ') << "cut inside a word at limit " << limit << ": " << excerpt;
        EXPECT_LE(kept.size(), limit);
    }
}

TEST(PlainExcerpt, CutOnASpaceBeforeAccentedWordsStaysValidUtf8) {
    std::string excerpt = plain_excerpt("Équipe Über Ökologie Ça été café", 14);  // limit in bytes
    EXPECT_EQ(find_invalid_utf8(excerpt), std::string::npos) << excerpt;
    EXPECT_EQ(excerpt, "Équipe Über\u2026");
}

TEST(PlainExcerpt, TextWithoutSpacesIsNeverCutInsideAUtf8Sequence) {
    // Japanese text has no spaces; each character is three bytes, so 20 falls inside one.
    std::string excerpt = plain_excerpt("技術者のコミットメントは大学の取り組みです", 20);
    EXPECT_EQ(find_invalid_utf8(excerpt), std::string::npos);
    std::string accented = plain_excerpt("ééééééééééééééééééééé", 5);
    EXPECT_EQ(find_invalid_utf8(accented), std::string::npos);
}

TEST(PlainExcerpt, TextExactlyAsLongAsTheLimitIsNotCut) {
    EXPECT_EQ(plain_excerpt("hello world", 11), "hello world");
}

TEST(PlainExcerpt, LinkAddressesAreNotPartOfThePlainText) {
    EXPECT_EQ(plain_excerpt("Read [our strategy](https://example.ac.uk/s) today.", 200), "Read our strategy today.");
}

// ---- characters no page or feed may hold ----------------------------------------

TEST(ForbiddenChars, FindsControlCharactersNoncharactersAndSurrogates) {
    uint32_t cp = 0;
    EXPECT_EQ(find_forbidden_char("tab\tline\ncr\r ok", &cp), std::string::npos);
    EXPECT_EQ(find_forbidden_char("caf\u00e9 \u2014 \U0001F52C"), std::string::npos);
    EXPECT_EQ(find_forbidden_char(std::string("ab\0c", 4), &cp), 2u);
    EXPECT_EQ(cp, 0u);
    EXPECT_EQ(find_forbidden_char("x\x1b[31m", &cp), 1u);
    EXPECT_EQ(cp, 0x1Bu);
    EXPECT_EQ(find_forbidden_char("x\x7f", &cp), 1u);
    EXPECT_EQ(find_forbidden_char("x\u0085", &cp), 1u);
    EXPECT_EQ(cp, 0x85u);
    EXPECT_EQ(find_forbidden_char("x\xEF\xBF\xBE", &cp), 1u);
    EXPECT_EQ(cp, 0xFFFEu);
    EXPECT_EQ(find_forbidden_char("x\xEF\xBF\xBF", &cp), 1u);
    EXPECT_EQ(cp, 0xFFFFu);
    EXPECT_EQ(find_forbidden_char("x\xED\xA0\x80", &cp), 1u);
    EXPECT_EQ(cp, 0xD800u);
    EXPECT_EQ(code_point_name(0x1B), "U+001B");
}

TEST(HtmlEscape, DropsWhatXmlForbidsAndKeepsTheRest) {
    static const char text[] = "a\0b\x01<\x0c\x0b\t\n\u0085\xEF\xBF\xBF\u00e9";  // a NUL inside: sized, not strlen
    EXPECT_EQ(html_escape(std::string(text, sizeof text - 1)), "ab&lt;\t\n\u00e9");
    EXPECT_EQ(drop_forbidden_chars("x\x1b[31my"), "x[31my");
}

// ---- taxonomy term addresses -------------------------------------------------------

TEST(TermSlug, SignsThatMakeAnotherTermAreSpeltOut) {
    EXPECT_EQ(term_slug("C"), "c");
    EXPECT_EQ(term_slug("C#"), "c-sharp");
    EXPECT_EQ(term_slug("C++"), "c-plus-plus");
    EXPECT_EQ(term_slug("F#"), "f-sharp");
    EXPECT_EQ(term_slug(".NET"), "dot-net");
    EXPECT_EQ(term_slug("Node.js"), "node-js");
    EXPECT_EQ(term_slug("Mass spectrometry (LC-MS)"), "mass-spectrometry-lc-ms");
    EXPECT_EQ(term_slug("Cell culture"), term_slug("cell culture"));
}

TEST(TermSlug, NoLetterOrDigitGivesNoAddress) {
    EXPECT_EQ(term_slug("++"), "");
    EXPECT_EQ(term_slug("!!!"), "");
    EXPECT_EQ(term_slug("\u2014"), "");
    EXPECT_EQ(term_slug("\u00ab \u00bb \u2026"), "");
    EXPECT_EQ(term_slug("\U0001F52C"), "");
    EXPECT_EQ(slugify("Caf\u00e9 \u2014 bar"), "caf\u00e9-bar");
}

TEST(TermSigns, OnlySignsThatTellTermsApartCount) {
    EXPECT_EQ(term_signs("Cell culture"), term_signs("cell-culture"));
    EXPECT_EQ(term_signs("Mass spectrometry (LC-MS)"), term_signs("Mass spectrometry LC/MS"));
    EXPECT_EQ(term_signs("C#"), term_signs("C sharp"));
    EXPECT_EQ(term_signs("Health and safety."), "");
    EXPECT_EQ(term_signs("Python 3.1"), ".");
    EXPECT_EQ(term_signs("50%"), "%");
    EXPECT_NE(term_signs("R&D"), term_signs("R D"));
}
