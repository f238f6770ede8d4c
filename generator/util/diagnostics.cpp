#include "util/diagnostics.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "util/json.h"

namespace techpages {

namespace {

int line_of(const Diagnostic& d) { return d.pos.line > 0 ? d.pos.line : 1; }
int column_of(const Diagnostic& d) { return d.pos.line > 0 && d.pos.column > 0 ? d.pos.column : 1; }

// GitHub's escaping for workflow commands: data escapes %, CR, LF; properties also : and ,.
std::string escape_data(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string escape_property(const std::string& s) {
    std::string out;
    for (char c : escape_data(s)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

}  // namespace

std::string format_github_annotation(const Diagnostic& d, const std::string& path_prefix) {
    std::string message = d.message;
    if (!d.hint.empty()) message += " \u2014 " + d.hint;
    return std::string(d.severity == Severity::error ? "::error" : "::warning") + " file=" +
           escape_property(std::filesystem::path(path_prefix + d.path).lexically_normal().generic_string()) + ",line=" + std::to_string(line_of(d)) +
           ",col=" + std::to_string(column_of(d)) + "::" + escape_data(message);
}

std::string format_json_record(const Diagnostic& d) {
    return "{\"file\":" + json_string(d.path) + ",\"line\":" + std::to_string(line_of(d)) +
           ",\"column\":" + std::to_string(column_of(d)) + ",\"severity\":\"" +
           (d.severity == Severity::error ? "error" : "warning") + "\",\"message\":" + json_string(d.message) +
           ",\"hint\":" + json_string(d.hint) + "}";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.path;
    out += ':' + std::to_string(line_of(d));
    out += ':' + std::to_string(column_of(d));
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    if (!d.hint.empty()) out += " \u2014 " + d.hint;
    return out;
}

void Diagnostics::error(const std::string& path, SourcePos pos, std::string message, std::string hint) {
    add({path, pos, Severity::error, std::move(message), std::move(hint)});
}

void Diagnostics::warning(const std::string& path, SourcePos pos, std::string message, std::string hint) {
    add({path, pos, Severity::warning, std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
    std::lock_guard lock(mutex_);
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::error; });
}

size_t Diagnostics::warning_count() const {
    std::lock_guard lock(mutex_);
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> copy;
    {
        std::lock_guard lock(mutex_);
        copy = items_;
    }
    std::stable_sort(copy.begin(), copy.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.path, a.pos.line, a.pos.column, a.message) <
               std::tie(b.path, b.pos.line, b.pos.column, b.message);
    });
    return copy;
}

}  // namespace techpages
