// Helpers shared by the test binaries: temporary folders, files, running the binary.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace techpages::testing {

namespace fs = std::filesystem;

// A fresh folder removed when the test ends.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() /
                ("techpages-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& rel) const { return path_ / rel; }

private:
    fs::path path_;
};

inline void write_text(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct RunResult {
    int status = -1;
    std::string output;  // stdout and stderr together
};

// Runs a shell command, capturing its output and exit status.
inline RunResult run(const std::string& command) {
    RunResult r;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
    int status = ::pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

inline std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

// Copies a folder tree (for building a modified copy of the sample content).
inline void copy_tree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

inline size_t count_of(const std::string& haystack, const std::string& needle) {
    size_t count = 0;
    for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + needle.size()))
        ++count;
    return count;
}

// A text a matcher looks into that may be long: a built page, a whole build's output.
// EXPECT_THAT(long_text(page), HasSubstr("<h1>")) reports a failure with the text's length
// and its first 2,000 bytes, as they are, rather than megabytes of escaped text.
struct LongText {
    std::string text;
    operator std::string_view() const { return text; }
};

inline LongText long_text(std::string text) { return {std::move(text)}; }

inline void PrintTo(const LongText& t, std::ostream* os) {
    constexpr size_t shown = 2000;
    size_t end = std::min(t.text.size(), shown);
    while (end > 0 && end < t.text.size() && (static_cast<unsigned char>(t.text[end]) & 0xC0) == 0x80)
        --end;  // not halfway through a UTF-8 character
    *os << t.text.size() << " bytes" << (end < t.text.size() ? ", the first " + std::to_string(end) : "") << ":\n"
        << std::string_view(t.text).substr(0, end);
    if (end < t.text.size()) *os << "\n[... " << t.text.size() - end << " more bytes]";
}

// Every file under `root`, relative to it, sorted.
inline std::vector<std::string> files_under(const fs::path& root) {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files.push_back(fs::relative(e.path(), root).generic_string());
    std::sort(files.begin(), files.end());
    return files;
}

// The same files with the same bytes (a build with the cache and a clean one, say).
inline void expect_same_tree(const fs::path& a, const fs::path& b) {
    auto files_a = files_under(a), files_b = files_under(b);
    ASSERT_EQ(files_a, files_b) << a << " and " << b << " hold different files";
    size_t differing = 0;
    for (const auto& rel : files_a)
        if (read_text(a / rel) != read_text(b / rel) && ++differing <= 5) ADD_FAILURE() << rel << " differs from a clean build";
    EXPECT_EQ(differing, 0u);
}

}  // namespace techpages::testing
