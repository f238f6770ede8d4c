#include "model/field_reader.h"

#include <algorithm>
#include <tuple>

#include "load/limits.h"
#include "load/toml_reader.h"
#include "util/text.h"

namespace techpages {

namespace {

std::string type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "text";
        case toml::node_type::integer: return "a whole number";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "true/false";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date and time";
        case toml::node_type::array: return "a list";
        case toml::node_type::table: return "a table";
        default: return "nothing";
    }
}

}  // namespace

bool is_real_date(int year, int month, int day) {
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int limit = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= limit;
}

FieldReader::FieldReader(const toml::table& table, std::string path, int first_line, Diagnostics& diagnostics,
                         SourcePos where)
    : table_(table), path_(std::move(path)), first_line_(first_line), diagnostics_(diagnostics), where_(where) {}

const toml::node* FieldReader::get(std::string_view key) {
    known_.insert(std::string(key));
    return table_.get(key);
}

bool FieldReader::has(std::string_view key) const { return table_.contains(key); }

SourcePos FieldReader::position(std::string_view key) const {
    const toml::node* node = table_.get(key);
    if (!node) return where_;
    SourcePos pos = node_position(*node, first_line_);
    return pos.line > 0 ? pos : where_;
}

void FieldReader::error(std::string_view key, std::string message, std::string hint) {
    diagnostics_.error(path_, position(key), std::move(message), std::move(hint));
}

void FieldReader::error_at(SourcePos pos, std::string message, std::string hint) {
    diagnostics_.error(path_, pos.line > 0 ? pos : where_, std::move(message), std::move(hint));
}

std::string FieldReader::string_value(const toml::node& node, std::string_view key) {
    std::string value = trim(node.as_string()->get());
    uint32_t cp = 0;
    if (find_forbidden_char(value, &cp) == std::string::npos) return value;
    error_at(node_position(node, first_line_),
             "the " + std::string(key) + " contains an invisible control character (" + code_point_name(cp) + ")",
             "delete it; it often comes from copying from another program");
    return trim(drop_forbidden_chars(value));
}

void FieldReader::warning(std::string_view key, std::string message, std::string hint) {
    diagnostics_.warning(path_, position(key), std::move(message), std::move(hint));
}

void FieldReader::wrong_type(std::string_view key, const toml::node& node, std::string_view expected,
                             std::string_view example) {
    error(key, "'" + std::string(key) + "' should be " + std::string(expected) + ", not " + type_name(node),
          "write it like " + std::string(example));
}

std::string FieldReader::text(std::string_view key, bool required) {
    const toml::node* node = get(key);
    if (!node) {
        if (required)
            diagnostics_.error(path_, where_, "the required field '" + std::string(key) + "' is missing",
                               "add a line: " + std::string(key) + " = \"...\"");
        return {};
    }
    if (node->is_string()) {
        std::string value = string_value(*node, key);
        if (value.empty() && required)
            error(key, "the required field '" + std::string(key) + "' is empty", "write its text between the quotes");
        return value;
    }
    wrong_type(key, *node, "text in double quotes", std::string(key) + " = \"...\"");
    return {};
}

std::vector<std::string> FieldReader::text_list(std::string_view key) {
    std::vector<std::string> out;
    for (auto& [text, pos] : located_text_list(key)) out.push_back(std::move(text));
    return out;
}

std::vector<std::pair<std::string, SourcePos>> FieldReader::located_text_list(std::string_view key) {
    std::vector<std::pair<std::string, SourcePos>> out;
    const toml::node* node = get(key);
    if (!node) return out;
    if (node->is_string()) {
        if (std::string value = string_value(*node, key); !value.empty()) out.push_back({value, position(key)});
        return out;
    }
    const auto* array = node->as_array();
    if (!array) {
        wrong_type(key, *node, "a list of texts", std::string(key) + " = [\"first\", \"second\"]");
        return out;
    }
    if (array->size() > limits::list_items) {
        error(key, "'" + std::string(key) + "' has " + std::to_string(array->size()) + " entries, more than the " +
                       std::to_string(limits::list_items) + " a page can show",
              "keep the most important ones");
        return out;
    }
    for (const auto& item : *array) {
        SourcePos pos = node_position(item, first_line_);
        if (item.is_string()) {
            std::string value = string_value(item, key);
            if (!value.empty()) out.push_back({value, pos.line > 0 ? pos : position(key)});
        } else {
            diagnostics_.error(path_, pos,
                               "every item of '" + std::string(key) + "' should be text in double quotes, not " +
                                   type_name(item),
                               "write it like " + std::string(key) + " = [\"first\", \"second\"]");
        }
    }
    return out;
}

bool FieldReader::flag(std::string_view key, bool fallback) {
    const toml::node* node = get(key);
    if (!node) return fallback;
    if (const auto* b = node->as_boolean()) return b->get();
    wrong_type(key, *node, "true or false (without quotes)", std::string(key) + " = true");
    return fallback;
}

