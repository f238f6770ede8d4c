#include "formats/plan_export.h"

#include <algorithm>

#include "formats/csv_writer.h"
#include "model/plan_fields.h"
#include "model/vocabulary.h"
#include "util/text.h"

namespace techpages {

namespace {

// The action fields that are the CSV's columns, in order: each row's heading is one the
// importer reads back as the same field.
std::vector<const ActionField*> csv_columns() {
    std::vector<const ActionField*> columns;
    for (const auto& f : action_fields())
        if (f.csv_column > 0) columns.push_back(&f);
    std::sort(columns.begin(), columns.end(), [](auto* x, auto* y) { return x->csv_column < y->csv_column; });
    return columns;
}

// Whether any action gives the field: a text or list field, or the priority word.
bool any_action_gives(const std::vector<Action>& actions, const ActionField& f) {
    return std::any_of(actions.begin(), actions.end(), [&](const Action& a) {
        if (f.text) return !(a.*f.text).empty();
        if (f.list) return !(a.*f.list).empty();
        if (f.name == "priority") return !a.priority.empty();
        return false;
    });
}

std::string commitment_theme_titles(const std::vector<std::string>& ids) {
    std::vector<std::string> titles;
    for (const auto& id : ids) titles.push_back(default_commitment_theme_title(id));
    return join(titles, "; ");
}

}  // namespace

std::vector<std::vector<std::string>> plan_table(const Plan& plan) {
    const auto& actions = plan.actions;
    bool has_priority_word = any_action_gives(actions, *find_action_field("priority"));
    std::vector<const ActionField*> fields;  // the columns this plan uses
    std::vector<std::string> header;
    for (const ActionField* f : csv_columns()) {
        std::string field(f->name);
        auto label = plan.labels.find(field);
        bool used = label != plan.labels.end() || f->required || any_action_gives(actions, *f);
        // Without a grouping column of its own, a plan imported with a themes column names
        // its groupings outside the four themes in that column.
        if (field == "group") used = label != plan.labels.end() || (!plan.labels.count("themes") && any_action_gives(actions, *f));
        if (!used) continue;
        fields.push_back(f);
        header.push_back(label != plan.labels.end() ? label->second : std::string(f->csv_heading));
    }
    std::vector<std::string> extra_keys;
    for (const auto& a : actions)
        for (const auto& [key, value] : a.extra)
            if (std::find(extra_keys.begin(), extra_keys.end(), key) == extra_keys.end()) extra_keys.push_back(key);

    std::vector<std::vector<std::string>> rows;
    // A mapped column whose heading is also an extra key (the cell said more than the
    // field holds) is written once, from the extra.
    std::vector<std::string> own_extra;
    for (const auto& key : extra_keys)
        if (std::find(header.begin(), header.end(), key) == header.end()) own_extra.push_back(key);
    for (const auto& key : own_extra) header.push_back(key);
    rows.push_back(header);

    auto extra_of = [](const Action& a, const std::string& key) -> const std::string* {
        for (const auto& [k, v] : a.extra)
            if (k == key) return &v;
        return nullptr;
    };
    std::string previous_group;
    for (const auto& a : actions) {
        std::vector<std::string> row;
        bool new_group = a.group != previous_group;
        const PlanGroup* group = plan.find_group(a.group);
        auto has_column = [&](std::string_view name) {
            return std::any_of(fields.begin(), fields.end(), [&](const ActionField* c) { return c->name == name; });
        };
        for (size_t k = 0; k < fields.size(); ++k) {
            const ActionField& field = *fields[k];
            std::string_view f = field.name;
            if (const std::string* kept = extra_of(a, header[k])) {
                row.push_back(*kept);
                continue;
            }
            std::string cell;
            if (f == "group") {
                // The aim goes with the title ("VISIBILITY - Ensure that …") unless it has a column.
                bool aim_column = has_column("aim");
                if (new_group && group)
                    cell = group->title + (aim_column || group->aim.empty() ? "" : " - " + group->aim);
            } else if (f == "aim") {
                cell = new_group && group ? group->aim : "";
            } else if (f == "ref") {
                cell = (a.is_priority && !has_priority_word ? "*" : "") + a.ref;
            } else if (f == "themes") {
                cell = commitment_theme_titles(a.own_commitment_themes);
                // Without a grouping column, a grouping outside the themes is named here.
                if (cell.empty() && group && !has_column("group"))
                    cell = group->title;
            } else if (f == "priority") {
                cell = a.is_priority ? (a.priority.empty() ? "yes" : a.priority) : "";
            } else if (field.text) {
                cell = a.*field.text;
            } else if (field.list) {
                cell = join(a.*field.list, ", ");
            }
            row.push_back(cell);
        }
        for (const auto& key : own_extra) {
            const std::string* v = extra_of(a, key);
            row.push_back(v ? *v : "");
        }
        rows.push_back(row);
        previous_group = a.group;
    }
    return rows;
}

std::string plan_csv(const Plan& plan) { return write_csv(plan_table(plan)); }

}  // namespace techpages
