// Checks shared by several kinds of file: ORCID iDs, links, theme ids, TALENT,
// registrations and file names.
#include <gtest/gtest.h>

#include "load/toml_reader.h"
#include "model/field_rules.h"
#include "unit_helpers.h"

using namespace techpages;
using namespace techpages::testing;

namespace {

const std::string path = "institutions/lstm/profiles/amara-okafor.md";

struct Fields {
    explicit Fields(const std::string& toml) {
        Diagnostics parse_diagnostics;
        auto parsed = parse_toml(toml, path, 2, parse_diagnostics);
        EXPECT_TRUE(parsed.has_value()) << dump(parse_diagnostics);
        if (parsed) table = std::move(*parsed);
        reader.emplace(table, path, 2, diagnostics, SourcePos{1, 1});
    }
    FieldReader& operator*() { return *reader; }

    toml::table table;
    Diagnostics diagnostics;
    std::optional<FieldReader> reader;
};

}  // namespace

// ---- ORCID ------------------------------------------------------------------

TEST(IsValidOrcid, AcceptsRealIdsIncludingCheckCharacterX) {
    EXPECT_TRUE(is_valid_orcid("0000-0002-1825-0097"));
    EXPECT_TRUE(is_valid_orcid("0000-0002-1694-233X"));
    EXPECT_TRUE(is_valid_orcid("0000-0001-5109-3700"));
}

TEST(IsValidOrcid, RefusesAWrongCheckDigit) {
    EXPECT_FALSE(is_valid_orcid("0000-0002-1825-0098"));
    EXPECT_FALSE(is_valid_orcid("0000-0002-1694-2330"));
    EXPECT_FALSE(is_valid_orcid("0000-0002-1825-009X"));
}

TEST(IsValidOrcid, RefusesOtherShapes) {
    EXPECT_FALSE(is_valid_orcid(""));
    EXPECT_FALSE(is_valid_orcid("0000000218250097"));        // no hyphens
    EXPECT_FALSE(is_valid_orcid("0000-0002-1825-009"));      // too short
    EXPECT_FALSE(is_valid_orcid("0000-0002-1825-00970"));    // too long
    EXPECT_FALSE(is_valid_orcid("000-00002-1825-0097"));     // hyphen in the wrong place
    EXPECT_FALSE(is_valid_orcid("0000 0002 1825 0097"));     // spaces
    EXPECT_FALSE(is_valid_orcid("0000-0002-18X5-0097"));     // X only as the last character
    EXPECT_FALSE(is_valid_orcid("https://orcid.org/0000-0002-1825-0097"));
}

// ---- URLs ---------------------------------------------------------------------

TEST(IsSafeUrl, AcceptsWebAndMailAddresses) {
    EXPECT_TRUE(is_safe_url("https://www.lstmed.ac.uk/"));
    EXPECT_TRUE(is_safe_url("http://example.org/page"));
    EXPECT_TRUE(is_safe_url("mailto:amara.okafor@example.ac.uk"));
    EXPECT_TRUE(is_safe_url("HTTPS://EXAMPLE.ORG/"));
}

TEST(IsSafeUrl, RefusesScriptAndDataAddressesInAnyCase) {
    EXPECT_FALSE(is_safe_url("javascript:alert(1)"));
    EXPECT_FALSE(is_safe_url("JavaScript:alert(1)"));
    EXPECT_FALSE(is_safe_url("data:text/html;base64,PHNjcmlwdD4="));
    EXPECT_FALSE(is_safe_url("vbscript:msgbox(1)"));
    EXPECT_FALSE(is_safe_url(" javascript:alert(1)"));
}

TEST(IsSafeUrl, RefusesAddressesWithoutAScheme) {
    EXPECT_FALSE(is_safe_url("www.example.org"));
    EXPECT_FALSE(is_safe_url("//example.org/"));
    EXPECT_FALSE(is_safe_url(""));
}

TEST(CheckedUrl, ScriptLinkIsAnErrorAndNotKept) {
    Fields f("title = \"x\"\nurl = \"javascript:alert(1)\"\n");
    EXPECT_EQ(checked_url(*f, "url"), "");
    auto errors = errors_with(f.diagnostics, "is not a web address this site can link to");
    ASSERT_EQ(errors.size(), 1u) << dump(f.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 3);
    EXPECT_TRUE(contains(errors[0].hint, "https://"));
}

