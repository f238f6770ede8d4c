// Hostile values in otherwise ordinary content: cells a spreadsheet would run as formulas,
// reviewers that would add lines to CODEOWNERS, control characters that would break the
// pages and the feed, skills with no address or a shared one, and files too big or not
// files at all. Each is the real binary on a copy of the sample content.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <regex>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

struct Copy {
    TempDir dir;
    fs::path content = dir / "content";
    fs::path out = dir / "site";
    Copy() { copy_tree(source_dir / "content", content); }
    RunResult build() { return run(binary + " build --content " + quote(content) + " --out " + quote(out)); }
    RunResult check() { return run(binary + " check --content " + quote(content)); }
    // Replaces the first `from` in a content file.
    void edit(const std::string& rel, const std::string& from, const std::string& to) {
        std::string text = read_text(content / rel);
        size_t at = text.find(from);
        ASSERT_NE(at, std::string::npos) << rel << " has no " << from;
        write_text(content / rel, text.replace(at, from.size(), to));
    }
};

const std::string kwame = "institutions/lstm/profiles/kwame-mensah.md";
const std::string farah = "institutions/lstm/profiles/farah-siddiqui.md";
const std::string tomasz = "institutions/lstm/profiles/tomasz-nowak.md";

// ------------------------------------------------------------------ CSV formulas

const std::string hostile_csv =
    "Ref,Action,Details,Owner,Comment\r\n"
    "1,Raise pay,-5 %,@lstm-comms,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\"\r\n"
    "2,Open day,+cmd|' /C calc'!A0,HR,'tis the season\r\n";

