#include "render/open_data.h"

#include "formats/csv_writer.h"
#include "formats/plan_export.h"
#include "model/plan_history.h"
#include "model/vocabulary.h"
#include "util/json.h"
#include "util/text.h"

namespace techpages {

namespace site_path {
std::string plan_csv(const Institution& inst, const Plan& p) { return plan(inst, p) + inst.slug + "-" + p.slug + ".csv"; }
std::string plan_json(const Institution& inst, const Plan& p) { return plan(inst, p) + inst.slug + "-" + p.slug + ".json"; }
}  // namespace site_path

namespace {

// Pretty-printed JSON with every key always present (empty text, empty list, null date),
// so a reader can rely on the schema without checking for absent keys.
class JsonWriter {
public:
    explicit JsonWriter(int indent) : indent_(indent) {}
    JsonWriter& text(const std::string& key, const std::string& value) { return raw(key, json_string(value)); }
    JsonWriter& number(const std::string& key, long value) { return raw(key, std::to_string(value)); }
    JsonWriter& boolean(const std::string& key, bool value) { return raw(key, value ? "true" : "false"); }
    JsonWriter& date(const std::string& key, const std::optional<Date>& d) {
        return raw(key, d ? json_string(d->iso()) : "null");
    }
    JsonWriter& texts(const std::string& key, const std::vector<std::string>& values) {
        std::string list = "[";
        for (size_t i = 0; i < values.size(); ++i) list += (i ? ", " : "") + json_string(values[i]);
        return raw(key, list + "]");
    }
    JsonWriter& objects(const std::string& key, const std::vector<JsonWriter>& values) {
        if (values.empty()) return raw(key, "[]");
        // Each value was made with an indent of indent_ + 4: one level in from its key.
        std::string pad(indent_ + 4, ' ');
        std::string list = "[\n";
        for (size_t i = 0; i < values.size(); ++i) list += pad + values[i].str() + (i + 1 < values.size() ? ",\n" : "\n");
        return raw(key, list + std::string(indent_ + 2, ' ') + "]");
    }
    JsonWriter& object(const std::string& key, const JsonWriter& value) { return raw(key, value.str()); }
    JsonWriter& raw(const std::string& key, const std::string& json) {
        body_ += (body_.empty() ? "" : ",\n") + std::string(indent_ + 2, ' ') + json_string(key) + ": " + json;
        return *this;
    }
    std::string str() const { return "{\n" + body_ + "\n" + std::string(indent_, ' ') + "}"; }

private:
    int indent_;
    std::string body_;
};

JsonWriter action_json(const Site& site, const Plan& plan, const Action& a, const Urls& urls) {
    const int indent = 4;
    JsonWriter j(indent);
    j.text("id", a.id).text("ref", a.ref).text("parent", a.parent).text("group", a.group);
    j.texts("themes", a.commitment_themes).texts("own_themes", a.own_commitment_themes);
    j.text("activity", a.activity).text("action", a.action).text("details", a.details);
    j.text("success", a.success).text("evaluation", a.evaluation).text("timescale", a.timescale);
    j.texts("phases", a.phases).texts("owners", a.owners);
    j.text("status", a.current_status()).text("rag", rag_name(a.rag)).text("written_status", a.status);
    j.text("comment", a.comment).texts("talent", a.talent);
    j.boolean("priority", a.is_priority).text("priority_word", a.priority).texts("flags", a.flags);
    std::vector<JsonWriter> steps, updates;
    for (const auto& s : a.steps) {
        JsonWriter st(indent + 4);
        st.text("action", s.action).text("timescale", s.timescale).text("success", s.success);
        st.texts("owners", s.owners).text("status", s.status);
        steps.push_back(st);
    }
    for (const auto& u : a.updates) {
        JsonWriter up(indent + 4);
        up.text("date", u.date.iso()).text("status", u.status).text("rag", rag_name(u.rag)).text("note", u.note);
        updates.push_back(up);
    }
    j.objects("steps", steps).objects("updates", updates);
    JsonWriter extra(indent + 2);
    for (const auto& [key, value] : a.extra) extra.text(key, value);
    j.raw("extra", a.extra.empty() ? "{}" : extra.str());
    j.text("url", urls.absolute(site_path::plan(site, plan)) + "#" + site_path::action_anchor(a));
    return j;
}

}  // namespace

std::string plan_open_json(const Site& site, const Plan& plan, const Urls& urls) {
    const Institution& inst = site.institutions[plan.institution];
    JsonWriter root(0);
    root.number("schema_version", open_data_version);
    JsonWriter institution(2);
    institution.text("slug", inst.slug).text("name", inst.name).text("url", urls.absolute(site_path::institution(inst)));
    root.object("institution", institution);
    JsonWriter p(2);
    p.text("slug", plan.slug).text("title", plan.title).text("kind", plan.kind).text("period", plan.period);
    p.date("adopted", plan.adopted).text("intro", plan.intro);
    p.text("url", urls.absolute(site_path::plan(site, plan))).text("csv", urls.absolute(site_path::plan_csv(site.institutions[plan.institution], plan)));
    root.object("plan", p);
    std::vector<JsonWriter> groups, statuses;
    for (const auto& g : plan.groups) {
        JsonWriter gj(4);
        gj.text("id", g.id).text("title", g.title).text("aim", g.aim).texts("themes", g.commitment_themes);
        groups.push_back(gj);
    }
    for (const auto& s : plan.statuses) {
        JsonWriter sj(4);
        sj.text("label", s.label).text("rag", rag_name(s.rag));
        statuses.push_back(sj);
    }
    root.objects("groups", groups).objects("statuses", statuses);
    std::vector<std::string> reviews;
    for (const auto& d : plan_history(plan).reviews) reviews.push_back(d.iso());
    root.texts("reviews", reviews);
    std::vector<JsonWriter> actions;
    for (const auto& a : plan.actions) actions.push_back(action_json(site, plan, a, urls));
    root.objects("actions", actions);
    return root.str() + "\n";
}

std::string all_actions_csv(const Site& site, const Urls& urls) {
    std::vector<std::vector<std::string>> rows = {
        {"schema_version", "institution", "institution_name", "plan", "plan_title", "id", "ref", "parent", "group",
         "group_title", "themes", "action", "timescale", "owners", "status", "rag", "last_review", "talent", "priority",
         "url"}};
    for (const auto& plan : site.plans) {
        const Institution& inst = site.institutions[plan.institution];
        for (const auto& a : plan.actions) {
            const PlanGroup* group = plan.find_group(a.group);
            rows.push_back({std::to_string(open_data_version), inst.slug, inst.name, plan.slug, plan.title, a.id, a.ref,
                            a.parent, a.group, group ? group->title : "", join(a.commitment_themes, "; "), a.action, a.timescale,
                            join(a.owners, "; "), a.current_status(), rag_name(a.rag),
                            a.updates.empty() ? "" : a.updates.back().date.iso(), join(a.talent, "; "),
                            a.is_priority ? (a.priority.empty() ? "yes" : a.priority) : "",
                            urls.absolute(site_path::plan(site, plan)) + "#" + site_path::action_anchor(a)});
        }
    }
    return write_csv(rows);
}

std::vector<SiteFile> open_data_files(const Site& site, const Urls& urls) {
    std::vector<SiteFile> files;
    for (const auto& plan : site.plans) {
        const Institution& inst = site.institutions[plan.institution];
        files.push_back({site_path::plan_csv(inst, plan), plan_csv(plan)});
        files.push_back({site_path::plan_json(inst, plan), plan_open_json(site, plan, urls)});
    }
    files.push_back({all_actions_csv_path, all_actions_csv(site, urls)});
    return files;
}

}  // namespace techpages
