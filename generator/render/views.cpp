#include "render/views.h"

#include <algorithm>
#include <regex>

#include "model/vocabulary.h"
#include "util/text.h"

namespace techpages {

data list_of(std::vector<data> items) {
    data list(data::type::list);
    for (auto& item : items) list.push_back(item);
    return list;
}

void set_list(data& d, const std::string& name, const data& list) {
    d.set(name, list);
    d.set("has_" + name, list.is_non_empty_list());
}

std::string progress_sentence(const Progress& p) {
    std::vector<std::string> parts;
    if (p.green) parts.push_back(std::to_string(p.green) + " complete");
    if (p.amber) parts.push_back(std::to_string(p.amber) + " in progress");
    if (p.red) parts.push_back(std::to_string(p.red) + " not begun");
    if (p.none) parts.push_back(std::to_string(p.none) + " not reported");
    if (parts.empty()) return "No actions";
    std::string s = join_alternatives(parts, "and");
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

data Views::theme_ref(const std::string& id) const {
    const CommitmentTheme* t = site_.find_theme(id);
    data d;
    d.set("id", id);
    d.set("title", t ? t->title : default_theme_title(id));
    d.set("url", urls_.link(site_path::theme(id)));
    return d;
}

data Views::theme_refs(const std::vector<std::string>& ids) const {
    std::vector<data> items;
    for (const auto& id : ids) items.push_back(theme_ref(id));
    return list_of(std::move(items));
}

data Views::progress(const Progress& p) const {
    data d;
    int total = p.total();
    d.set("total", std::to_string(total));
    d.set("green", std::to_string(p.green));
    d.set("amber", std::to_string(p.amber));
    d.set("red", std::to_string(p.red));
    d.set("none", std::to_string(p.none));
    d.set("reported", std::to_string(p.green + p.amber + p.red));
    d.set("has_any", total > 0);
    d.set("sentence", progress_sentence(p));
    // Segments of a stacked bar, in a fixed order, each with its word, so colour is never the only cue.
    std::vector<data> segments;
    const std::pair<Rag, int> parts[] = {{Rag::green, p.green}, {Rag::amber, p.amber}, {Rag::red, p.red}, {Rag::none, p.none}};
    double offset = 0;
    for (const auto& [rag, count] : parts) {
        if (count == 0 || total == 0) continue;
        double percent = 100.0 * count / total;
        char pct[16], off[16];
        std::snprintf(pct, sizeof pct, "%.2f", percent);
        std::snprintf(off, sizeof off, "%.2f", offset);
        offset += percent;
        data s;
        s.set("rag", rag_name(rag));
        s.set("word", rag_word(rag));
        s.set("count", std::to_string(count));
        s.set("percent", std::string(pct));
        s.set("offset", std::string(off));
        segments.push_back(s);
    }
    d.set("segments", list_of(std::move(segments)));
    return d;
}

data Views::theme_summary(const CommitmentTheme& t) const {
    data d = theme_ref(t.id);
    d.set("aim", t.aim);
    d.set("summary", t.summary);
    const auto& members = index_.by_theme.at(t.id);
    d.set("progress", progress(members.progress));
    d.set("action_count", std::to_string(members.actions.size()));
    d.set("profile_count", std::to_string(members.profiles.size()));
    d.set("story_count", std::to_string(members.case_studies.size() + members.career_stories.size()));
    return d;
}

data Views::institution_ref(size_t i) const {
    const Institution& inst = site_.institutions[i];
    data d;
    d.set("name", inst.name);
    d.set("short_name", inst.short_name);
    d.set("url", urls_.link(site_path::institution(inst)));
    return d;
}

data Views::institution_card(size_t i) const {
    const Institution& inst = site_.institutions[i];
    data d = institution_ref(i);
    d.set("location", inst.location);
    d.set("summary", plain_excerpt(inst.body, 220));
    d.set("profile_count", std::to_string(inst.profiles.size()));
    d.set("plan_count", std::to_string(inst.plans.size()));
    d.set("story_count", std::to_string(inst.case_studies.size() + inst.career_stories.size()));
    Progress p;
    for (size_t plan : inst.plans) p.add(site_.plans[plan].progress());
    d.set("progress", progress(p));
    if (!inst.logo.empty()) {
        d.set("logo_url", urls_.link(site_path::asset_beside(inst.origin.path, inst.logo)));
        d.set("logo_alt", inst.logo_alt);
    }
    return d;
}

data Views::profile_card(size_t i) const {
    const Profile& p = site_.profiles[i];
    data d;
    d.set("title", p.name);
    d.set("name", p.name);
    d.set("url", urls_.link(site_path::profile(site_, p)));
    d.set("subtitle", p.role);
    d.set("role", p.role);
    d.set("department", p.department);
    d.set("summary", p.summary);
    d.set("institution", institution_ref(p.institution));
    set_list(d, "themes", theme_refs(p.themes));
    if (!p.photo.empty()) {
        d.set("image_url", urls_.link(site_path::asset_beside(p.origin.path, p.photo)));
        d.set("image_alt", p.photo_alt);
    }
    std::vector<data> regs;
    for (const auto& r : p.registrations) regs.push_back(data(r));
    d.set("registrations", list_of(std::move(regs)));
    d.set("kind", "Technician profile");
    return d;
}

data Views::case_study_card(size_t i) const {
    const CaseStudy& c = site_.case_studies[i];
    data d;
    d.set("title", c.title);
    d.set("url", urls_.link(site_path::case_study(site_, c)));
    d.set("summary", c.summary.empty() ? plain_excerpt(c.body, 200) : c.summary);
    d.set("date", c.date.iso());
    d.set("date_display", c.date.display());
    d.set("institution", institution_ref(c.institution));
    set_list(d, "themes", theme_refs(c.themes));
    d.set("kind", "Case study");
    if (!c.image.empty()) {
        d.set("image_url", urls_.link(site_path::asset_beside(c.origin.path, c.image)));
        d.set("image_alt", c.image_alt);
    }
    return d;
}

data Views::career_story_card(size_t i) const {
    const CareerStory& s = site_.career_stories[i];
    data d;
    d.set("title", s.title);
    d.set("url", urls_.link(site_path::career_story(site_, s)));
    d.set("subtitle", s.person);
    d.set("summary", s.summary.empty() ? plain_excerpt(s.body, 200) : s.summary);
    d.set("date", s.date.iso());
    d.set("date_display", s.date.display());
    d.set("institution", institution_ref(s.institution));
    set_list(d, "themes", theme_refs(s.themes));
    d.set("kind", "Career story");
    return d;
}

data Views::plan_card(size_t i) const {
    const Plan& p = site_.plans[i];
    data d;
    d.set("title", p.title);
    d.set("url", urls_.link(site_path::plan(site_, p)));
    d.set("kind", p.kind);
    d.set("period", p.period);
    d.set("institution", institution_ref(p.institution));
    Progress total = p.progress();
    d.set("progress", progress(total));
    d.set("action_count", std::to_string(total.total()));
    std::vector<data> per_theme;
    for (const auto& t : site_.themes) {
        Progress tp = p.progress_for_theme(t.id);
        if (tp.total() == 0) continue;
        data row = theme_ref(t.id);
        row.set("progress", progress(tp));
        per_theme.push_back(row);
    }
    d.set("theme_progress", list_of(std::move(per_theme)));
    return d;
}

data Views::cards(const std::vector<size_t>& indexes, data (Views::*card)(size_t) const) const {
    std::vector<data> items;
    items.reserve(indexes.size());
    for (size_t i : indexes) items.push_back((this->*card)(i));
    return list_of(std::move(items));
}

std::string Views::owners_html(const Plan& plan, const std::vector<std::string>& owners) const {
    std::vector<std::string> parts;
    for (const auto& owner : owners) {
        std::string html;
        size_t i = 0;
        // Mark every glossary abbreviation that stands as a whole word in the owner's text.
        while (i < owner.size()) {
            const GlossaryEntry* best = nullptr;
            for (const auto& g : plan.glossary) {
                if (g.abbr.empty() || owner.compare(i, g.abbr.size(), g.abbr) != 0) continue;
                size_t end = i + g.abbr.size();
                bool starts = i == 0 || !std::isalnum(static_cast<unsigned char>(owner[i - 1]));
                bool ends = end == owner.size() || !std::isalnum(static_cast<unsigned char>(owner[end]));
                if (starts && ends && (!best || g.abbr.size() > best->abbr.size())) best = &g;
            }
            if (best) {
                html += "<abbr title=\"" + html_escape(best->meaning) + "\">" + html_escape(best->abbr) + "</abbr>";
                if (owner.size() == best->abbr.size()) html += " (" + html_escape(best->meaning) + ")";
                i += best->abbr.size();
            } else {
                html += html_escape(std::string(1, owner[i]));
                ++i;
            }
        }
        parts.push_back(html);
    }
    return join(parts, "; ");
}

data Views::plan_labels(const Plan& plan) const {
    data d;
    const std::pair<const char*, const char*> defaults[] = {
        {"ref", "Ref"},           {"action", "Action"},      {"activity", "Activity"},
        {"details", "Details"},   {"success", "Success measures"}, {"evaluation", "Evaluation"},
        {"timescale", "Timescale"}, {"owners", "Owner"},     {"status", "Status"},
        {"comment", "Comment"},   {"group", "Group"},        {"themes", "Commitment themes"},
        {"talent", "TALENT recommendations"}, {"priority", "Priority"}, {"aim", "Aim"},
        {"phases", "Phases"},     {"flags", "Notes"},        {"steps", "Steps"},
        {"updates", "Progress at each review"}};
    for (const auto& [field, fallback] : defaults) d.set(field, plan.label(field, fallback));
    return d;
}

data Views::action(const Plan& plan, size_t a, bool with_children) const {
    const Action& act = plan.actions[a];
    data d;
    std::string anchor = "action-" + slugify(act.id);
    d.set("id", act.id);
    d.set("ref", act.ref);
    d.set("anchor", anchor);
    d.set("url", urls_.link(site_path::plan(site_, plan)) + "#" + anchor);
    d.set("action_html", md_inline(act.action));
    d.set("action_text", plain_excerpt(act.action, 300));
    if (!act.activity.empty()) d.set("activity_html", md_inline(act.activity));
    if (!act.details.empty()) d.set("details_html", md_inline(act.details));
    if (!act.success.empty()) d.set("success_html", md_inline(act.success));
    if (!act.evaluation.empty()) d.set("evaluation_html", md_inline(act.evaluation));
    if (!act.comment.empty()) d.set("comment_html", md_inline(act.comment));
    d.set("timescale", act.timescale);
    std::vector<data> phases;
    for (const auto& id : act.phases)
        for (const auto& ph : plan.phases)
            if (ph.id == id) {
                data p;
                p.set("id", ph.id);
                p.set("label", ph.label);
                p.set("dates", ph.dates);
                phases.push_back(p);
            }
    d.set("phases", list_of(std::move(phases)));
    if (!act.owners.empty()) d.set("owners_html", owners_html(plan, act.owners));
    d.set("rag", rag_name(act.rag));
    d.set("rag_word", rag_word(act.rag));
    d.set("status", act.status.empty() ? rag_word(act.rag) : act.status);
    d.set("has_status", !act.status.empty());
    d.set("themes", theme_refs(act.themes));
    d.set("has_themes", !act.themes.empty());
    if (const PlanGroup* g = plan.find_group(act.group)) d.set("group_title", g->title);
    std::vector<data> talent;
    for (const auto& r : act.talent) {
        data t;
        t.set("id", r);
        t.set("url", urls_.link(site_path::term("talent", to_lower(r))));
        talent.push_back(t);
    }
    d.set("has_talent", !talent.empty());
    d.set("talent", list_of(std::move(talent)));
    d.set("priority", !act.priority.empty());
    d.set("priority_word", act.priority);
    std::vector<data> flags;
    for (const auto& id : act.flags)
        for (const auto& f : plan.flags)
            if (f.id == id) {
                data fl;
                fl.set("mark", f.mark);
                fl.set("label", f.label);
                flags.push_back(fl);
            }
    d.set("has_flags", !flags.empty());
    d.set("flags", list_of(std::move(flags)));
    std::vector<data> steps;
    for (const auto& s : act.steps) {
        data st;
        st.set("action_html", md_inline(s.action));
        st.set("timescale", s.timescale);
        if (!s.success.empty()) st.set("success_html", md_inline(s.success));
        if (!s.owners.empty()) st.set("owners_html", owners_html(plan, s.owners));
        st.set("status", s.status);
        steps.push_back(st);
    }
    d.set("has_steps", !steps.empty());
    d.set("steps", list_of(std::move(steps)));
    std::vector<data> updates;
    for (const auto& u : act.updates) {
        data up;
        up.set("date", u.date.iso());
        up.set("date_display", u.date.display());
        up.set("status", u.status);
        up.set("rag", rag_name(u.rag));
        up.set("rag_word", rag_word(u.rag));
        up.set("has_status", true);
        if (!u.note.empty()) up.set("note_html", md_inline(u.note));
        updates.push_back(up);
    }
    d.set("has_updates", !updates.empty());
    d.set("updates", list_of(std::move(updates)));
    std::vector<data> extra;
    for (const auto& [name, value] : act.extra) {
        data e;
        e.set("name", name);
        e.set("value", value);
        extra.push_back(e);
    }
    d.set("extra", list_of(std::move(extra)));
    // Sub-actions at any depth, flattened in plan order with their depth, so a template
    // can show them without recursion (Mustache partials cannot recurse).
    std::vector<data> children;
    if (with_children) {
        std::vector<std::pair<size_t, int>> stack;
        for (auto it = act.children.rbegin(); it != act.children.rend(); ++it) stack.push_back({*it, 1});
        while (!stack.empty()) {
            auto [c, depth] = stack.back();
            stack.pop_back();
            data child = action(plan, c, false);
            child.set("depth", std::to_string(depth));
            children.push_back(child);
            const auto& grandchildren = plan.actions[c].children;
            for (auto it = grandchildren.rbegin(); it != grandchildren.rend(); ++it) stack.push_back({*it, depth + 1});
        }
    }
    d.set("has_children", !children.empty());
    d.set("children", list_of(std::move(children)));
    d.set("plan_title", plan.title);
    d.set("plan_url", urls_.link(site_path::plan(site_, plan)));
    d.set("institution", institution_ref(plan.institution));
    return d;
}

data Views::action_ref(const ActionRef& ref) const {
    return action(site_.plans[ref.plan], ref.action, false);
}

}  // namespace techpages