// True when some cell of the CSV text starts with a character a spreadsheet runs.
bool has_formula_cell(const std::string& csv) {
    return std::regex_search(csv, std::regex(R"re((^|[,\n])"?[=+\-@])re"));
}

TEST(HostileValues, FormulaCellsAreGuardedAndExportThenImportGivesTheSameToml) {
    Copy site;
    write_text(site.dir / "first/hostile.csv", hostile_csv);
    auto import = [&](const fs::path& csv, const fs::path& content) {
        return run(binary + " import-plan " + quote(csv) + " --institution lstm --content " + quote(content));
    };
    RunResult i1 = import(site.dir / "first/hostile.csv", site.content);
    ASSERT_EQ(i1.status, 0) << i1.output;
    fs::path plan = site.content / "institutions/lstm/plans/hostile.toml";
    std::string toml = read_text(plan);
    EXPECT_THAT(long_text(toml), HasSubstr("details = \"-5 %\"")) << toml;
    EXPECT_THAT(long_text(toml), HasSubstr("owners = [\"@lstm-comms\"]")) << toml;
    EXPECT_THAT(long_text(toml), HasSubstr("comment = \"'tis the season\"")) << toml;

    // export-plan guards every such cell with a ', and a cell starting with ' gets one more.
    fs::path exported = site.dir / "second/hostile.csv";
    RunResult e = run(binary + " export-plan " + quote(plan) + " --out " + quote(exported));
    ASSERT_EQ(e.status, 0) << e.output;
    std::string csv = read_text(exported);
    EXPECT_THAT(long_text(csv), HasSubstr(",'-5 %,'@lstm-comms,\"'=HYPERLINK(")) << csv;
    EXPECT_THAT(long_text(csv), HasSubstr(",'+cmd|' /C calc'!A0,")) << csv;
    EXPECT_THAT(long_text(csv), HasSubstr(",''tis the season")) << csv;
    EXPECT_FALSE(has_formula_cell(csv)) << csv;

    // Imported again (same file name, another content folder): the same TOML, byte for byte.
    fs::path again = site.dir / "again";
    copy_tree(source_dir / "content", again);
    RunResult i2 = import(exported, again);
    ASSERT_EQ(i2.status, 0) << i2.output;
    EXPECT_EQ(read_text(again / "institutions/lstm/plans/hostile.toml"), toml);

    // The open data the build publishes is guarded the same way.
    RunResult b = site.build();
    ASSERT_EQ(b.status, 0) << b.output;
    std::string plan_csv = read_text(site.out / "institutions/lstm/plans/hostile/lstm-hostile.csv");
    EXPECT_EQ(plan_csv, csv);
    std::string actions = read_text(site.out / "actions.csv");
    EXPECT_THAT(long_text(actions), HasSubstr(",'@lstm-comms,"));
    EXPECT_FALSE(has_formula_cell(actions));
}

// ------------------------------------------------------------------ CODEOWNERS

TEST(HostileValues, AReviewerWithALineBreakIsRefusedAtItsLineAndNothingIsInjected) {
    Copy site;
    site.edit("institutions/lstm/institution.md", "reviewers = [\"@lstm-comms\"]",
              "reviewers = [\n  \"@lstm-comms\",\n  \"@lstm-comms\\n* @evil\",\n  \"@evil /.github/\",\n"
              "  \"@-bad-\",\n  \"#comment\",\n  \"@my-org/web_team\",\n  \"comms@lstmed.ac.uk\",\n]");
    RunResult r = run(binary + " codeowners --content " + quote(site.content));
    EXPECT_NE(r.status, 0);
    const std::string hint = " is not a GitHub user, team or e-mail address — write each reviewer in its own quotes";
    EXPECT_THAT(long_text(r.output),
                HasSubstr("institutions/lstm/institution.md:9:3: error: '@lstm-comms\\n* @evil'" + hint))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("institution.md:10:3: error: '@evil /.github/'" + hint)) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("institution.md:11:3: error: '@-bad-'" + hint)) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr("institution.md:12:3: error: '#comment'" + hint)) << r.output;
    EXPECT_THAT(long_text(r.output), Not(HasSubstr("@my-org/web_team'"))) << "a team is a reviewer";
    EXPECT_THAT(long_text(r.output), Not(HasSubstr("comms@lstmed.ac.uk'"))) << "an e-mail address is a reviewer";
    EXPECT_THAT(long_text(r.output), Not(HasSubstr("\n* @evil"))) << "nothing injected:\n" << r.output;
    EXPECT_THAT(long_text(r.output), Not(HasSubstr("# Generated"))) << "no CODEOWNERS printed";
    EXPECT_FALSE(fs::exists(site.dir / ".github/CODEOWNERS"));
    EXPECT_NE(site.check().status, 0) << "check refuses what codeowners refuses";

    // The good ones alone: one line per institution, nothing else.
    site.edit("institutions/lstm/institution.md", "  \"@lstm-comms\\n* @evil\",\n  \"@evil /.github/\",\n"
              "  \"@-bad-\",\n  \"#comment\",\n", "");
    RunResult ok = run(binary + " codeowners --content " + quote(site.content));
    ASSERT_EQ(ok.status, 0) << ok.output;
    EXPECT_THAT(long_text(ok.output),
                HasSubstr("\n/content/institutions/lstm/ @lstm-comms @my-org/web_team comms@lstmed.ac.uk\n"))
        << ok.output;
    for (const auto& line : {"* ", "/.github/", "@evil"})
        EXPECT_THAT(long_text(ok.output), Not(HasSubstr(line))) << line;
}

// ------------------------------------------------------------------ control characters

TEST(HostileValues, ControlCharactersInFieldsAndBodyAreLocated) {
    Copy site;
    site.edit(kwame, "name = \"", "name = \"\\u0001");
    site.edit(kwame, "role = \"", "role = \"\\u001b[31m");
    site.edit(kwame, "summary = \"", "summary = \"\\u0000");
    std::string text = read_text(site.content / kwame);
    size_t body = text.find("+++\n", 3) + 4;
    write_text(site.content / kwame, text.insert(body, "Red \x1b[31m text\x0c and \x0b here\n"));
    RunResult r = site.build();
    EXPECT_NE(r.status, 0);
    const std::string control = "contains an invisible control character";
    const std::string copied = " — delete it; it often comes from copying from another program";
    EXPECT_THAT(long_text(r.output), HasSubstr(kwame + ":2:8: error: the name " + control + " (U+0001)" + copied))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(kwame + ":3:8: error: the role " + control + " (U+001B)" + copied))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(kwame + ":11:11: error: the summary " + control + " (U+0000)" + copied))
        << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(kwame + ":21:5: error: this line " + control + " (U+001B)" + copied))
        << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(kwame + ":21:15: error: this line contains a page break (form feed, U+000C)"))
        << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(kwame + ":21:21: error: this line contains a line break from Word (vertical tab, U+000B)"))
        << r.output;
    EXPECT_FALSE(fs::exists(site.out)) << "nothing published";
    EXPECT_NE(site.check().status, 0);
}

