// Randomly damaged copies of the sample content: check and build must report what is wrong
// and exit 0 or 1 — never crash, hang or trip a sanitizer (scripts/test-sanitizers runs this
// under AddressSanitizer and UndefinedBehaviorSanitizer). The damage is seeded, so a failure
// names the seed that reproduces it. TECHPAGES_DAMAGE_RUNS=N runs more copies.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

std::vector<fs::path> text_files(const fs::path& root) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file() && (e.path().extension() == ".md" || e.path().extension() == ".toml"))
            files.push_back(e.path());
    std::sort(files.begin(), files.end());  // directory order differs between machines
    return files;
}

// Fragments that matter to the parsers: delimiters, quotes, brackets, bad UTF-8, NUL.
const std::vector<std::string> nasty = {
    "+++", "\"", "\"\"\"", "[", "]]", "[[", "{{", "}}", "=", "\n", "\r", "\xEF\xBB\xBF", "\xFF\xFE", "\xC3",
    std::string(1, '\0'), "\t", "#", "<script>", "](javascript:x)", "***", "|", "> ", "1. ", "- ", "\\",
};

std::string damage(std::string text, std::mt19937& rng, std::string& what) {
    auto pick = [&](size_t n) { return n ? std::uniform_int_distribution<size_t>(0, n - 1)(rng) : 0; };
    size_t at = pick(text.size() + 1);
    switch (pick(6)) {
        case 0:  // flip a few bytes
            for (int i = 0; i < 4 && !text.empty(); ++i) text[pick(text.size())] ^= static_cast<char>(1 + pick(255));
            what = "flipped bytes";
            break;
        case 1:
            text.resize(at);
            what = "truncated at byte " + std::to_string(at);
            break;
        case 2: {
            const std::string& bit = nasty[pick(nasty.size())];
            text.insert(at, bit);
            what = "inserted a parser-sensitive fragment at byte " + std::to_string(at);
            break;
        }
        case 3: {  // delete a line
            size_t start = text.rfind('\n', at ? at - 1 : 0);
            start = start == std::string::npos ? 0 : start;
            size_t end = text.find('\n', at);
            text.erase(start, (end == std::string::npos ? text.size() : end) - start);
            what = "deleted a line";
            break;
        }
        case 4:  // duplicate a run of bytes (repeated keys, tables, headings)
            text.insert(at, text.substr(at, pick(200)));
            what = "duplicated bytes at " + std::to_string(at);
            break;
        default: {
            std::string junk;
            for (size_t i = pick(64); i > 0; --i) junk += static_cast<char>(pick(256));
            text.insert(at, junk);
            what = "inserted random bytes at " + std::to_string(at);
        }
    }
    return text;
}

// Each reported problem has the located shape; nothing a sanitizer prints.
void expect_clean_report(const RunResult& r, const std::string& context) {
    EXPECT_TRUE(r.status == 0 || r.status == 1) << context << "exit status " << r.status << "\n" << r.output;
    EXPECT_THAT(long_text(r.output), Not(HasSubstr("AddressSanitizer"))) << context << r.output;
    EXPECT_THAT(long_text(r.output), Not(HasSubstr("runtime error:"))) << context << r.output;
    if (r.status == 1) {
        static const std::regex located(R"([^\s:]+:\d+:\d+: error: )");
        EXPECT_TRUE(std::regex_search(r.output, located)) << context << r.output;
    }
}

}  // namespace

TEST(DamagedContent, CheckAndBuildReportAndNeverCrash) {
    int runs = 12;
    if (const char* env = std::getenv("TECHPAGES_DAMAGE_RUNS")) runs = std::max(1, std::atoi(env));
    int refused = 0;
    for (int seed = 1; seed <= runs; ++seed) {
        TempDir dir;
        fs::path content = dir / "content";
        copy_tree(source_dir / "content", content);
        std::mt19937 rng(static_cast<unsigned>(seed));
        std::vector<fs::path> files = text_files(content);
        std::ostringstream log;
        log << "seed " << seed << ":\n";
        for (int i = 0; i < 3; ++i) {
            const fs::path& file = files[std::uniform_int_distribution<size_t>(0, files.size() - 1)(rng)];
            std::string what;
            write_text(file, damage(read_text(file), rng, what));
            log << "  " << fs::relative(file, content).generic_string() << ": " << what << "\n";
        }
        std::string context = log.str();
        expect_clean_report(run(binary + " check --content " + quote(content)), context);
        RunResult build = run(binary + " build --content " + quote(content) + " --out " + quote(dir / "site"));
        expect_clean_report(build, context);
        refused += build.status == 1;
        if (build.status == 1) {
            EXPECT_FALSE(fs::exists(dir / "site")) << context << "a failed build published a site";
        }
    }
    // The damage must be real: many damaged copies have something to report.
    EXPECT_GE(refused, runs / 3) << "only " << refused << " of " << runs << " damaged copies failed to build";
}