std::string FieldReader::flag_or_word(std::string_view key, const std::string& word_for_true) {
    const toml::node* node = get(key);
    if (!node) return {};
    if (const auto* b = node->as_boolean()) return b->get() ? word_for_true : std::string();
    if (node->is_string()) return string_value(*node, key);
    wrong_type(key, *node, "true, false or a word in quotes", std::string(key) + " = true");
    return {};
}

std::optional<int64_t> FieldReader::integer(std::string_view key) {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (const auto* i = node->as_integer()) return i->get();
    wrong_type(key, *node, "a whole number (without quotes)", std::string(key) + " = 2018");
    return std::nullopt;
}

std::optional<Date> FieldReader::date(std::string_view key, bool required) {
    const toml::node* node = get(key);
    const std::string example = std::string(key) + " = 2024-05-01";
    if (!node) {
        if (required)
            diagnostics_.error(path_, where_, "the required field '" + std::string(key) + "' is missing",
                               "add a line: " + example);
        return std::nullopt;
    }
    Date d;
    if (const auto* v = node->as_date()) {
        d = {v->get().year, v->get().month, v->get().day};
    } else if (const auto* s = node->as_string()) {
        const std::string& t = s->get();
        if (t.size() != 10 || t[4] != '-' || t[7] != '-' ||
            std::sscanf(t.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3) {
            error(key, "'" + std::string(key) + "' is not a date in the form YYYY-MM-DD", "write it like " + example);
            return std::nullopt;
        }
    } else if (const auto* dt = node->as_date_time()) {
        d = {dt->get().date.year, dt->get().date.month, dt->get().date.day};
    } else {
        wrong_type(key, *node, "a date", example);
        return std::nullopt;
    }
    if (!is_real_date(d.year, d.month, d.day)) {
        error(key, "'" + std::string(key) + "' is " + d.iso() + ", a day that does not exist",
              "check the month and day; write it like " + example);
        return std::nullopt;
    }
    return d;
}

std::vector<FieldReader> FieldReader::tables(std::string_view key) {
    std::vector<FieldReader> out;
    const toml::node* node = get(key);
    if (!node) return out;
    const std::string example = "[[" + std::string(key) + "]] followed by its fields on the next lines";
    if (const auto* array = node->as_array()) {
        for (const auto& item : *array) {
            if (const auto* t = item.as_table()) {
                SourcePos pos = node_position(item, first_line_);
                out.emplace_back(*t, path_, first_line_, diagnostics_, pos.line > 0 ? pos : position(key));
            } else {
                diagnostics_.error(path_, node_position(item, first_line_),
                                   "every entry of '" + std::string(key) + "' should be a table of fields",
                                   "write each entry as " + example);
            }
        }
        return out;
    }
    wrong_type(key, *node, "a list of tables", example);
    return out;
}

std::optional<FieldReader> FieldReader::table(std::string_view key) {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (const auto* t = node->as_table()) {
        SourcePos pos = node_position(*node, first_line_);
        return FieldReader(*t, path_, first_line_, diagnostics_, pos.line > 0 ? pos : where_);
    }
    wrong_type(key, *node, "a table", "[" + std::string(key) + "] on a line of its own, then its fields");
    return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> FieldReader::text_table(std::string_view key) {
    std::vector<std::pair<std::string, std::string>> out;
    auto t = table(key);
    if (!t) return out;
    // toml++ keeps keys sorted; order them by where they stand in the file instead.
    std::vector<std::pair<SourcePos, std::string>> keys;
    for (const auto& [k, v] : t->table_) keys.push_back({node_position(v, first_line_), std::string(k.str())});
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first.line, a.first.column, a.second) < std::tie(b.first.line, b.first.column, b.second);
    });
    for (const auto& [pos, k] : keys) {
        uint32_t cp = 0;
        if (find_forbidden_char(k, &cp) != std::string::npos) {
            t->known_.insert(k);
            error_at(pos, "the name '" + drop_forbidden_chars(k) + "' in [" + std::string(key) +
                              "] contains an invisible control character (" + code_point_name(cp) + ")",
                     "delete it; it often comes from copying from another program");
            continue;
        }
        out.push_back({k, t->text(k)});
    }
    return out;
}

void FieldReader::report_unknown_fields(std::string_view what) {
    std::vector<std::string> known(known_.begin(), known_.end());
    for (const auto& [key, value] : table_) {
        std::string name(key.str());
        if (known_.count(name)) continue;
        std::string suggestion = closest_match(name, known);
        SourcePos pos = node_position(value, first_line_);
        if (pos.line == 0) pos = where_;
        diagnostics_.warning(path_, pos, "'" + name + "' is not a field of " + std::string(what),
                             suggestion.empty() ? "remove it, or check the field names in docs/content-model.md"
                                                : "did you mean '" + suggestion + "'?");
    }
}

}  // namespace techpages
