// The incremental build's oracle: random single-file edits of the sample content (with two
// imported plans of other shapes), one at
// a time, each built with the cache and compared byte for byte with a clean build. A page
// that reads a value its recorded reads do not cover comes out stale, and differs.
//
// A fixed seed and 14 edits by default; TECHPAGES_ORACLE_SEED and TECHPAGES_ORACLE_EDITS
// run others (say, 500 edits before a release). A failure names the seed and every edit.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <regex>

#include "test_support.h"

using namespace techpages::testing;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

unsigned long env_number(const char* name, unsigned long fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::stoul(value) : fallback;
}

class Editor {
public:
    Editor(fs::path content, unsigned long seed) : content_(std::move(content)), random_(seed) {}

    // Makes one edit a contributor or a comms team might make, and says what it was.
    std::string edit() {
        std::vector<fs::path> files = content_files();
        const fs::path& file = files[pick(files.size())];
        std::string rel = fs::relative(file, content_).generic_string();
        switch (pick(6)) {
            case 0: return append_sentence(file, rel);
            case 1: return change_quoted_value(file, rel);
            case 2: return change_status(rel);
            case 3: return copy_as_new(rel);
            case 4: return remove_item(rel);
            default: return swap_words(file, rel);
        }
    }

private:
    size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }

    std::vector<fs::path> content_files() const {
        std::vector<fs::path> out;
        for (const auto& rel : files_under(content_)) {
            fs::path ext = fs::path(rel).extension();
            if (ext == ".md" || ext == ".toml") out.push_back(content_ / rel);
        }
        return out;
    }

    std::vector<fs::path> items_named(const std::string& folder) const {
        std::vector<fs::path> out;
        for (const auto& f : content_files())
            if (f.generic_string().find("/" + folder + "/") != std::string::npos) out.push_back(f);
        return out;
    }

    std::string append_sentence(const fs::path& file, const std::string& rel) {
        if (file.extension() != ".md") return change_quoted_value(file, rel);
        write_text(file, read_text(file) + "\nA sentence added by edit " + std::to_string(++count_) + ".\n");
        return "added a sentence to " + rel;
    }

    // A word inside one "quoted value" gets a prefix: a name, a title, a summary, a reference…
    std::string change_quoted_value(const fs::path& file, const std::string& rel) {
        std::string text = read_text(file);
        std::vector<size_t> quotes;
        static const std::regex value(R"(= "[A-Za-z])");
        for (auto it = std::sregex_iterator(text.begin(), text.end(), value); it != std::sregex_iterator(); ++it)
            quotes.push_back(static_cast<size_t>(it->position()) + 3);
        if (quotes.empty()) return append_sentence(file, rel);
        size_t at = quotes[pick(quotes.size())];
        text.insert(at, "Ed" + std::to_string(++count_));
        write_text(file, text);
        return "changed a value at byte " + std::to_string(at) + " of " + rel;
    }

    // A lead's yearly review: one action's RAG status changes.
    std::string change_status(const std::string& fallback) {
        std::vector<fs::path> plans = items_named("plans");
        if (plans.empty()) return "nothing (" + fallback + ")";
        const fs::path& plan = plans[pick(plans.size())];
        std::string text = read_text(plan);
        static const std::regex rag(R"re(rag = "(green|amber|red)")re");
        std::vector<std::smatch> found;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), rag); it != std::sregex_iterator(); ++it) found.push_back(*it);
        if (found.empty()) return "nothing (no RAG in " + plan.filename().string() + ")";
        const std::smatch& m = found[pick(found.size())];
        const char* next = m[1] == "green" ? "amber" : m[1] == "amber" ? "red" : "green";
        text.replace(static_cast<size_t>(m.position()), static_cast<size_t>(m.length()), std::string("rag = \"") + next + "\"");
        write_text(plan, text);
        return "set a RAG status to " + std::string(next) + " in " + fs::relative(plan, content_).generic_string();
    }

    // A new profile, case study or story, copied from one there is, under another name.
    std::string copy_as_new(const std::string& fallback) {
        const char* folders[] = {"profiles", "case-studies", "career-stories"};
        std::vector<fs::path> items = items_named(folders[pick(3)]);
        if (items.empty()) return "nothing (" + fallback + ")";
        const fs::path& from = items[pick(items.size())];
        fs::path to = from.parent_path() / ("added-" + std::to_string(++count_) + ".md");
        std::string text = read_text(from);
        static const std::regex title(R"re((name|title) = ")re");
        text = std::regex_replace(text, title, "$1 = \"Added " + std::to_string(count_) + " ", std::regex_constants::format_first_only);
        write_text(to, text);
        return "added " + fs::relative(to, content_).generic_string() + " as a copy of " + from.filename().string();
    }

    std::string remove_item(const std::string& fallback) {
        const char* folders[] = {"profiles", "case-studies", "career-stories"};
        std::vector<fs::path> items = items_named(folders[pick(3)]);
        if (items.size() < 2) return "nothing (" + fallback + ")";
        const fs::path& gone = items[pick(items.size())];
        fs::remove(gone);
        return "removed " + fs::relative(gone, content_).generic_string();
    }

    // Two lines of the body change places (order of paragraphs, list items).
    std::string swap_words(const fs::path& file, const std::string& rel) {
        std::string text = read_text(file);
        size_t end = text.rfind("+++");
        size_t body = end == std::string::npos ? 0 : end + 3;
        size_t a = text.find('\n', body + pick(std::max<size_t>(1, text.size() - body)));
        if (a == std::string::npos || a + 1 >= text.size()) return append_sentence(file, rel);
        size_t a_end = text.find('\n', a + 1);
        if (a_end == std::string::npos) return append_sentence(file, rel);
        std::string line = text.substr(a + 1, a_end - a - 1);
        text.erase(a + 1, a_end - a);
        text.insert(body, "\n" + line);
        write_text(file, text);
        return "moved a line of " + rel + " to the top of its body";
    }

    fs::path content_;
    std::mt19937_64 random_;
    int count_ = 0;
};

