// The check corpus: tests/check_corpus/<case>/ holds one broken content file (one
// mistake) at the path it would have in a content folder, and expected.txt holds the one
// line `techpages check` must print for it ("ok" when nothing is wrong). Each case is
// laid over a copy of the small valid site in tests/check_corpus/_base/ and checked on
// its own; then every case goes into one tree and all their lines must come out of a
// single run. A case with a BUG.md is a mistake techpages does not yet report as it
// should: expected.txt holds the line as it should be, and the case is skipped with the
// reason until the generator is fixed.
//
// Finally, mistakes are made one at a time in a copy of the real sample content, which
// the corpus was not written against: each must fail the check and be located in the
// broken file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <tuple>
#include <vector>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const fs::path corpus_dir = fs::path(TECHPAGES_TEST_DIR) / "check_corpus";
const fs::path base_dir = corpus_dir / "_base";
const std::string binary = TECHPAGES_BINARY;

// "path:line:column: error|warning: what is wrong — what to do"
const std::regex problem_line(R"(^(.+):(\d+):(\d+): (error|warning): .*$)");

struct Case {
    std::string name;
    fs::path dir;
    std::string expected;            // the one line, or "ok"
    std::vector<std::string> files;  // content files, relative to the case folder
    std::string bug;                 // BUG.md's text; empty when the case is not a known bug

    bool ok() const { return expected == "ok"; }
    bool is_error() const { return !ok() && expected.find(": error: ") != std::string::npos; }
    // The title line of BUG.md, without the leading "# ".
    std::string bug_title() const {
        std::string title = bug.substr(0, bug.find('\n'));
        return title.rfind("# ", 0) == 0 ? title.substr(2) : title;
    }
};

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// The output's problem lines, in the order printed (the summary and "No problems" lines
// are left out).
std::vector<std::string> problem_lines(const std::string& output) {
    std::vector<std::string> out;
    for (const auto& line : split_lines(output))
        if (std::regex_match(line, problem_line)) out.push_back(line);
    return out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += "  " + l + "\n";
    return out.empty() ? "  (no problem lines)\n" : out;
}

