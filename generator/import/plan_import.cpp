#include "import/plan_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "import/cell_values.h"
#include "import/plan_preamble.h"
#include "model/plan_fields.h"
#include "model/vocabulary.h"
#include "util/text.h"

namespace techpages {

namespace {

constexpr size_t none = std::string::npos;

// The free-text field a column feeds ("details", …), or nullptr.
const std::string* text_field(const Action& a, const std::string& field) {
    const ActionField* f = find_action_field(field);
    return f && f->cells == CellReading::words && f->text ? &(a.*f->text) : nullptr;
}

std::string* text_field(Action& a, const std::string& field) {
    return const_cast<std::string*>(text_field(std::as_const(a), field));
}

// Text broken mid-sentence by the extraction continues on the same line; a new
// sentence or item starts a new line of the cell.
void append_text(std::string& to, const std::string& more) {
    if (to.empty()) {
        to = more;
        return;
    }
    std::string t = trim(to);
    static const std::string closers = ".!?:;)]\"'";
    bool sentence_end = !t.empty() && (closers.find(t.back()) != std::string::npos ||
                                       (t.size() >= 3 && (t.compare(t.size() - 3, 3, "\u201D") == 0 ||
                                                          t.compare(t.size() - 3, 3, "\u2019") == 0)));
    to += (sentence_end ? "\n" : " ") + more;
}

// One line of at most `limit` characters, for messages.
std::string shorten(std::string_view text, size_t limit = 70) {
    std::string flat;
    for (char c : text) flat += (c == '\n' || c == '\t') ? ' ' : c;
    flat = trim(flat);
    size_t chars = 0, i = 0;
    for (; i < flat.size(); ++i) {
        if ((static_cast<unsigned char>(flat[i]) & 0xC0) != 0x80) {
            if (chars == limit) break;
            ++chars;
        }
    }
    return i < flat.size() ? trim(flat.substr(0, i)) + "\u2026" : flat;
}

std::string ascii_slug(std::string_view text) {
    std::string s = slugify(text);
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }), s.end());
    s = slugify(s);
    if (s.size() > 48) {
        size_t cut = s.rfind('-', 48);
        s = s.substr(0, cut == std::string::npos || cut == 0 ? 48 : cut);
    }
    return s;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

class Importer {
public:
    Importer(const CsvTable& table, const ColumnPlan& columns) : table_(table), cols_(columns), plan_(out_.plan) {}

    ImportedPlan run(const std::string& fallback_title) {
        find_page_headings();
        read_top(fallback_title);
        read_rows();
        finish();
        return std::move(out_);
    }

private:
    const CsvTable& table_;
    const ColumnPlan& cols_;
    ImportedPlan out_;
    Plan& plan_;
    std::vector<std::string> page_headings_;
    std::map<std::string, std::vector<int>> page_heading_rows_;
    size_t group_ = none;  // the grouping the rows are in
    size_t last_ = none;   // the last action
    std::vector<bool> derived_;
    std::vector<size_t> derived_parent_;
    std::map<size_t, int> derived_count_;
    std::map<std::string, size_t> latest_by_ref_;
    std::set<std::string> ids_;
    std::map<std::string, int> ref_uses_;
    std::vector<std::string> refs_in_order_;
    std::vector<std::pair<int, std::string>> pending_unplaced_;  // rows above the first action
    std::vector<std::string> leading_refs_;
    std::vector<int> repeated_headers_;
    std::set<std::string> statuses_added_;

    size_t col(const std::string& field) const { return cols_.column_of(field); }
    bool has(const std::string& field) const { return col(field) != none; }

    static std::string cell(const CsvRow& row, size_t column) {
        return column < row.cells.size() ? trim(row.cells[column]) : std::string();
    }

    std::string row_name(const CsvRow& row) const { return "row " + std::to_string(row.line); }

    void note(const CsvRow& row, const std::string& text) { out_.report.notes.push_back(row_name(row) + ": " + text); }

    std::string ref_of(size_t i) const { return plan_.actions[i].ref; }

