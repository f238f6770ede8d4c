// Every problem found in a run, collected so all of them are reported at once.
#pragma once

#include <mutex>
#include <string>
#include <vector>

namespace techpages {

enum class Severity { error, warning };

// A place in a file as the contributor sees it: 1-based line and column.
struct SourcePos {
    int line = 0;
    int column = 0;
};

struct Diagnostic {
    std::string path;  // relative to the content folder
    SourcePos pos;
    Severity severity = Severity::error;
    std::string message;  // what is wrong
    std::string hint;     // what to write instead (may be empty)
};

// "path:line:column: error: message — hint". A problem with the file as a whole is
// reported at 1:1, so every line has the same shape.
std::string format_diagnostic(const Diagnostic& d);
// A GitHub Actions workflow command, shown on the pull request's diff:
// "::error file=content/x.md,line=3,col=5::message — hint". `path_prefix` turns the
// content-relative path into a repository path ("content/").
std::string format_github_annotation(const Diagnostic& d, const std::string& path_prefix);
// One JSON object: {"file":…,"line":…,"column":…,"severity":…,"message":…,"hint":…}.
std::string format_json_record(const Diagnostic& d);

// Thread-safe: loaders running in parallel report into one collection.
class Diagnostics {
public:
    void error(const std::string& path, SourcePos pos, std::string message, std::string hint = {});
    void warning(const std::string& path, SourcePos pos, std::string message, std::string hint = {});
    void add(Diagnostic d);

    bool has_errors() const;
    size_t error_count() const;
    size_t warning_count() const;
    // Sorted by file, line, column, then message, so the output is the same on every run.
    std::vector<Diagnostic> sorted() const;

private:
    mutable std::mutex mutex_;
    std::vector<Diagnostic> items_;
};

}  // namespace techpages
