// Reads an action plan (.toml). The format holds every column of the real plans in
// shared/seeds: see "An action plan" in docs/content-model.md.
#include <functional>
#include <set>

#include "load/limits.h"
#include "load/source_file.h"
#include "load/toml_reader.h"
#include "model/field_reader.h"
#include "model/field_rules.h"
#include "model/plan_fields.h"
#include "model/read_documents.h"
#include "model/vocabulary.h"
#include "util/text.h"

namespace techpages {

namespace {

// The plan's own status words map to RAG through its key; without a key, the common words do.
Rag status_rag(const Plan& plan, FieldReader& fields, const std::string& key, const std::string& status) {
    if (status.empty()) return Rag::none;
    for (const auto& s : plan.statuses)
        if (to_lower(s.label) == to_lower(status)) return s.rag;
    if (auto rag = rag_from_word(status)) return *rag;
    std::vector<std::string> labels;
    for (const auto& s : plan.statuses) labels.push_back("\"" + s.label + "\"");
    if (labels.empty()) labels = {"\"Complete\"", "\"In progress\"", "\"Not begun\"", "red", "amber", "green"};
    fields.error(key, "'" + status + "' is not a status in this plan's key",
                 "use one of " + join_alternatives(labels) + ", or add it to the plan's [[statuses]] with its rag colour");
    return Rag::none;
}

void read_key(Plan& plan, FieldReader& f) {
    for (auto& g : f.tables("groups")) {
        PlanGroup group;
        group.id = g.text("id", true);
        group.title = g.text("title", true);
        group.aim = g.text("aim");
        group.commitment_themes = checked_commitment_theme_ids(g, "themes");
        g.report_unknown_fields("a plan group");
        if (plan.find_group(group.id))
            g.error("id", "the group id '" + group.id + "' is used twice", "give each [[groups]] entry its own id");
        else if (!group.id.empty())
            plan.groups.push_back(group);
    }
    for (auto& s : f.tables("statuses")) {
        StatusKeyEntry entry;
        entry.label = s.text("label", true);
        std::string rag = to_lower(s.text("rag", true));
        if (rag == "red") entry.rag = Rag::red;
        else if (rag == "amber") entry.rag = Rag::amber;
        else if (rag == "green") entry.rag = Rag::green;
        else if (!rag.empty())
            s.error("rag", "'" + rag + "' is not a RAG colour", "write rag = \"red\", \"amber\" or \"green\"");
        s.report_unknown_fields("a status in the plan's key");
        plan.statuses.push_back(entry);
    }
    for (auto& p : f.tables("phases")) {
        plan.phases.push_back({p.text("id", true), p.text("label"), p.text("dates")});
        p.report_unknown_fields("a phase");
    }
    for (auto& g : f.tables("glossary")) {
        plan.glossary.push_back({g.text("abbr", true), g.text("meaning", true)});
        g.report_unknown_fields("a glossary entry");
    }
    for (auto& fl : f.tables("flags")) {
        plan.flags.push_back({fl.text("id", true), fl.text("mark"), fl.text("label", true)});
        fl.report_unknown_fields("a flag");
    }
    if (auto labels = f.table("labels")) {
        for (const auto& field : action_fields()) {
            if (field.label.empty()) continue;
            std::string text = labels->text(field.name);
            if (!text.empty()) plan.labels[std::string(field.name)] = text;
        }
        labels->report_unknown_fields("the plan's [labels]");
    }
}

// Dated status entries are the plan's reviews: oldest first, one per date. An action's
// current status is its written status, else its latest update's; when both are written
// and disagree, the page shows the written one, which is probably stale.
void check_updates(Action& action, FieldReader& a, std::vector<FieldReader>& updates) {
    std::vector<size_t> order(action.updates.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return action.updates[x].date < action.updates[y].date; });
    std::vector<StatusUpdate> sorted;
    for (size_t k = 0; k < order.size(); ++k) {
        const StatusUpdate& u = action.updates[order[k]];
        if (k > 0 && u.date == sorted.back().date && u.date.year != 0) {
            updates[order[k]].error("date", "this action has two updates dated " + u.date.iso(),
                                    "keep one [[actions.updates]] entry per review date, or correct the date");
            continue;
        }
        sorted.push_back(u);
    }
    action.updates = std::move(sorted);
    if (action.updates.empty()) return;
    const StatusUpdate& latest = action.updates.back();
    if (action.status.empty()) {
        action.rag = latest.rag;
    } else if (to_lower(action.status) != to_lower(latest.status)) {
        a.warning("status",
                  "the status '" + action.status + "' disagrees with the latest update ('" + latest.status + "' on " +
                      latest.date.display() + "); the page shows '" + action.status + "'",
                  "write status = \"" + latest.status + "\", or remove status so the latest update is shown");
    }
}

// An action's text and list fields, as action_fields() lists them.
void read_fields(Action& action, FieldReader& a) {
    for (const auto& field : action_fields()) {
        std::string key(field.name);
        if (field.text) action.*field.text = a.text(key, field.required);
        else if (field.list) action.*field.list = field.read_list ? field.read_list(a, key) : a.text_list(key);
    }
}

// A name the action gives that the plan's key (its [[phases]] or [[flags]]) must define.
template <typename Entry>
void check_defined(FieldReader& a, const std::string& key, const std::vector<std::string>& names,
                   const std::vector<Entry>& defined, const std::string& what) {
    for (const auto& name : names) {
        bool known = std::any_of(defined.begin(), defined.end(), [&](const Entry& e) { return e.id == name; });
        if (!known)
            a.error(key, "the " + what + " '" + name + "' is not defined in this plan",
                    "add a [[" + key + "]] entry with id = \"" + name + "\"");
    }
}

Action read_action(const Plan& plan, FieldReader& a) {
    Action action;
    action.origin = {a.path(), a.where()};
    read_fields(action, a);
    if (action.id.empty()) action.id = action.ref;
    if (!action.group.empty() && !plan.find_group(action.group)) {
        std::vector<std::string> ids;
        for (const auto& g : plan.groups) ids.push_back(g.id);
        std::string suggestion = closest_match(action.group, ids);
        a.error("group", "the group '" + action.group + "' is not defined in this plan",
                !suggestion.empty() ? "did you mean '" + suggestion + "'?"
                : ids.empty()       ? "add a [[groups]] entry with id = \"" + action.group + "\""
                                    : "use one of " + join_alternatives(ids) + ", or add a [[groups]] entry");
    }
    check_defined(a, "phases", action.phases, plan.phases, "phase");
    check_defined(a, "flags", action.flags, plan.flags, "flag");
    action.rag = status_rag(plan, a, "status", action.status);
    action.priority = a.flag_or_word("priority", "true");
    action.is_priority = !action.priority.empty();
    if (action.priority == "true") action.priority.clear();
    for (auto& s : a.tables("steps")) {
        ActionStep step;
        step.action = s.text("action", true);
        step.timescale = s.text("timescale");
        step.success = s.text("success");
        step.status = s.text("status");
        status_rag(plan, s, "status", step.status);
        step.owners = s.text_list("owners");
        s.report_unknown_fields("a step of an action");
        action.steps.push_back(step);
    }
    auto update_readers = a.tables("updates");
    for (auto& u : update_readers) {
        StatusUpdate update;
        if (auto d = u.date("date", true)) update.date = *d;
        update.status = u.text("status", true);
        update.rag = status_rag(plan, u, "status", update.status);
        update.note = u.text("note");
        u.report_unknown_fields("a status update");
        action.updates.push_back(update);
    }
    check_updates(action, a, update_readers);
    action.extra = a.text_table("extra");
    a.report_unknown_fields("an action");
    return action;
}

// Parent links, children and effective themes, once every action is read.
void link_actions(Plan& plan, std::vector<FieldReader>& readers) {
    std::map<std::string, size_t> by_id;
    for (size_t i = 0; i < plan.actions.size(); ++i) {
        auto& action = plan.actions[i];
        if (action.id.empty()) continue;
        if (!by_id.emplace(action.id, i).second)
            readers[i].error(readers[i].has("id") ? "id" : "ref", "the action ref '" + action.id + "' is used twice in this plan",
                             "give each action its own ref; where the plan itself repeats a ref, add id = \"" + action.id +
                                 "-2\" to one of them so it can be told apart");
    }
    std::vector<size_t> parent_of(plan.actions.size(), SIZE_MAX);
    for (size_t i = 0; i < plan.actions.size(); ++i) {
        auto& action = plan.actions[i];
        if (action.parent.empty()) continue;
        auto it = by_id.find(action.parent);
        if (it != by_id.end() && it->second == i) {
            readers[i].error("parent", "the action '" + action.id + "' is its own parent",
                             "make sure parents only point upwards, e.g. V1a has parent = \"V1\" and V1 has none");
            action.parent.clear();
        } else if (it == by_id.end()) {
            readers[i].error("parent", "the parent action '" + action.parent + "' is not in this plan",
                             "write the ref of an action in this plan, or remove parent");
            action.parent.clear();
        } else {
            parent_of[i] = it->second;
        }
    }
    // Refuse cycles (V1 -> V1a -> V1): a page could never show them. Each cycle is reported
    // once, at its first action in the file, whose parent is dropped to break it; an action
    // whose parents merely lead into a cycle is not at fault.
    auto in_cycle = [&](size_t i) {
        size_t steps = 0;
        for (size_t j = parent_of[i]; j != SIZE_MAX && steps <= plan.actions.size(); j = parent_of[j], ++steps)
            if (j == i) return true;
        return false;
    };
    for (size_t i = 0; i < plan.actions.size(); ++i) {
        if (!in_cycle(i)) continue;
        readers[i].error("parent", "the action '" + plan.actions[i].id + "' is, through its parents, its own parent",
                         "make sure parents only point upwards, e.g. V1a has parent = \"V1\" and V1 has none");
        plan.actions[i].parent.clear();
        parent_of[i] = SIZE_MAX;
    }
    // Own themes, else the group's, else (for a sub-action) the parent's; parents first.
    std::vector<bool> done(plan.actions.size(), false);
    std::function<void(size_t)> resolve = [&](size_t i) {
        if (done[i]) return;
        done[i] = true;
        auto& action = plan.actions[i];
        if (parent_of[i] != SIZE_MAX) {
            resolve(parent_of[i]);
            if (action.group.empty()) action.group = plan.actions[parent_of[i]].group;
        }
        bool own_group = readers[i].has("group");
        if (!action.own_commitment_themes.empty()) {
            action.commitment_themes = action.own_commitment_themes;
        } else if (own_group) {
            if (const PlanGroup* g = plan.find_group(action.group)) action.commitment_themes = g->commitment_themes;
        } else if (parent_of[i] != SIZE_MAX) {
            action.commitment_themes = plan.actions[parent_of[i]].commitment_themes;
        }
    };
    for (size_t i = 0; i < plan.actions.size(); ++i) {
        resolve(i);
        if (parent_of[i] != SIZE_MAX) plan.actions[parent_of[i]].children.push_back(i);
    }
}

}  // namespace