// Every byte XML 1.0 forbids: C0 controls but tab, LF, CR; U+FFFE, U+FFFF (EF BF BE/BF).
bool has_forbidden_xml_byte(const std::string& xml) {
    for (size_t i = 0; i < xml.size(); ++i) {
        auto c = static_cast<unsigned char>(xml[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
        if (c == 0xEF && i + 2 < xml.size() && static_cast<unsigned char>(xml[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(xml[i + 2]) & 0xFE) == 0xBE)
            return true;
    }
    return false;
}

TEST(HostileValues, WithoutThemTheFeedAndSitemapParseAsXml) {
    Copy site;
    RunResult b = site.build();
    ASSERT_EQ(b.status, 0) << b.output;
    for (const std::string file : {"feed.xml", "sitemap.xml"}) {
        EXPECT_FALSE(has_forbidden_xml_byte(read_text(site.out / file))) << file;
        RunResult parsed = run("python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' " +
                               quote(site.out / file));
        if (parsed.output.find("No module named") != std::string::npos || parsed.status == 127) continue;
        EXPECT_EQ(parsed.status, 0) << file << ": " << parsed.output;
    }
}

TEST(HostileValues, CharacterReferencesToControlCharactersNeverReachThePage) {
    Copy site;
    std::string text = read_text(site.content / kwame);
    write_text(site.content / kwame, text + "\nEntities &#1; &#x85; &#xFFFE; &#xFFFF; &#27;[31m end.\n");
    RunResult b = site.build();
    ASSERT_EQ(b.status, 0) << b.output;
    std::string page = read_text(site.out / "institutions/lstm/profiles/kwame-mensah/index.html");
    EXPECT_THAT(long_text(page), HasSubstr("Entities     [31m end."));
    EXPECT_FALSE(has_forbidden_xml_byte(page));
    EXPECT_THAT(long_text(page), Not(HasSubstr("\u0085")));
}

// ------------------------------------------------------------------ taxonomy addresses

TEST(HostileValues, ASkillWithNoLetterOrDigitIsRefusedAtItsLine) {
    Copy site;
    site.edit(farah, "skills = [\"PCR\"", "skills = [\"++\", \"!!!\", \"\u2014\", \"PCR\"");
    RunResult r = site.build();
    EXPECT_NE(r.status, 0);
    const std::string why = " has no letter or digit, so it cannot have a page of its own";
    EXPECT_THAT(long_text(r.output), HasSubstr(farah + ":6:11: error: '++'" + why)) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(farah + ":6:17: error: '!!!'" + why)) << r.output;
    EXPECT_THAT(long_text(r.output), HasSubstr(farah + ":6:24: error: '\u2014'" + why)) << r.output;
    EXPECT_FALSE(fs::exists(site.out));
}

TEST(HostileValues, CAndCSharpAndCPlusPlusHaveAPageEachAndTheIndexIsKept) {
    Copy site;
    site.edit(farah, "skills = [\"PCR\"", "skills = [\"C\", \"C#\", \"C++\", \".NET\", \"pcr\"");
    site.edit(tomasz, "skills = [\"Python\"", "skills = [\"c\", \"cell culture\", \"Python\"");
    RunResult r = site.build();
    ASSERT_EQ(r.status, 0) << r.output;
    for (const std::string slug : {"c", "c-sharp", "c-plus-plus", "dot-net", "pcr", "cell-culture"})
        EXPECT_TRUE(fs::exists(site.out / "skills" / slug / "index.html")) << slug;
    std::string index = read_text(site.out / "skills/index.html");
    EXPECT_THAT(long_text(index), HasSubstr(">C#<"));
    EXPECT_THAT(long_text(index), HasSubstr(">C++<"));
    EXPECT_EQ(count_of(index, "skills/cell-culture/\""), 1u) << "\"Cell culture\" and \"cell culture\" are one term";
    EXPECT_THAT(long_text(index), HasSubstr(">PCR<")) << "named by its commonest spelling";
    std::string profile = read_text(site.out / "institutions/lstm/profiles/farah-siddiqui/index.html");
    EXPECT_THAT(long_text(profile), HasSubstr("skills/c-sharp/\"")) << "the profile links to the term's own page";
    std::string cs = read_text(site.out / "skills/c-sharp/index.html");
    EXPECT_THAT(long_text(cs), HasSubstr("Farah Siddiqui"));
    EXPECT_THAT(long_text(cs), Not(HasSubstr("Tomasz Nowak")));
}

TEST(HostileValues, TwoSkillsThatDifferInASignButShareAnAddressAreRefusedAtTheLaterOne) {
    Copy site;
    site.edit(farah, "skills = [\"PCR\"", "skills = [\"Python 3.1\", \"50%\", \"PCR\"");
    site.edit(tomasz, "skills = [\"Python\"", "skills = [\"python 3 1\", \"50\", \"Python\"");
    RunResult r = site.build();
    EXPECT_NE(r.status, 0);
    EXPECT_THAT(long_text(r.output), HasSubstr(tomasz +
                                               ":6:11: error: the skill 'python 3 1' would have the same address "
                                               "(/skills/python-3-1/) as 'Python 3.1' in " +
                                               farah + ":6"))
        << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(tomasz + ":6:25: error: the skill '50' would have the same address (/skills/50/) as '50%'"))
        << r.output;
}

// ------------------------------------------------------------------ size and kind of file

// The peak memory of `command` in KB, from /usr/bin/time -v (0 when it is not installed).
long peak_kb(const std::string& command, RunResult& r) {
    bool timed = fs::exists("/usr/bin/time");
    r = run((timed ? "/usr/bin/time -v " : "") + command);
    std::smatch m;
    if (!timed || !std::regex_search(r.output, m, std::regex(R"(Maximum resident set size \(kbytes\): (\d+))"))) return 0;
    return std::stol(m[1]);
}

TEST(HostileValues, AHugeSparseFileIsRefusedWithoutBeingRead) {
    Copy site;
    // The same failed build without the huge file: what the build costs anyway (far more under
    // AddressSanitizer than in a release build).
    fs::path broken = site.content / "institutions/lstm/profiles/broken.md";
    { std::ofstream(broken, std::ios::binary) << "+++\nname = \"Broken\"\n"; }
    RunResult base;
    long base_kb = peak_kb(binary + " build --content " + quote(site.content) + " --out " + quote(site.out), base);
    EXPECT_NE(base.status, 0);
    fs::remove(broken);
    fs::path huge = site.content / "institutions/lstm/profiles/huge.md";
    { std::ofstream(huge, std::ios::binary) << "+++\nname = \"Huge\"\n"; }
    fs::resize_file(huge, 200u * 1024 * 1024);  // sparse: no disk used
    RunResult r;
    long kb = peak_kb(binary + " build --content " + quote(site.content) + " --out " + quote(site.out), r);
    EXPECT_NE(r.status, 0);
    EXPECT_THAT(long_text(r.output),
                HasSubstr("institutions/lstm/profiles/huge.md:1:1: error: this file is 204800 KB, over the 1024 KB "
                          "limit for a content file"))
        << r.output;
    if (kb && base_kb) {
        std::cout << "peak memory of a build with a 200 MB file: " << kb / 1024 << " MB, without it " << base_kb / 1024
                  << " MB\n";
        EXPECT_LT(kb - base_kb, 50 * 1024) << "the file was read whole";
    }
}

TEST(HostileValues, AFifoNamedLikeAProfileIsRefusedNotWaitedFor) {
    Copy site;
    fs::path fifo = site.content / "institutions/lstm/profiles/pipe.md";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    for (const std::string command : {"build", "check"}) {
        RunResult r = run("timeout 60 " + binary + " " + command + " --content " + quote(site.content) +
                          (command == "build" ? " --out " + quote(site.out) : ""));
        EXPECT_NE(r.status, 124) << command << " hung on the pipe";
        EXPECT_EQ(r.status, 1) << r.output;
        EXPECT_THAT(long_text(r.output),
                    HasSubstr("institutions/lstm/profiles/pipe.md:1:1: error: this is a named pipe (FIFO), not a file "
                              "with text in it — content must be ordinary files"))
            << command << ": " << r.output;
    }
}

}  // namespace