TEST(CheckedUrl, AddressWithASpaceOrQuoteIsRefused) {
    Fields f("a = \"https://example.org/my page\"\nb = \"https://example.org/\\\"onmouseover\"\n");
    EXPECT_EQ(checked_url(*f, "a"), "");
    EXPECT_EQ(checked_url(*f, "b"), "");
    EXPECT_EQ(f.diagnostics.error_count(), 2u) << dump(f.diagnostics);
}

TEST(CheckedUrl, GoodAddressIsKept) {
    Fields f("website = \"https://www.lstmed.ac.uk/\"\n");
    EXPECT_EQ(checked_url(*f, "website"), "https://www.lstmed.ac.uk/");
    EXPECT_EQ(f.diagnostics.error_count(), 0u);
}

// ---- Commitment theme ids ----------------------------------------------------------

TEST(CheckedThemeIds, MisspeltThemeGetsDidYouMean) {
    Fields f("name = \"x\"\nthemes = [\"visibilty\"]\n");
    EXPECT_TRUE(checked_commitment_theme_ids(*f, "themes").empty());
    auto errors = errors_with(f.diagnostics, "'visibilty' is not a Technician Commitment theme");
    ASSERT_EQ(errors.size(), 1u) << dump(f.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 3);
    EXPECT_TRUE(contains(errors[0].hint, "did you mean 'visibility'?")) << errors[0].hint;
}

TEST(CheckedThemeIds, UnrelatedWordListsAllFourThemes) {
    Fields f("themes = [\"finance\"]\n");
    checked_commitment_theme_ids(*f, "themes");
    auto errors = errors_with(f.diagnostics, "'finance' is not a Technician Commitment theme");
    ASSERT_EQ(errors.size(), 1u) << dump(f.diagnostics);
    EXPECT_EQ(errors[0].hint, "use one of visibility, recognition, career-development or sustainability");
}

TEST(CheckedThemeIds, CapitalsSpacesAndUnderscoresAreForgivenAndDuplicatesDropped) {
    Fields f("themes = [\"Career Development\", \"career_development\", \"Visibility\"]\n");
    EXPECT_EQ(checked_commitment_theme_ids(*f, "themes"), (std::vector<std::string>{"career-development", "visibility"}));
    EXPECT_EQ(f.diagnostics.error_count(), 0u) << dump(f.diagnostics);
}

TEST(CheckedThemeIds, GoodThemesKeptAlongsideABadOne) {
    Fields f("themes = [\"recognition\", \"recogntion\", \"sustainability\"]\n");
    EXPECT_EQ(checked_commitment_theme_ids(*f, "themes"), (std::vector<std::string>{"recognition", "sustainability"}));
    EXPECT_EQ(f.diagnostics.error_count(), 1u) << dump(f.diagnostics);
}

// ---- TALENT recommendations and registrations ---------------------------------------

TEST(CheckedTalent, LowerCaseAndLeadingZeroAreCanonicalised) {
    Fields f("talent = [\"r3\", \"R03\", \"R16\", \" R1 \"]\n");
    EXPECT_EQ(checked_talent(*f, "talent"), (std::vector<std::string>{"R3", "R16", "R1"}));
    EXPECT_EQ(f.diagnostics.error_count(), 0u) << dump(f.diagnostics);
}

TEST(CheckedTalent, OutOfRangeOrMalformedIsAnError) {
    Fields f("talent = [\"R17\", \"R0\", \"T3\", \"R\", \"R3a\"]\n");
    EXPECT_TRUE(checked_talent(*f, "talent").empty());
    EXPECT_EQ(errors_with(f.diagnostics, "is not a TALENT Commission recommendation").size(), 5u) << dump(f.diagnostics);
    auto r17 = errors_with(f.diagnostics, "'R17'");
    ASSERT_EQ(r17.size(), 1u);
    EXPECT_TRUE(contains(r17[0].hint, "R1 to R16")) << r17[0].hint;
}

TEST(CheckedRegistrations, AnyCapitalisationGivesTheBodysSpelling) {
    Fields f("registrations = [\"rscitech\", \"CENG\"]\n");
    EXPECT_EQ(checked_registrations(*f, "registrations"), (std::vector<std::string>{"RSciTech", "CEng"}));
    EXPECT_EQ(f.diagnostics.error_count(), 0u);
}

TEST(CheckedRegistrations, UnknownRegistrationGetsASuggestion) {
    Fields f("registrations = [\"RSciTek\"]\n");
    EXPECT_TRUE(checked_registrations(*f, "registrations").empty());
    auto errors = errors_with(f.diagnostics, "'RSciTek' is not a professional registration");
    ASSERT_EQ(errors.size(), 1u) << dump(f.diagnostics);
    EXPECT_EQ(errors[0].hint, "did you mean 'RSciTech'?");
}