// Case folders, sorted; names starting with "_" (the base site) are not cases.
std::vector<std::string> case_names() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(corpus_dir, ec)) {
        std::string name = e.path().filename().string();
        if (e.is_directory() && !name.empty() && name[0] != '_') names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

Case load_case(const std::string& name) {
    Case c;
    c.name = name;
    c.dir = corpus_dir / name;
    std::vector<std::string> lines = split_lines(read_text(c.dir / "expected.txt"));
    c.expected = lines.empty() ? std::string() : lines[0];
    if (fs::exists(c.dir / "BUG.md")) c.bug = read_text(c.dir / "BUG.md");
    for (const auto& e : fs::recursive_directory_iterator(c.dir)) {
        if (!e.is_regular_file()) continue;
        std::string rel = e.path().lexically_relative(c.dir).generic_string();
        if (rel == "expected.txt" || rel == "BUG.md") continue;
        c.files.push_back(rel);
    }
    std::sort(c.files.begin(), c.files.end());
    return c;
}

void lay_over(const Case& c, const fs::path& tree) {
    for (const auto& rel : c.files) {
        fs::create_directories((tree / rel).parent_path());
        fs::copy_file(c.dir / rel, tree / rel, fs::copy_options::overwrite_existing);
    }
}

RunResult check(const fs::path& content) { return run(binary + " check --content " + quote(content)); }

std::string test_name(const std::string& name) {
    std::string out = name;
    for (char& ch : out)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return out;
}

// ---- the corpus itself ------------------------------------------------------------------

TEST(CheckCorpus, BaseSiteIsValid) {
    TempDir dir;
    copy_tree(base_dir, dir / "content");
    RunResult r = check(dir / "content");
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(problem_lines(r.output).empty()) << r.output;
}

TEST(CheckCorpus, EveryCaseHasOneMistakeAndOneExpectedLine) {
    std::vector<std::string> names = case_names();
    EXPECT_GE(names.size(), 45u);
    for (const auto& name : names) {
        SCOPED_TRACE(name);
        std::vector<std::string> lines = split_lines(read_text(corpus_dir / name / "expected.txt"));
        ASSERT_EQ(lines.size(), 1u) << "expected.txt holds exactly one line: the problem, or \"ok\"";
        Case c = load_case(name);
        EXPECT_FALSE(c.files.empty()) << "the case has no content file";
        if (!c.ok()) {
            EXPECT_TRUE(std::regex_match(c.expected, problem_line)) << c.expected;
        }
        if (!c.bug.empty()) {
            EXPECT_EQ(c.bug.rfind("# ", 0), 0u) << "BUG.md starts with a '# ' title line";
        }
    }
}

// The Windows case is only worth having if the file still has its byte-order mark and
// CRLF endings (tests/check_corpus/.gitattributes keeps Git from converting them).
TEST(CheckCorpus, WindowsFileKeepsItsByteOrderMarkAndCrlf) {
    std::string text = read_text(corpus_dir / "profile-crlf-bom-ok/institutions/lstm/profiles/zara-ahmed.md");
    EXPECT_EQ(text.rfind("\xEF\xBB\xBF+++\r\n", 0), 0u);
    EXPECT_EQ(count_of(text, "\r\n"), count_of(text, "\n"));
}

// ---- each case on its own ---------------------------------------------------------------

class CheckCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(CheckCorpus, PrintsExactlyTheExpectedLine) {
    Case c = load_case(GetParam());
    TempDir dir;
    fs::path content = dir / "content";
    copy_tree(base_dir, content);
    lay_over(c, content);
    RunResult r = check(content);
    std::vector<std::string> lines = problem_lines(r.output);

    // Whatever the content, the check ends normally: 0 or 1, never a signal or a crash.
    ASSERT_TRUE(r.status == 0 || r.status == 1) << "status " << r.status << "\n" << r.output;

    std::vector<std::string> expected;
    if (!c.ok()) expected.push_back(c.expected);
    int expected_status = c.is_error() ? 1 : 0;

    if (!c.bug.empty()) {
        if (lines == expected && r.status == expected_status) {
            std::printf("[ NOTE     ] %s: the bug in BUG.md is fixed; delete BUG.md\n", c.name.c_str());
            return;
        }
        GTEST_SKIP() << "BUG (tests/check_corpus/" << c.name << "/BUG.md): " << c.bug_title() << "\n  actual:\n"
                     << joined(lines) << "  should be:\n" << joined(expected);
    }
    EXPECT_EQ(r.status, expected_status) << r.output;
    EXPECT_EQ(lines, expected) << "actual:\n" << joined(lines) << "expected:\n" << joined(expected);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CheckCorpus, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return test_name(info.param); });

// ---- every case at once ------------------------------------------------------------------

