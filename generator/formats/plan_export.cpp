#include "formats/plan_export.h"

#include <algorithm>

#include "formats/csv_writer.h"
#include "model/vocabulary.h"
#include "util/text.h"

namespace techpages {

namespace {

// Column order, and the heading used where the plan has no label of its own (each one
// a heading the importer reads back as the same field).
const std::vector<std::pair<std::string, std::string>> export_columns = {
    {"group", "Category"},     {"aim", "Aims"},
    {"activity", "Activities"}, {"ref", "Ref"},
    {"action", "Action"},      {"details", "Details"},
    {"themes", "Key Areas"},   {"talent", "Talent Recommendations"},
    {"success", "Success Measures"}, {"evaluation", "Evaluation Method"},
    {"timescale", "Timescale"}, {"owners", "Owner"},
    {"status", "RAG Status"},  {"comment", "Comment"},
    {"priority", "Priority"},
};

std::string theme_titles(const std::vector<std::string>& ids) {
    std::vector<std::string> titles;
    for (const auto& id : ids) titles.push_back(default_theme_title(id));
    return join(titles, "; ");
}

}  // namespace

std::vector<std::vector<std::string>> plan_table(const Plan& plan) {
    const auto& actions = plan.actions;
    auto any = [&](auto predicate) { return std::any_of(actions.begin(), actions.end(), predicate); };
    auto has_priority_word = any([](const Action& a) { return !a.priority.empty(); });
    std::vector<std::string> fields;
    for (const auto& [field, heading] : export_columns) {
        bool used = plan.labels.count(field) > 0;
        // Without a grouping column of its own, a plan imported with a themes column names
        // its groupings outside the four themes in that column.
        if (field == "group") used = used || (!plan.labels.count("themes") && any([](const Action& a) { return !a.group.empty(); }));
        if (field == "activity") used = used || any([](const Action& a) { return !a.activity.empty(); });
        if (field == "ref" || field == "action") used = true;
        if (field == "details") used = used || any([](const Action& a) { return !a.details.empty(); });
        if (field == "themes") used = used || any([](const Action& a) { return !a.own_commitment_themes.empty(); });
        if (field == "talent") used = used || any([](const Action& a) { return !a.talent.empty(); });
        if (field == "success") used = used || any([](const Action& a) { return !a.success.empty(); });
        if (field == "evaluation") used = used || any([](const Action& a) { return !a.evaluation.empty(); });
        if (field == "timescale") used = used || any([](const Action& a) { return !a.timescale.empty(); });
        if (field == "owners") used = used || any([](const Action& a) { return !a.owners.empty(); });
        if (field == "status") used = used || any([](const Action& a) { return !a.status.empty(); });
        if (field == "comment") used = used || any([](const Action& a) { return !a.comment.empty(); });
        if (field == "priority") used = used || has_priority_word;
        if (used) fields.push_back(field);
    }
    std::vector<std::string> extra_keys;
    for (const auto& a : actions)
        for (const auto& [key, value] : a.extra)
            if (std::find(extra_keys.begin(), extra_keys.end(), key) == extra_keys.end()) extra_keys.push_back(key);

    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header;
    for (const auto& field : fields) {
        auto label = plan.labels.find(field);
        std::string heading = label != plan.labels.end() ? label->second
                              : std::find_if(export_columns.begin(), export_columns.end(),
                                             [&](const auto& c) { return c.first == field; })->second;
        header.push_back(heading);
    }
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
        for (size_t k = 0; k < fields.size(); ++k) {
            const std::string& f = fields[k];
            if (const std::string* kept = extra_of(a, header[k])) {
                row.push_back(*kept);
                continue;
            }
            std::string cell;
            if (f == "group") {
                // The aim goes with the title ("VISIBILITY - Ensure that …") unless it has a column.
                bool aim_column = std::find(fields.begin(), fields.end(), "aim") != fields.end();
                if (new_group && group)
                    cell = group->title + (aim_column || group->aim.empty() ? "" : " - " + group->aim);
            }
            else if (f == "aim") cell = new_group && group ? group->aim : "";
            else if (f == "activity") cell = a.activity;
            else if (f == "ref") cell = (a.is_priority && !has_priority_word ? "*" : "") + a.ref;
            else if (f == "action") cell = a.action;
            else if (f == "details") cell = a.details;
            else if (f == "themes") {
                cell = theme_titles(a.own_commitment_themes);
                // Without a grouping column, a grouping outside the themes is named here.
                if (cell.empty() && group && std::find(fields.begin(), fields.end(), "group") == fields.end())
                    cell = group->title;
            } else if (f == "talent") cell = join(a.talent, ", ");
            else if (f == "success") cell = a.success;
            else if (f == "evaluation") cell = a.evaluation;
            else if (f == "timescale") cell = a.timescale;
            else if (f == "owners") cell = join(a.owners, ", ");
            else if (f == "status") cell = a.status;
            else if (f == "comment") cell = a.comment;
            else if (f == "priority") cell = a.is_priority ? (a.priority.empty() ? "yes" : a.priority) : "";
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