    // Rows with one cell that recur (the plan's name at the top of every page).
    void find_page_headings() {
        std::map<std::string, int> count;
        std::set<std::string> in_table;
        for (size_t r = 0; r < table_.rows.size(); ++r) {
            const CsvRow& row = table_.rows[r];
            if (row.filled() != 1) continue;
            for (const auto& c : row.cells)
                if (std::string t = trim(c); !t.empty()) {
                    ++count[t];
                    if (r > cols_.header_row) in_table.insert(t);
                }
        }
        for (const auto& [text, n] : count)
            if (n >= 2 && in_table.count(text) && text.size() <= 80 && text.find('\n') == std::string::npos &&
                !looks_like_ref(text))
                page_headings_.push_back(text);
    }

    bool is_page_heading(const CsvRow& row) const {
        if (row.filled() != 1) return false;
        for (const auto& c : row.cells)
            if (std::string t = trim(c); !t.empty())
                return std::find(page_headings_.begin(), page_headings_.end(), t) != page_headings_.end();
        return false;
    }

    void read_top(const std::string& fallback_title) {
        std::vector<CsvRow> above(table_.rows.begin(), table_.rows.begin() + cols_.header_row);
        Preamble p = read_preamble(above, page_headings_);
        plan_.title = p.title.empty() ? fallback_title : p.title;
        out_.report.title_from = p.title.empty() ? "the file name: no line above the table reads like a title"
                                                 : "row " + std::to_string(p.title_line);
        plan_.intro = p.intro;
        plan_.phases = p.phases;
        plan_.glossary = p.glossary;
        plan_.flags = p.flags;
        for (size_t c = 0; c < cols_.fields.size(); ++c) {
            const std::string& f = cols_.fields[c];
            const std::string& h = cols_.headings[c];
            if (f.empty()) continue;
            std::string shown = h.empty() ? "column " + std::to_string(c + 1) + " (no heading)" : quoted(h);
            if (f == "extra") {
                out_.report.unmapped.push_back(cols_.extra_key(c));
                continue;
            }
            out_.report.columns.push_back(shown + " \u2192 " + f);
            const ActionField* field = find_action_field(f);
            if (!h.empty() && field && !field->label.empty() && !plan_.labels.count(f))
                plan_.labels[f] = h;
        }
    }

    // ---------------------------------------------------------------- groups

    size_t find_or_add_group(const GroupingCell& g) {
        for (size_t i = 0; i < plan_.groups.size(); ++i)
            if (to_lower(plan_.groups[i].title) == to_lower(g.title)) {
                auto& group = plan_.groups[i];
                if (!g.aim.empty() && group.aim.find(g.aim) == std::string::npos)
                    group.aim = group.aim.empty() ? g.aim : group.aim + "\n\n" + g.aim;
                return i;
            }
        PlanGroup group;
        group.title = g.title;
        group.aim = g.aim;
        CommitmentThemeWords words = read_commitment_theme_words(g.title);
        if (!words.ids.empty() && !words.other_words) group.commitment_themes = words.ids;
        std::string base = group.commitment_themes.size() == 1 ? group.commitment_themes.front() : ascii_slug(g.title);
        if (base.empty()) base = "group";
        std::string id = base;
        for (int n = 2; plan_.find_group(id); ++n) id = base + "-" + std::to_string(n);
        group.id = id;
        plan_.groups.push_back(group);
        return plan_.groups.size() - 1;
    }

    // A cell of the grouping column. Text starting in lower case continues the cell above
    // ("… across the organisation" / "and that technical expertise is fully utilised").
    void grouping_cell(const CsvRow& row, const std::string& text) {
        if (group_ != none && !text.empty() && text[0] >= 'a' && text[0] <= 'z') {
            auto& g = plan_.groups[group_];
            append_text(g.aim.empty() ? g.title : g.aim, text);
            note(row, quoted(shorten(text, 40)) + " continues the grouping cell above: joined to " +
                          (g.aim.empty() ? "the title " : "the aim of ") + quoted(g.title));
            return;
        }
        group_ = find_or_add_group(read_grouping_cell(text));
    }

