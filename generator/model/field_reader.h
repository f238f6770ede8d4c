// Reads typed fields out of a TOML table, reporting every wrong, missing or
// unknown field at its line and column in words a non-programmer understands.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "model/site_model.h"
#include "util/diagnostics.h"

namespace techpages {

class FieldReader {
public:
    // `first_line`: the file line the TOML text starts on. `where`: the place to point at
    // for a field that is missing altogether (the table's own start).
    FieldReader(const toml::table& table, std::string path, int first_line, Diagnostics& diagnostics,
                SourcePos where);

    std::string text(std::string_view key, bool required = false);
    // A list of texts; a single text is accepted as a list of one.
    std::vector<std::string> text_list(std::string_view key);
    // The same, with where each text stands (for a check of one item at its line).
    std::vector<std::pair<std::string, SourcePos>> located_text_list(std::string_view key);
    bool flag(std::string_view key, bool fallback);
    std::optional<int64_t> integer(std::string_view key);
    // A TOML date (2024-05-01) or a text in that form; checks the day exists.
    std::optional<Date> date(std::string_view key, bool required = false);
    // [[key]] entries, each with its own reader.
    std::vector<FieldReader> tables(std::string_view key);
    std::optional<FieldReader> table(std::string_view key);
    // Every key of a [key] table with a text value, in file order; for free-form columns.
    std::vector<std::pair<std::string, std::string>> text_table(std::string_view key);
    // A value that is either true/false or a word ("high"); "" when absent or false.
    std::string flag_or_word(std::string_view key, const std::string& word_for_true);

    SourcePos position(std::string_view key) const;
    SourcePos where() const { return where_; }
    const std::string& path() const { return path_; }
    bool has(std::string_view key) const;
    void error(std::string_view key, std::string message, std::string hint = {});
    void error_at(SourcePos pos, std::string message, std::string hint = {});
    void warning(std::string_view key, std::string message, std::string hint = {});

    // Warns about every field that no read call asked for, with a "did you mean" when
    // one of the known names is close. `what` names the kind of file ("a profile").
    void report_unknown_fields(std::string_view what);

private:
    const toml::node* get(std::string_view key);
    // The trimmed text of a string node; a character no page may hold is reported at the
    // node and left out.
    std::string string_value(const toml::node& node, std::string_view key);
    void wrong_type(std::string_view key, const toml::node& node, std::string_view expected,
                    std::string_view example);

    const toml::table& table_;
    std::string path_;
    int first_line_;
    Diagnostics& diagnostics_;
    SourcePos where_;
    std::set<std::string, std::less<>> known_;
};

// A date that exists in the calendar (no 30 February).
bool is_real_date(int year, int month, int day);

}  // namespace techpages
