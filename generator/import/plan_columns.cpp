#include "import/plan_columns.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>

#include "import/cell_values.h"
#include "model/plan_fields.h"
#include "util/text.h"

namespace techpages {

namespace {

// Headings real plans use, normalised, and the field each names: the table's, and the
// importer's own "area", a column it reads as the plan's grouping or as themes.
const std::map<std::string, std::string>& heading_names() {
    static const std::map<std::string, std::string> names = [] {
        std::map<std::string, std::string> m;
        for (const auto& field : action_fields())
            for (auto h : field.headings) m[std::string(h)] = field.name;
        for (const char* h : {"area", "areas", "workstream", "workstreams", "work stream", "category", "categories",
                              "theme", "themes", "pillar", "pillars", "key area", "key areas",
                              "technician commitment key area", "technician commitment key areas",
                              "technician commitment theme", "technician commitment themes", "commitment theme",
                              "commitment themes"})
            m[h] = "area";
        return m;
    }();
    return names;
}

bool is_header_field(const std::string& f) { return f == "ref" || f == "action"; }

struct HeadingMatch {
    std::vector<std::string> fields;  // per cell
    int matched = 0;
    bool has_key = false;
};

HeadingMatch match_row(const CsvRow& row, const std::vector<ColumnOverride>& overrides) {
    HeadingMatch m;
    for (const auto& cell : row.cells) {
        std::string n = normalise_heading(cell);
        std::string f = field_for_heading(cell);
        for (const auto& o : overrides)
            if (!n.empty() && normalise_heading(o.column) == n) f = o.field;
        if (cell == "#") f = "ref";
        if (!f.empty() && f != "extra") {
            ++m.matched;
            if (is_header_field(f)) m.has_key = true;
        } else if (!f.empty()) {
            ++m.matched;
        }
        m.fields.push_back(f);
    }
    return m;
}

std::string signature(const CsvRow& row) {
    std::vector<std::string> parts;
    for (const auto& c : row.cells) parts.push_back(normalise_heading(c));
    while (!parts.empty() && parts.back().empty()) parts.pop_back();
    return join(parts, "|");
}

std::string cell_at(const CsvRow& row, size_t column) {
    return column < row.cells.size() ? trim(row.cells[column]) : std::string();
}

std::string column_name(size_t column) { return "column " + std::to_string(column + 1); }

std::string examples(const std::vector<std::string>& values) {
    std::vector<std::string> first;
    for (const auto& v : values) {
        if (std::find(first.begin(), first.end(), v) == first.end()) first.push_back(v);
        if (first.size() == 3) break;
    }
    return join(first, ", ") + (values.size() > first.size() ? " …" : "");
}

}  // namespace

std::string normalise_heading(std::string_view heading) {
    std::string h = to_lower(trim(heading));
    for (size_t p; (p = h.find("(s)")) != std::string::npos;) h.replace(p, 3, "s");
    std::string out;
    bool space = false;
    for (char c : h) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            if (space && !out.empty()) out += ' ';
            space = false;
            out += c;
        } else {
            space = true;
        }
    }
    return out;
}

std::string field_for_heading(std::string_view heading) {
    std::string n = normalise_heading(heading);
    if (n.empty()) return "";
    const auto& names = heading_names();
    if (auto it = names.find(n); it != names.end()) return it->second;
    return "";
}

std::optional<ColumnOverride> parse_column_override(std::string_view text, std::string& error) {
    size_t eq = text.rfind('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size()) {
        error = "--map takes COLUMN=FIELD, e.g. --map \"Lead Person(s)=owners\" or --map 3=details";
        return std::nullopt;
    }
    ColumnOverride o{trim(text.substr(0, eq)), to_lower(trim(text.substr(eq + 1)))};
    for (const auto& field : action_fields())
        for (auto name : field.other_names)
            if (o.field == name) o.field = field.name;
    const auto& fields = column_field_names();
    if (std::find(fields.begin(), fields.end(), o.field) == fields.end()) {
        std::string suggestion = closest_match(o.field, fields);
        error = "--map: '" + o.field + "' is not a field of an action plan — " +
                (suggestion.empty() ? "use one of " + join_alternatives(fields) : "did you mean '" + suggestion + "'?");
        return std::nullopt;
    }
    return o;
}

size_t ColumnPlan::column_of(const std::string& field) const {
    for (size_t i = 0; i < fields.size(); ++i)
        if (fields[i] == field) return i;
    return std::string::npos;
}

std::string ColumnPlan::extra_key(size_t column) const {
    std::string h = column < headings.size() ? trim(headings[column]) : "";
    for (auto& c : h)
        if (c == '\n') c = ' ';
    return h.empty() ? "Column " + std::to_string(column + 1) : h;
}