    // A row holding only a grouping's name: "Workstream: Visibility".
    bool section_row(const CsvRow& row) {
        if (row.filled() != 1) return false;
        size_t column = none;
        std::string text;
        for (size_t c = 0; c < row.cells.size(); ++c)
            if (std::string t = trim(row.cells[c]); !t.empty()) {
                column = c;
                text = t;
            }
        if (text.size() > 100 || text.find('\n') != std::string::npos || looks_like_ref(text)) return false;
        if (text[0] >= 'a' && text[0] <= 'z') return false;
        GroupingCell g = read_grouping_cell(text);
        bool labelled = g.aim.empty() && g.title != text;  // "Workstream: …"
        if (!(column == col("ref") || column == col("group") || labelled)) return false;
        group_ = find_or_add_group(g);
        note(row, quoted(text) + " heads the rows below it: read as the grouping " + quoted(plan_.groups[group_].title));
        return true;
    }

    // ---------------------------------------------------------------- cells

    static bool has_extra(const Action& a, const std::string& key) {
        return std::any_of(a.extra.begin(), a.extra.end(), [&](const auto& kv) { return kv.first == key; });
    }

    static void add_extra(Action& a, const std::string& key, const std::string& text, bool new_line = false) {
        for (auto& [k, v] : a.extra)
            if (k == key) {
                if (new_line) v += "\n" + text;
                else append_text(v, text);
                return;
            }
        a.extra.emplace_back(key, text);
    }

    bool can_append(const Action& a, size_t column) const {
        const std::string& f = cols_.fields[column];
        if (const auto* t = text_field(a, f)) return !t->empty();
        if (f == "owners") return !a.owners.empty();
        if (f == "group" || f == "aim") return group_ != none;
        if (f == "themes") return !a.own_commitment_themes.empty() || has_extra(a, cols_.extra_key(column));
        if (f == "talent") return !a.talent.empty() || has_extra(a, cols_.extra_key(column));
        if (f == "extra") return has_extra(a, cols_.extra_key(column));
        return false;  // status, priority: one value each
    }

    void put_status(Action& a, const CsvRow& row, size_t column, const std::string& text) {
        auto rag = rag_of_status(text);
        if (!rag) {
            add_extra(a, cols_.extra_key(column), text);
            note(row, "the status " + quoted(shorten(text, 40)) + " is not a RAG word: kept in extra " +
                          quoted(cols_.extra_key(column)) + "; add it to the plan's [[statuses]] with its colour");
            return;
        }
        a.status = text;
        if (rag_from_word(text)) return;  // understood without a key
        bool known = std::any_of(plan_.statuses.begin(), plan_.statuses.end(),
                                 [&](const StatusKeyEntry& s) { return to_lower(s.label) == to_lower(text); });
        if (!known) {
            plan_.statuses.push_back({text, *rag});
            note(row, "the status " + quoted(shorten(text, 40)) + " read as " + rag_name(*rag) +
                          ": added to the plan's [[statuses]]");
        }
    }

    void put_commitment_themes(Action& a, const CsvRow& row, size_t column, const std::string& text) {
        CommitmentThemeWords words = read_commitment_theme_words(text);
        for (const auto& id : words.ids)
            if (std::find(a.own_commitment_themes.begin(), a.own_commitment_themes.end(), id) == a.own_commitment_themes.end()) a.own_commitment_themes.push_back(id);
        std::string key = cols_.extra_key(column);
        if (!words.ids.empty()) {
            if (words.other_words) {
                add_extra(a, key, text);
                note(row, quoted(shorten(text, 50)) + " says more than theme names: themes " + join(words.ids, ", ") +
                              ", and the cell kept in extra " + quoted(key));
            }
        } else if (!has("group")) {
            // A grouping outside the four themes ("Assess Impact").
            size_t g = find_or_add_group(read_grouping_cell(text));
            a.group = plan_.groups[g].id;
        } else {
            add_extra(a, key, text);
            note(row, quoted(shorten(text, 50)) + " names no Commitment theme: kept in extra " + quoted(key));
        }
    }

