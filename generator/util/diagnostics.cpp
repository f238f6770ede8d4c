#include "util/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace techpages {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.path;
    if (d.pos.line > 0) {
        out += ':' + std::to_string(d.pos.line);
        out += ':' + std::to_string(d.pos.column > 0 ? d.pos.column : 1);
    }
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