std::optional<ColumnPlan> plan_columns(const CsvTable& table, const std::vector<ColumnOverride>& overrides,
                                       ColumnProblem& problem) {
    ColumnPlan plan;
    const auto& rows = table.rows;

    // 1. The header: rows naming at least two fields, one of them the ref or the action.
    for (size_t i = 0; i < rows.size(); ++i) {
        HeadingMatch m = match_row(rows[i], overrides);
        if (m.matched >= 2 && m.has_key) plan.header_rows.push_back(i);
    }
    if (plan.header_rows.empty()) {
        size_t first = 0;
        while (first < rows.size() && rows[first].blank()) ++first;
        problem.pos = first < rows.size() ? SourcePos{rows[first].line, 1} : SourcePos{1, 1};
        problem.message = "no header row naming the table's columns was found";
        problem.hint = "the table needs a row of column names such as Ref, Action, Timescale, Lead above its first "
                       "action, or name the columns with --map COLUMN=FIELD";
        return std::nullopt;
    }
    plan.header_row = plan.header_rows.front();
    // Page breaks repeat the header; where the copies differ (a heading slipped into the
    // next cell by the extraction) the layout most of them share wins.
    std::map<std::string, std::pair<int, size_t>> layouts;  // signature → count, first row
    for (size_t r : plan.header_rows) {
        auto [it, fresh] = layouts.emplace(signature(rows[r]), std::make_pair(0, r));
        ++it->second.first;
    }
    size_t layout_row = plan.header_row;
    int best = 0;
    for (const auto& [sig, info] : layouts)
        if (info.first > best || (info.first == best && info.second < layout_row)) {
            best = info.first;
            layout_row = info.second;
        }
    if (layouts.size() > 1)
        plan.notes.push_back("the header is repeated with different layouts; used the one on row " +
                             std::to_string(rows[layout_row].line) + ", shared by " + std::to_string(best) + " of " +
                             std::to_string(plan.header_rows.size()) + " header rows");

    std::set<size_t> header_set(plan.header_rows.begin(), plan.header_rows.end());
    std::vector<size_t> data;  // rows below the first header that are not headers
    size_t width = rows[layout_row].cells.size();
    for (size_t i = plan.header_row + 1; i < rows.size(); ++i)
        if (!header_set.count(i) && !rows[i].blank()) data.push_back(i);
    size_t data_width = 0;
    for (size_t r : data) {
        size_t w = rows[r].cells.size();
        while (w > 0 && trim(rows[r].cells[w - 1]).empty()) --w;
        data_width = std::max(data_width, w);
    }
    size_t header_width = rows[layout_row].cells.size();
    while (header_width > 0 && trim(rows[layout_row].cells[header_width - 1]).empty()) --header_width;
    width = std::max(width, data_width);

    HeadingMatch m = match_row(rows[layout_row], overrides);
    plan.headings = rows[layout_row].cells;
    plan.headings.resize(width);
    plan.fields = m.fields;
    plan.fields.resize(width);
    for (auto& h : plan.headings) h = trim(h);
    std::vector<bool> fixed(width, false);

    // "Action" and "Activity" side by side: the activity is the broader aim it serves.
    size_t action_col = std::string::npos;
    for (size_t c = 0; c < width; ++c)
        if (plan.fields[c] == "action" && normalise_heading(plan.headings[c]) != "activity") action_col = c;
    if (action_col != std::string::npos)
        for (size_t c = 0; c < width; ++c)
            if (c != action_col && normalise_heading(plan.headings[c]) == "activity") plan.fields[c] = "activity";

    // 2. --map overrides.
    for (const auto& o : overrides) {
        size_t column = std::string::npos;
        std::string n = normalise_heading(o.column);
        for (size_t c = 0; c < width && column == std::string::npos; ++c)
            if (!n.empty() && normalise_heading(plan.headings[c]) == n) column = c;
        std::string digits = n.rfind("column ", 0) == 0 ? n.substr(7) : n;
        if (column == std::string::npos && !digits.empty() &&
            std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            size_t k = std::stoul(digits);
            if (k >= 1 && k <= width) column = k - 1;
        }
        if (column == std::string::npos) {
            std::vector<std::string> names;
            for (const auto& h : plan.headings)
                if (!h.empty()) names.push_back(h);
            std::string suggestion = closest_match(o.column, names);
            problem.pos = {rows[layout_row].line, 1};
            problem.message = "--map names the column '" + o.column + "', which the header row does not have";
            problem.hint = suggestion.empty() ? "write one of " + join_alternatives(names) + ", or a column number from 1 to " +
                                                    std::to_string(width)
                                              : "did you mean '" + suggestion + "'?";
            return std::nullopt;
        }
        plan.fields[column] = o.field;
        fixed[column] = true;
        plan.notes.push_back(column_name(column) + (plan.headings[column].empty() ? "" : " '" + plan.headings[column] + "'") +
                             " read as " + o.field + " (--map)");
    }

    // A field claimed by two columns: the second is kept as extra.
    {
        std::set<std::string> seen;
        for (size_t c = 0; c < width; ++c) {
            const std::string& f = plan.fields[c];
            if (f.empty() || f == "extra" || f == "area") continue;
            if (!seen.insert(f).second) {
                plan.notes.push_back(column_name(c) + " '" + plan.headings[c] + "' names " + f +
                                     " again: kept as extra under its heading (use --map to choose)");
                plan.fields[c] = "extra";
            }
        }
    }

    auto values_of = [&](size_t column) {
        std::vector<std::string> values;
        for (size_t r : data)
            if (std::string v = cell_at(rows[r], column); !v.empty()) values.push_back(v);
        return values;
    };

    // 3. No ref heading: the column whose cells are refs (1, 2, 3 … or V1, V2 …).
    if (plan.column_of("ref") == std::string::npos) {
        for (size_t c = 0; c < width; ++c) {
            if (fixed[c]) continue;
            auto values = values_of(c);
            std::vector<std::string> refs;
            std::copy_if(values.begin(), values.end(), std::back_inserter(refs), [](const std::string& v) { return looks_like_ref(v); });
            if (values.size() < 2 || refs.size() * 10 < values.size() * 6) continue;
            if (plan.headings[c].empty() || plan.fields[c].empty() || plan.fields[c] == "extra") {
                plan.fields[c] = "ref";
                plan.notes.push_back(column_name(c) + (plan.headings[c].empty() ? " (no heading)" : " '" + plan.headings[c] + "'") +
                                     " holds refs (" + examples(refs) + "): read as the ref");
            } else if (data_width > header_width) {
                // The heading spans two columns (a merged cell): refs, then the text.
                std::string heading = plan.headings[c];
                plan.headings.insert(plan.headings.begin() + c, "");
                plan.fields.insert(plan.fields.begin() + c, "ref");
                fixed.insert(fixed.begin() + c, false);
                plan.headings.resize(width);
                plan.fields.resize(width);
                fixed.resize(width);
                plan.notes.push_back("the heading '" + heading + "' covers two columns: " + column_name(c) + " holds refs (" +
                                     examples(refs) + "), " + column_name(c + 1) + " the " + plan.fields[c + 1] +
                                     "; the headings after it move one column right");
            } else {
                continue;
            }
            break;
        }
    }
    if (plan.column_of("action") == std::string::npos) {
        problem.pos = {rows[layout_row].line, 1};
        problem.message = "the header row has no column of actions";
        problem.hint = "name the column of actions 'Action' or 'Activity', or use --map COLUMN=action";
        return std::nullopt;
    }
    if (plan.column_of("ref") == std::string::npos) {
        problem.pos = {rows[layout_row].line, 1};
        problem.message = "the header row has no ref column, and no column holds refs";
        problem.hint = "add a column 'Ref' numbering the actions (1, 2 … or V1, V2 …), or use --map COLUMN=ref";
        return std::nullopt;
    }

    // 4. Area/Theme columns, and unheaded columns of text: a column filled only where a
    // new grouping starts (merged cells) is the plan's grouping; one filled on every
    // action's row names each action's own themes.
    size_t ref_col = plan.column_of("ref");
    std::vector<size_t> action_rows;
    for (size_t r : data)
        if (!cell_at(rows[r], ref_col).empty()) action_rows.push_back(r);
    auto sparse = [&](size_t column) {
        size_t filled = 0;
        for (size_t r : action_rows)
            if (!cell_at(rows[r], column).empty()) ++filled;
        return filled > 0 && filled < action_rows.size();
    };
    std::vector<size_t> areas;
    for (size_t c = 0; c < width; ++c) {
        bool unheaded = plan.headings[c].empty() && plan.fields[c].empty() && !fixed[c];
        if (plan.fields[c] == "area" || (unheaded && sparse(c) && !values_of(c).empty())) areas.push_back(c);
    }
    bool has_group = plan.column_of("group") != std::string::npos;
    bool has_commitment_themes = plan.column_of("themes") != std::string::npos;
    size_t group_col = std::string::npos;
    if (!has_group) {
        for (size_t c : areas)
            if (sparse(c)) {
                group_col = c;
                break;
            }
        if (group_col == std::string::npos && areas.size() > 1) group_col = areas.front();
    }
    for (size_t c : areas) {
        bool unheaded = plan.headings[c].empty();
        bool group = c == group_col;
        if (!group && (has_commitment_themes || unheaded)) {
            plan.fields[c] = "extra";
            continue;
        }
        plan.fields[c] = group ? "group" : "themes";
        if (!group) has_commitment_themes = true;
        plan.notes.push_back(column_name(c) + (unheaded ? " (no heading)" : " '" + plan.headings[c] + "'") +
                             (group ? " is filled where a new grouping starts: read as the plan's grouping"
                                    : " is filled for each action: read as each action's Commitment themes"));
    }

    // 5. Whatever is left with text in it is kept, under its heading.
    for (size_t c = 0; c < width; ++c) {
        if (!plan.fields[c].empty()) continue;
        if (!values_of(c).empty() || !plan.headings[c].empty()) plan.fields[c] = "extra";
    }
    return plan;
}

}  // namespace techpages