// Every case that can share a tree goes into one content folder, and one run must report
// every expected line, nothing else, sorted by file, line and column. Left out:
// - cases that replace a file of the base site (the site.toml cases): a content folder has
//   one site.toml, so two of them cannot be in one tree, and the base's own would be lost;
// - cases with a BUG.md: their expected line is what techpages should print, not what it
//   prints today, and they are already reported by PrintsExactlyTheExpectedLine.
// Nothing else collides: every case names its files differently (a new technician, plan
// or institution each), and the test fails if two cases ever write the same path.
TEST(CheckCorpus, EveryProblemIsReportedInOneRun) {
    TempDir dir;
    fs::path content = dir / "content";
    copy_tree(base_dir, content);

    std::map<std::string, std::string> written_by;  // path in the tree -> case
    std::vector<Case> included;
    for (const auto& name : case_names()) {
        Case c = load_case(name);
        if (!c.bug.empty()) continue;
        bool replaces_base = std::any_of(c.files.begin(), c.files.end(),
                                         [](const std::string& rel) { return fs::exists(base_dir / rel); });
        if (replaces_base) continue;
        for (const auto& rel : c.files) {
            auto [it, fresh] = written_by.emplace(rel, name);
            EXPECT_TRUE(fresh) << "cases " << it->second << " and " << name << " both write " << rel
                               << ": give one of them another file name";
        }
        lay_over(c, content);
        included.push_back(c);
    }
    ASSERT_GE(included.size(), 40u);

    RunResult r = check(content);
    ASSERT_TRUE(r.status == 0 || r.status == 1) << "status " << r.status << "\n" << r.output;
    EXPECT_EQ(r.status, 1);
    std::vector<std::string> lines = problem_lines(r.output);

    std::multiset<std::string> expected, actual(lines.begin(), lines.end());
    for (const auto& c : included) {
        if (c.ok()) {
            // A valid file stays valid among broken ones.
            for (const auto& line : lines)
                for (const auto& rel : c.files)
                    EXPECT_NE(line.rfind(rel + ":", 0), 0u) << c.name << " is valid, yet: " << line;
            continue;
        }
        expected.insert(c.expected);
        EXPECT_EQ(actual.count(c.expected), 1u) << c.name << ": expected once in the combined run:\n  "
                                                << c.expected;
    }
    std::vector<std::string> missing, extra;
    std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(), std::back_inserter(missing));
    std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(), std::back_inserter(extra));
    EXPECT_TRUE(missing.empty() && extra.empty())
        << "missing from the combined run:\n" << joined(missing) << "not expected in the combined run:\n" << joined(extra);

    // Sorted by file, then line, then column.
    std::vector<std::tuple<std::string, int, int>> keys;
    for (const auto& line : lines) {
        std::smatch m;
        ASSERT_TRUE(std::regex_match(line, m, problem_line));
        keys.emplace_back(m[1].str(), std::stoi(m[2].str()), std::stoi(m[3].str()));
    }
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end())) << r.output;
    EXPECT_THAT(long_text(r.output),
                HasSubstr(std::to_string(std::count_if(
                              lines.begin(), lines.end(),
                              [](const std::string& l) { return l.find(": error: ") != std::string::npos; })) +
                          " errors"))
        << "the summary counts every error:\n"
        << r.output;
}

// ---- mistakes in a tree the corpus was not written against ------------------------------

const std::string real_profile = "institutions/lancaster/profiles/bethany-clarke.md";

struct Mistake {
    std::string name;
    std::string broken_path;  // the file the output must name
    // Breaks the copy of the sample content; returns the line the mistake is on (0: any).
    std::function<int(const fs::path& content)> make;
    std::string bug;  // when set, a known gap: skipped with this reason if not located
};