std::optional<Plan> read_plan(const ContentEntry& entry, Diagnostics& diagnostics) {
    if (!is_valid_slug(entry.slug))
        diagnostics.error(entry.path, {}, "the file name '" + entry.slug + "' cannot be used in a web address",
                          "rename it using lower-case letters, digits and hyphens, e.g. '" + slugify(entry.slug) + ".toml'");
    SourceFile file;
    if (!read_source_file(entry.absolute, entry.path, file, diagnostics)) return std::nullopt;
    auto table = parse_toml(file.text, entry.path, 1, diagnostics);
    if (!table) return std::nullopt;
    FieldReader f(*table, entry.path, 1, diagnostics, {1, 1});
    Plan plan;
    plan.slug = entry.slug;
    plan.origin = {entry.path, {1, 1}};
    plan.title = f.text("title", true);
    plan.period = f.text("period");
    plan.kind = f.text("kind");
    plan.adopted = f.date("adopted");
    plan.intro = f.text("intro");
    read_key(plan, f);
    auto readers = f.tables("actions");
    if (readers.size() > limits::plan_actions) {
        f.error("actions", "this plan has " + std::to_string(readers.size()) + " actions, more than the " +
                               std::to_string(limits::plan_actions) + " one plan page can show",
                "split it into several plans (one file each)");
        readers.clear();
    }
    for (auto& a : readers) plan.actions.push_back(read_action(plan, a));
    link_actions(plan, readers);
    f.report_unknown_fields("an action plan");
    return plan;
}

}  // namespace techpages