    void put_talent(Action& a, const CsvRow& row, size_t column, const std::string& text) {
        TalentCell t = read_talent_cell(text);
        for (const auto& id : t.ids)
            if (std::find(a.talent.begin(), a.talent.end(), id) == a.talent.end()) a.talent.push_back(id);
        if (t.other_words) {
            add_extra(a, cols_.extra_key(column), text);
            note(row, quoted(shorten(text, 40)) + " is not only TALENT recommendations R1\u2013R16: kept in extra " +
                          quoted(cols_.extra_key(column)));
        }
    }

    // Puts a row's cells (all but the ref) into action i: a new action, or the one a
    // continuation row belongs to. `action_text` replaces the action cell (a ref read
    // from its start).
    void put_cells(size_t i, const CsvRow& row, const std::string* action_text) {
        Action& a = plan_.actions[i];
        for (size_t c = 0; c < cols_.fields.size(); ++c) {
            const std::string& f = cols_.fields[c];
            std::string text = (f == "action" && action_text) ? *action_text : cell(row, c);
            if (text.empty() || f.empty() || f == "ref" || f == "group") continue;
            if (auto* t = text_field(a, f)) {
                append_text(*t, text);
            } else if (f == "owners") {
                for (auto& o : read_owner_cell(text)) a.owners.push_back(o);
            } else if (f == "aim") {
                if (group_ == none) {
                    add_extra(a, cols_.extra_key(c), text);
                } else {
                    auto& g = plan_.groups[group_];
                    if (g.aim.find(text) == std::string::npos) g.aim = g.aim.empty() ? text : g.aim + "\n\n" + text;
                }
            } else if (f == "themes") {
                put_commitment_themes(a, row, c, text);
            } else if (f == "talent") {
                put_talent(a, row, c, text);
            } else if (f == "status") {
                put_status(a, row, c, text);
            } else if (f == "priority") {
                std::string p = read_priority_cell(text);
                if (!p.empty()) {
                    a.is_priority = true;
                    a.priority = p == "true" ? "" : p;
                }
            } else {
                add_extra(a, cols_.extra_key(c), text);
            }
        }
    }

    // ---------------------------------------------------------------- actions

    size_t start_action(const CsvRow& row, const std::string& ref, bool priority, const std::string* action_text,
                        size_t parent = none) {
        if (size_t g = col("group"); g != none)
            if (std::string text = cell(row, g); !text.empty()) grouping_cell(row, text);
        Action a;
        a.ref = ref;
        std::string id = ref;
        for (int n = 2; ids_.count(id); ++n) id = ref + "-" + std::to_string(n);
        a.id = id;
        ids_.insert(id);
        if (ref_uses_[ref]++ == 0) refs_in_order_.push_back(ref);
        a.is_priority = priority;
        a.origin.pos = {row.line, 1};
        if (group_ != none) a.group = plan_.groups[group_].id;
        if (parent != none) {
            a.parent = plan_.actions[parent].id;
        } else if (std::string p = parent_ref_of(ref); !p.empty() && latest_by_ref_.count(p)) {
            a.parent = plan_.actions[latest_by_ref_[p]].id;
        }
        plan_.actions.push_back(std::move(a));
        out_.action_notes.emplace_back();
        derived_.push_back(false);
        derived_parent_.push_back(none);
        size_t i = plan_.actions.size() - 1;
        latest_by_ref_[ref] = i;
        put_cells(i, row, action_text);
        if (!pending_unplaced_.empty()) {
            for (const auto& [line, text] : pending_unplaced_) add_extra(plan_.actions[i], unplaced_key, text, true);
            pending_unplaced_.clear();
        }
        last_ = i;
        return i;
    }

    // An action with only its text: the heading of the rows below it (V3 "Communications").
    bool is_heading(size_t i) const {
        const Action& a = plan_.actions[i];
        return !derived_[i] && !a.action.empty() && a.activity.empty() && a.details.empty() && a.success.empty() &&
               a.evaluation.empty() && a.timescale.empty() && a.owners.empty() && a.status.empty() &&
               a.comment.empty() && a.talent.empty();
    }