TEST(IncrementalOracle, RandomSingleFileEditsBuildAsACleanBuildDoes) {
    unsigned long seed = env_number("TECHPAGES_ORACLE_SEED", 20261202);
    unsigned long edits = env_number("TECHPAGES_ORACLE_EDITS", 14);
    TempDir dir;
    fs::path content = dir.path() / "content";
    copy_tree(source_dir / "content", content);
    // Plans of other shapes than the sample's: a RAG report and a 24-month plan, imported
    // from two institutions' own spreadsheets (tests/import/seeds).
    for (const auto& [seed, institution] : {std::pair{"lancaster-rag-report", "lancaster"}, {"lmb-24-month-plan", "lmb"}}) {
        RunResult imported = run(binary + " import-plan " + quote(fs::path(TECHPAGES_TEST_DIR) / "import/seeds" / (std::string(seed) + ".tsv")) +
                                 " --institution " + institution + " --content " + quote(content) + " --plan " + seed);
        ASSERT_EQ(imported.status, 0) << imported.output;
    }
    auto build = [&](const std::string& out, const std::string& extra) {
        return run(binary + " build --content " + quote(content) + " --out " + quote(dir.path() / out) + " " + extra);
    };
    RunResult first = build("site", "--threads 2");
    ASSERT_EQ(first.status, 0) << first.output;

    Editor editor(content, seed);
    std::string history = "seed " + std::to_string(seed) + ":\n";
    size_t kept_any = 0;
    for (unsigned long e = 0; e < edits; ++e) {
        fs::remove_all(dir.path() / "before");
        copy_tree(content, dir.path() / "before");
        history += "  " + editor.edit() + "\n";
        RunResult incremental = build("site", "--threads 2");
        RunResult clean = build("clean", "--clean --threads 1");
        ASSERT_EQ(incremental.status, clean.status) << history << incremental.output << clean.output;
        if (clean.status != 0) {  // broken content: both refuse it; the edit is undone (and built next time)
            history += "    (refused, undone)\n";
            fs::remove_all(content);
            copy_tree(dir.path() / "before", content);
            continue;
        }
        std::smatch m;
        static const std::regex line(R"(Rendered (\d+) of (\d+) pages)");
        ASSERT_TRUE(std::regex_search(clean.output, m, line)) << clean.output;
        ASSERT_EQ(m[1], m[2]) << "--clean renders every page: " << clean.output;
        ASSERT_GT(std::stoul(m[2]), 50u) << clean.output;
        ASSERT_TRUE(std::regex_search(incremental.output, m, line)) << incremental.output;
        kept_any += m[1] != m[2];
        SCOPED_TRACE(history);
        expect_same_tree(dir.path() / "site", dir.path() / "clean");
        if (HasFailure()) return;
    }
    EXPECT_GT(kept_any, 0u) << "the cache kept pages after at least one edit\n" << history;
}

}  // namespace