// Replaces `from` with `to` in the real profile and returns the line of the change.
// Fails the test when the sample profile no longer holds `from`, rather than testing nothing.
int edit_profile(const fs::path& content, const std::string& from, const std::string& to) {
    fs::path file = content / real_profile;
    std::string text = read_text(file);
    size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << real_profile << " no longer contains: " << from;
    if (at == std::string::npos) return -1;
    text.replace(at, from.size(), to);
    write_text(file, text);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::vector<Mistake> mistakes() {
    const std::string p = real_profile;
    return {
        {"bad_quote", p,
         [](const fs::path& c) { return edit_profile(c, "role = \"Electronics Technician\"", "role = \"Electronics Technician"); }, ""},
        {"wrong_type", p, [](const fs::path& c) { return edit_profile(c, "published = true", "published = \"yes\""); }, ""},
        {"unknown_theme", p,
         [](const fs::path& c) { return edit_profile(c, "themes = [\"recognition\"]", "themes = [\"recogniton\"]"); }, ""},
        {"bad_orcid_check_digit", p,
         [](const fs::path& c) { return edit_profile(c, "orcid = \"0009-0001-3887-6716\"", "orcid = \"0009-0001-3887-6715\""); }, ""},
        {"photo_symlink_outside", p,
         [](const fs::path& c) {
             // A "photo" that is really a link to a file of the machine that builds the site.
             fs::create_symlink("/etc/hostname", c / "institutions/lancaster/profiles/bethany-clarke-portrait.jpg");
             return edit_profile(c, "photo = \"bethany-clarke.jpg\"", "photo = \"bethany-clarke-portrait.jpg\"");
         }, ""},
        {"photo_path_outside", p,
         [](const fs::path& c) { return edit_profile(c, "photo = \"bethany-clarke.jpg\"", "photo = \"../../../../etc/passwd\""); }, ""},
        {"missing_name", p,
         [](const fs::path& c) {
             edit_profile(c, "name = \"Bethany Clarke\"\n", "");
             return 1;  // a missing field is reported at the start of the front matter
         }, ""},
        {"impossible_date", p, [](const fs::path& c) { return edit_profile(c, "date = 2024-11-18", "date = 2024-02-30"); }, ""},
        {"unknown_institution", "institutions/unknown-uni/profiles/bethany-clarke.md",
         [](const fs::path& c) {
             // Uploaded, with its photo, into a folder that is not an institution's.
             fs::path to = c / "institutions/unknown-uni/profiles";
             fs::create_directories(to);
             fs::copy_file(c / real_profile, to / "bethany-clarke.md");
             fs::copy_file(c / "institutions/lancaster/profiles/bethany-clarke.jpg", to / "bethany-clarke.jpg");
             return 0;
         },
         "the only problem is reported on the folder (institutions/unknown-uni:1:1: this institution folder has no "
         "institution.md); the profile put there is never named. See tests/check_corpus/profile-unknown-institution/BUG.md"},
        {"invalid_utf8", p,
         [](const fs::path& c) {
             // An en dash pasted from a Windows-1252 editor: the single byte 0x96.
             return edit_profile(c, "low-temperature physics", "low-temperature \x96 physics");
         }, ""},
        {"unclosed_front_matter", p,
         [](const fs::path& c) {
             edit_profile(c, "+++\n## Building", "\n## Building");
             return 1;  // reported where the front matter opens
         }, ""},
    };
}

void PrintTo(const Mistake& m, std::ostream* os) { *os << m.name; }

class CheckCorpusUnseen : public ::testing::TestWithParam<Mistake> {};

TEST_P(CheckCorpusUnseen, MistakesInAnUnseenTree) {
    const Mistake& m = GetParam();
    TempDir dir;
    fs::path content = dir / "content";
    copy_tree(source_dir / "content", content);
    int line = m.make(content);
    ASSERT_GE(line, 0);

    RunResult r = check(content);
    ASSERT_TRUE(r.status == 0 || r.status == 1) << "status " << r.status << "\n" << r.output;
    EXPECT_EQ(r.status, 1) << r.output;

    // "<path>:<line>:<column>: error: ", at the mistake's line when it is known.
    std::regex located("^" + std::regex_replace(m.broken_path, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                       ":(\\d+):\\d+: error: .*$");
    bool named = false;
    std::vector<int> lines_named;
    for (const auto& l : problem_lines(r.output)) {
        std::smatch match;
        if (std::regex_match(l, match, located)) {
            named = true;
            lines_named.push_back(std::stoi(match[1].str()));
        }
    }
    if (!named && !m.bug.empty()) GTEST_SKIP() << "BUG: " << m.bug << "\n" << r.output;
    ASSERT_TRUE(named) << "the output does not name " << m.broken_path << " with a line:\n" << r.output;
    if (line > 0) {
        EXPECT_NE(std::find(lines_named.begin(), lines_named.end(), line), lines_named.end())
            << "expected an error at line " << line << " of " << m.broken_path << ":\n" << r.output;
    }
}

INSTANTIATE_TEST_SUITE_P(SampleContent, CheckCorpusUnseen, ::testing::ValuesIn(mistakes()),
                         [](const ::testing::TestParamInfo<Mistake>& info) { return info.param.name; });

}  // namespace