    std::string describe(const CsvRow& row) const {
        std::vector<std::string> parts;
        for (size_t c = 0; c < row.cells.size(); ++c)
            if (std::string t = trim(row.cells[c]); !t.empty()) parts.push_back(cols_.extra_key(c) + ": " + t);
        return join(parts, "; ");
    }

    void unplaced(const CsvRow& row) {
        std::string text = row_name(row) + ": " + describe(row);
        std::string where;
        if (last_ == none) {
            pending_unplaced_.emplace_back(row.line, text);
            where = "it comes before the first action, so it is kept in the first action's extra \"" +
                    std::string(unplaced_key) + "\"";
        } else {
            add_extra(plan_.actions[last_], unplaced_key, text, true);
            out_.action_notes[last_].push_back(row_name(row) + " could not be placed: its text is in extra \"" +
                                               std::string(unplaced_key) + "\"; move it where it belongs");
            where = "kept in " + ref_of(last_) + "'s extra \"" + std::string(unplaced_key) + "\"";
        }
        out_.report.unplaced.push_back(row_name(row) + ": could not place this row: " + shorten(describe(row)) + " \u2014 " +
                                       where);
    }

    // A row with no ref: a cell broken across rows, a sub-row of a heading, or neither.
    void continuation(const CsvRow& row) {
        if (last_ == none) {
            unplaced(row);
            return;
        }
        std::vector<size_t> filled;
        for (size_t c = 0; c < row.cells.size() && c < cols_.fields.size(); ++c)
            if (!cell(row, c).empty()) filled.push_back(c);
        bool has_action = std::any_of(filled.begin(), filled.end(), [&](size_t c) { return cols_.fields[c] == "action"; });
        size_t heading = is_heading(last_) ? last_ : derived_[last_] ? derived_parent_[last_] : none;
        if (has_action && filled.size() >= 2 && heading != none) {
            // A full row under a heading action, with no ref of its own (Leicester's V4, R2,
            // R3, CD3): a sub-action, numbered after its heading.
            std::string ref;
            do ref = ref_of(heading) + "." + std::to_string(++derived_count_[heading]);
            while (latest_by_ref_.count(ref));
            size_t i = start_action(row, ref, false, nullptr, heading);
            derived_[i] = true;
            derived_parent_[i] = heading;
            note(row, "no ref: read as " + ref + ", a sub-action of " + ref_of(heading) + " (the ref is made up; check it)");
            out_.action_notes[i].push_back(row_name(row) + " has no ref in the spreadsheet: " + ref +
                                           " is made up (sub-row " + std::to_string(derived_count_[heading]) + " of " +
                                           ref_of(heading) + ")");
            return;
        }
        const Action& a = plan_.actions[last_];
        bool fits = std::all_of(filled.begin(), filled.end(), [&](size_t c) { return can_append(a, c); });
        if (!fits) {
            unplaced(row);
            return;
        }
        std::vector<std::string> fields;
        for (size_t c : filled) {
            const std::string& f = cols_.fields[c];
            std::string name = f == "extra" ? quoted(cols_.extra_key(c)) : f;
            if (std::find(fields.begin(), fields.end(), name) == fields.end()) fields.push_back(name);
        }
        if (size_t g = col("group"); g != none)
            if (std::string text = cell(row, g); !text.empty()) grouping_cell(row, text);
        put_cells(last_, row, nullptr);
        note(row, "no ref: its cells continue " + ref_of(last_) + "'s " + join(fields, ", ") + " (joined)");
        out_.action_notes[last_].push_back(row_name(row) + " continued this action's " + join(fields, ", ") +
                                           " (a row broken by the extraction): joined");
    }