// ---- links and local files ----------------------------------------------------------

TEST(ReadLinks, KeepsGoodLinksAndReportsBadOnes) {
    Fields f("[[links]]\ntitle = \"LinkedIn\"\nurl = \"https://www.linkedin.com/in/x\"\n"
             "[[links]]\ntitle = \"Bad\"\nurl = \"javascript:void(0)\"\n"
             "[[links]]\nurl = \"https://no-title.example\"\n");
    auto links = read_links(*f, "links");
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].title, "LinkedIn");
    EXPECT_EQ(errors_with(f.diagnostics, "is not a web address").size(), 1u) << dump(f.diagnostics);
    EXPECT_EQ(errors_with(f.diagnostics, "the required field 'title' is missing").size(), 1u) << dump(f.diagnostics);
}

TEST(CheckedLocalFile, OnlyAPlainFileNameIsAccepted) {
    Fields f("a = \"amara.jpg\"\nb = \"../secret.jpg\"\nc = \"photos/amara.jpg\"\nd = \"..\"\ne = \"C:\\\\x.jpg\"\n");
    EXPECT_EQ(checked_local_file(*f, "a"), "amara.jpg");
    for (const char* key : {"b", "c", "d", "e"}) EXPECT_EQ(checked_local_file(*f, key), "") << key;
    EXPECT_EQ(errors_with(f.diagnostics, "should be just a file name").size(), 4u) << dump(f.diagnostics);
}

// ---- reviewers and free terms -------------------------------------------------------

TEST(IsGithubOwner, AcceptsUsersAndTeamsAsGithubSpellsThem) {
    for (const auto& ok : std::vector<std::string>{"@lstm-comms", "@a", "@my-org/web-team", "@my-org/web_team", "@" + std::string(39, 'a')})
        EXPECT_TRUE(is_github_owner(ok)) << ok;
    for (const auto& bad : std::vector<std::string>{"@", "lstm", "@-a", "@a-", "@a--b", "@a b", "@a\n* @evil", "@a/", "@a/b c", "@a/b/c",
                            "@" + std::string(40, 'a'), "@a#b", "@a*", "@/team"})
        EXPECT_FALSE(is_github_owner(bad)) << bad;
}

TEST(CheckedReviewers, EachBadEntryIsReportedAtItsLine) {
    Fields f("reviewers = [\n  \"@lstm-comms\",\n  \"@lstm-comms\\n* @evil\",\n  \"web@lstmed.ac.uk\",\n"
             "  \"a b@x.org\",\n  \"x#y@x.org\",\n]\n");
    EXPECT_EQ(checked_reviewers(*f, "reviewers"), (std::vector<std::string>{"@lstm-comms", "web@lstmed.ac.uk"}));
    auto bad = errors_with(f.diagnostics, "is not a GitHub user, team or e-mail address");
    ASSERT_EQ(bad.size(), 3u) << dump(f.diagnostics);
    EXPECT_EQ(bad[0].message, "'@lstm-comms\\n* @evil' is not a GitHub user, team or e-mail address");
    EXPECT_EQ(bad[0].pos.line, 4);
    EXPECT_EQ(bad[1].pos.line, 6);
    EXPECT_EQ(bad[2].pos.line, 7);
}

TEST(CheckedTerms, ATermWithNoLetterOrDigitIsReportedAndLeftOut) {
    Fields f("skills = [\"PCR\", \"++\", \"C++\"]\n");
    std::vector<SourcePos> positions;
    EXPECT_EQ(checked_terms(*f, "skills", positions), (std::vector<std::string>{"PCR", "C++"}));
    ASSERT_EQ(positions.size(), 2u);
    EXPECT_EQ(positions[1].column, 24);
    auto bad = errors_with(f.diagnostics, "'++' has no letter or digit, so it cannot have a page of its own");
    ASSERT_EQ(bad.size(), 1u) << dump(f.diagnostics);
    EXPECT_EQ(bad[0].pos.column, 18);
}

TEST(CheckedTerms, ATermTooLongForAnAddressIsReported) {
    Fields f("skills = [\"" + std::string(121, 'x') + "\", \"PCR\"]\n");
    std::vector<SourcePos> positions;
    EXPECT_EQ(checked_terms(*f, "skills", positions), (std::vector<std::string>{"PCR"}));
    auto bad = errors_with(f.diagnostics, "this skill is too long to be a page's address (121 characters, at most 120)");
    ASSERT_EQ(bad.size(), 1u) << dump(f.diagnostics);
    EXPECT_EQ(bad[0].pos.column, 11);
}