    void read_rows() {
        std::set<size_t> headers(cols_.header_rows.begin(), cols_.header_rows.end());
        size_t ref_col = col("ref"), action_col = col("action");
        for (size_t r = cols_.header_row + 1; r < table_.rows.size(); ++r) {
            const CsvRow& row = table_.rows[r];
            if (headers.count(r)) {
                repeated_headers_.push_back(row.line);
                continue;
            }
            if (row.blank()) continue;
            if (is_page_heading(row)) {
                for (const auto& c : row.cells)
                    if (std::string t = trim(c); !t.empty()) page_heading_rows_[t].push_back(row.line);
                continue;
            }
            std::string ref_text = cell(row, ref_col);
            if (!ref_text.empty()) {
                if (row.filled() == 1 && !looks_like_ref(ref_text) && section_row(row)) continue;
                RefCell rc = read_ref_cell(ref_text);
                start_action(row, rc.ref, rc.priority, nullptr);
                continue;
            }
            if (section_row(row)) continue;
            if (auto lead = leading_ref(cell(row, action_col))) {
                start_action(row, lead->first, false, &lead->second);
                leading_refs_.push_back(lead->first + " (row " + std::to_string(row.line) + ")");
                continue;
            }
            continuation(row);
        }
    }

    void finish() {
        auto& report = out_.report;
        if (!leading_refs_.empty())
            report.notes.push_back("refs read from the start of the action text: " + join(leading_refs_, ", "));
        if (!repeated_headers_.empty()) {
            std::vector<std::string> lines;
            for (int l : repeated_headers_) lines.push_back(std::to_string(l));
            report.notes.push_back("rows " + join(lines, ", ") + ": the header row again (page breaks): skipped");
        }
        for (const auto& [text, lines] : page_heading_rows_) {
            std::vector<std::string> l;
            for (int x : lines) l.push_back(std::to_string(x));
            report.notes.push_back((lines.size() == 1 ? "row " : "rows ") + join(l, ", ") + ": " + quoted(text) +
                                   " recurs like a page heading: left out");
        }
        std::vector<std::string> repeated;
        std::string first_repeated;
        for (const auto& ref : refs_in_order_)
            if (ref_uses_[ref] > 1) {
                repeated.push_back(ref + " (\u00D7" + std::to_string(ref_uses_[ref]) + ")");
                if (first_repeated.empty()) first_repeated = ref;
            }
        if (!repeated.empty())
            report.notes.push_back("refs used more than once: " + join(repeated, ", ") +
                                   "; each repeat has an id of its own (\"" + first_repeated +
                                   "-2\" …) so they can be told apart");
        // Actions that will be on no theme's page: worth knowing before publishing.
        std::map<std::string, std::vector<std::string>> commitment_themes_of;  // by id, as read_plan derives them
        std::vector<std::string> without_commitment_theme;
        for (const auto& a : plan_.actions) {
            std::vector<std::string> ids = a.own_commitment_themes;
            if (ids.empty() && !a.group.empty()) ids = plan_.find_group(a.group)->commitment_themes;
            if (ids.empty() && !a.parent.empty()) ids = commitment_themes_of[a.parent];
            commitment_themes_of[a.id] = ids;
            if (ids.empty()) without_commitment_theme.push_back(a.ref);
        }
        if (!without_commitment_theme.empty())
            report.notes.push_back(std::to_string(without_commitment_theme.size()) + (without_commitment_theme.size() == 1 ? " action names" : " actions name") +
                                   " no Commitment theme, so will not be on a theme's page: " + join(without_commitment_theme, ", ") +
                                   " (add themes = [...] where they belong)");
        for (size_t i = 0; i < plan_.actions.size(); ++i) {
            auto& a = plan_.actions[i];
            a.phases = phases_in_timescale(a.timescale, plan_.phases);
            if (trim(a.action).empty()) {
                a.action = "(no action text in the spreadsheet)";
                report.notes.push_back("row " + std::to_string(a.origin.pos.line) + ": " + a.ref +
                                       " has no action text: wrote a placeholder; fill it in");
                out_.action_notes[i].push_back("the spreadsheet gives no action text for " + a.ref);
            }
        }
    }
};

}  // namespace

ImportedPlan import_plan_table(const CsvTable& table, const ColumnPlan& columns, const std::string& fallback_title) {
    Importer importer(table, columns);
    ImportedPlan result = importer.run(fallback_title);
    result.report.notes.insert(result.report.notes.begin(), columns.notes.begin(), columns.notes.end());
    return result;
}

}  // namespace techpages
