#include "render/views.h"

#include <algorithm>
#include <regex>

#include "load/content_tree.h"
#include "model/plan_fields.h"
#include "model/vocabulary.h"
#include "render/cards.h"
#include "util/text.h"

namespace techpages {

namespace {

// kainjow's data::set and push_back take their value by const reference and copy it,
// deep-copying whole trees of template data. These move instead: the value is put in
// the slot the key already has (or a new one), through the mutable storage behind the
// const accessors (the data is never const; only the accessors are).
void set_moved(data& d, const std::string& key, data&& value) {
    if (!d.get(key)) d.set(key, data(false));
    const_cast<data&>(*d.get(key)) = std::move(value);
}

}  // namespace

void put(data& d, const std::string& key, const std::string& value) {
    set_moved(d, key, value.empty() ? data(false) : data(value));
}
void put(data& d, const std::string& key, std::string&& value) {
    if (value.empty()) return set_moved(d, key, data(false));
    data text(data::type::string);
    const_cast<std::string&>(text.string_value()) = std::move(value);
    set_moved(d, key, std::move(text));
}
void put(data& d, const std::string& key, const char* value) { put(d, key, std::string(value)); }
void put(data& d, const std::string& key, bool value) { set_moved(d, key, data(value)); }
void put(data& d, const std::string& key, const data& value) { d.set(key, value); }
void put(data& d, const std::string& key, data&& value) { set_moved(d, key, std::move(value)); }

data list_of(std::vector<data> items) {
    data list(data::type::list);
    auto& storage = const_cast<mustache::list&>(list.list_value());
    storage.reserve(items.size());
    for (auto& item : items) storage.push_back(std::move(item));
    return list;
}

void set_list(data& d, const std::string& name, data&& list) {
    bool non_empty = list.is_non_empty_list();
    set_moved(d, name, std::move(list));
    set_moved(d, "has_" + name, data(non_empty));
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

data CardViews::picture(const Origin& origin, const std::string& file, const std::string& alt) const {
    if (file.empty()) return data(false);
    std::string original = site_path::asset_beside(origin.path, file);
    data d;
    put(d, "alt", alt);
    auto it = images_.find(original);
    if (it == images_.end()) {  // `check`: nothing is processed, the links lead to the original
        put(d, "src", urls_.link(original));
        put(d, "width", "");
        put(d, "height", "");
        put(d, "srcset_jpeg", "");
        put(d, "srcset_webp", "");
        return d;
    }
    const ResponsiveImage& image = it->second;
    const ImageVariant& fallback = image.fallback();
    std::string jpeg, webp;
    for (const auto& v : image.variants) {
        std::string w = " " + std::to_string(v.width) + "w";
        jpeg += (jpeg.empty() ? "" : ", ") + urls_.link(v.jpeg) + w;
        webp += (webp.empty() ? "" : ", ") + urls_.link(v.webp) + w;
    }
    put(d, "src", urls_.link(fallback.jpeg));
    put(d, "width", std::to_string(fallback.width));
    put(d, "height", std::to_string(fallback.height));
    put(d, "srcset_jpeg", jpeg);
    put(d, "srcset_webp", webp);
    return d;
}

std::string CardViews::picture_link(const Origin& origin, const std::string& file) const {
    if (file.empty()) return {};
    std::string original = site_path::asset_beside(origin.path, file);
    auto it = images_.find(original);
    return urls_.link(it == images_.end() ? original : it->second.fallback().jpeg);
}

std::string CardViews::picture_url(const Origin& origin, const std::string& file) const {
    if (file.empty()) return {};
    std::string original = site_path::asset_beside(origin.path, file);
    auto it = images_.find(original);
    return urls_.absolute(it == images_.end() ? original : it->second.largest().jpeg);
}

data CardViews::commitment_theme_ref(const std::string& id) const {
    note(Fact::site_wide);
    const CommitmentTheme* t = site_.find_commitment_theme(id);
    data d;
    put(d, "id", id);
    put(d, "title", t ? t->title : default_commitment_theme_title(id));
    put(d, "url", urls_.link(site_path::commitment_theme(id)));
    return d;
}

data CardViews::commitment_theme_refs(const std::vector<std::string>& ids) const {
    std::vector<data> items;
    for (const auto& id : ids) items.push_back(commitment_theme_ref(id));
    return list_of(std::move(items));
}

data CardViews::progress(const Progress& p) const {
    data d;
    int total = p.total();
    put(d, "total", std::to_string(total));
    put(d, "green", std::to_string(p.green));
    put(d, "amber", std::to_string(p.amber));
    put(d, "red", std::to_string(p.red));
    put(d, "none", std::to_string(p.none));
    put(d, "reported", std::to_string(p.green + p.amber + p.red));
    put(d, "has_any", total > 0);
    put(d, "sentence", progress_sentence(p));
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
        put(s, "rag", rag_name(rag));
        put(s, "word", rag_word(rag));
        put(s, "count", std::to_string(count));
        put(s, "percent", std::string(pct));
        put(s, "offset", std::string(off));
        segments.push_back(std::move(s));
    }
    put(d, "segments", list_of(std::move(segments)));
    return d;
}

data CardViews::commitment_theme_summary(const CommitmentTheme& t) const {
    data d = commitment_theme_ref(t.id);
    put(d, "aim", t.aim);
    put(d, "summary", t.summary);
    const auto& members = commitment_theme_members(static_cast<size_t>(&t - site_.commitment_themes.data()));
    put(d, "progress", progress(members.progress));
    put(d, "action_count", std::to_string(members.actions.size()));
    put(d, "profile_count", std::to_string(members.profiles.size()));
    put(d, "story_count", std::to_string(members.case_studies.size() + members.career_stories.size()));
    return d;
}

data CardViews::institution_ref(size_t i) const {
    const Institution& inst = institution(i);
    data d;
    put(d, "name", inst.name);
    put(d, "short_name", inst.short_name);
    put(d, "url", urls_.link(site_path::institution(inst)));
    return d;
}

data CardViews::institution_card(size_t i) const {
    const Institution& inst = institution(i);
    data d = institution_ref(i);
    put(d, "location", inst.location);
    put(d, "summary", plain_excerpt(inst.body, 220));
    put(d, "profile_count", std::to_string(inst.profiles.size()));
    put(d, "plan_count", std::to_string(inst.plans.size()));
    put(d, "story_count", std::to_string(inst.case_studies.size() + inst.career_stories.size()));
    Progress p;
    for (size_t p_index : inst.plans) p.add(plan(p_index).progress());
    put(d, "progress", progress(p));
    put(d, "logo_url", picture_link(inst.origin, inst.logo));
    put(d, "logo_alt", inst.logo_alt);
    return d;
}

namespace {

// Every card has every key a card template reads, so a missing one never falls back to
// a key of the same name in an enclosing section (Mustache looks outwards).
data blank_card() {
    data d;
    for (const char* key : {"title", "url", "subtitle", "summary", "date", "date_display", "institution", "themes",
                            "has_themes", "kind", "image", "progress", "filters"})
        d.set(key, data(false));
    return d;
}

}  // namespace

data CardViews::profile_card(size_t i) const {
    const Profile& p = profile(i);
    data d = blank_card();
    put(d, "title", p.name);
    put(d, "name", p.name);
    put(d, "url", urls_.link(site_path::profile(site_, p)));
    put(d, "subtitle", p.role);
    put(d, "role", p.role);
    put(d, "department", p.department);
    put(d, "summary", p.summary);
    put(d, "institution", institution_ref(p.institution));
    set_list(d, "themes", commitment_theme_refs(p.commitment_themes));
    put(d, "image", picture(p.origin, p.photo, p.photo_alt));
    std::vector<data> regs;
    for (const auto& r : p.registrations) regs.push_back(data(r));
    put(d, "registrations", list_of(std::move(regs)));
    put(d, "kind", "Technician profile");
    // What the technician directory filters on, as space-separated slugs for data- attributes.
    data filters;
    std::vector<std::string> skills, registrations;
    for (const auto& s : p.skills) skills.push_back(term_slug(s));
    for (const auto& r : p.registrations) registrations.push_back(term_slug(r));
    put(filters, "institution", institution(p.institution).slug);
    put(filters, "themes", join(p.commitment_themes, " "));
    put(filters, "skills", join(skills, " "));
    put(filters, "registrations", join(registrations, " "));
    put(d, "filters", filters);
    return d;
}

data CardViews::case_study_card(size_t i) const {
    const CaseStudy& c = case_study(i);
    data d = blank_card();
    put(d, "title", c.title);
    put(d, "url", urls_.link(site_path::case_study(site_, c)));
    put(d, "summary", c.summary.empty() ? plain_excerpt(c.body, 200) : c.summary);
    put(d, "date", c.date.iso());
    put(d, "date_display", c.date.display());
    put(d, "institution", institution_ref(c.institution));
    set_list(d, "themes", commitment_theme_refs(c.commitment_themes));
    put(d, "kind", "Case study");
    put(d, "image", picture(c.origin, c.image, c.image_alt));
    return d;
}

data CardViews::career_story_card(size_t i) const {
    const CareerStory& s = career_story(i);
    data d = blank_card();
    put(d, "title", s.title);
    put(d, "url", urls_.link(site_path::career_story(site_, s)));
    put(d, "subtitle", s.person);
    put(d, "summary", s.summary.empty() ? plain_excerpt(s.body, 200) : s.summary);
    put(d, "date", s.date.iso());
    put(d, "date_display", s.date.display());
    put(d, "institution", institution_ref(s.institution));
    set_list(d, "themes", commitment_theme_refs(s.commitment_themes));
    put(d, "kind", "Career story");
    return d;
}

data CardViews::plan_card(size_t i) const {
    const Plan& p = plan(i);
    data d = blank_card();
    put(d, "title", p.title);
    put(d, "url", urls_.link(site_path::plan(site_, p)));
    put(d, "kind", p.kind);
    put(d, "period", p.period);
    put(d, "institution", institution_ref(p.institution));
    Progress total = p.progress();
    put(d, "progress", progress(total));
    put(d, "action_count", std::to_string(total.total()));
    std::vector<data> per_commitment_theme;
    for (const auto& t : commitment_themes()) {
        Progress tp = p.progress_for_commitment_theme(t.id);
        if (tp.total() == 0) continue;
        data row = commitment_theme_ref(t.id);
        put(row, "progress", progress(tp));
        per_commitment_theme.push_back(std::move(row));
    }
    put(d, "theme_progress", list_of(std::move(per_commitment_theme)));
    return d;
}

data CardViews::cards(const std::vector<size_t>& indexes, data (CardViews::*card)(size_t) const) const {
    std::vector<data> items;
    items.reserve(indexes.size());
    for (size_t i : indexes) items.push_back((this->*card)(i));
    return list_of(std::move(items));
}

data CardViews::directory_profile_card(size_t i) const {
    data d = profile_card(i);
    put(d, "is_directory", true);
    return d;
}

namespace {

// One row per kind of card: how many the site has, the fact a page listing one is noted
// as reading, and the data its template gets.
struct CardKindRow {
    CardKind kind;
    size_t (*count)(const Site&);
    Fact fact;
    data (CardViews::*view)(size_t) const;
};
constexpr CardKindRow card_kind_rows[] = {
    {CardKind::profile, [](const Site& s) { return s.profiles.size(); }, Fact::profile_card, &CardViews::profile_card},
    {CardKind::directory_profile, [](const Site& s) { return directory_is_filterable(s) ? s.profiles.size() : 0; },
     Fact::directory_card, &CardViews::directory_profile_card},
    {CardKind::case_study, [](const Site& s) { return s.case_studies.size(); }, Fact::case_study_card, &CardViews::case_study_card},
    {CardKind::career_story, [](const Site& s) { return s.career_stories.size(); }, Fact::career_story_card,
     &CardViews::career_story_card},
    {CardKind::plan, [](const Site& s) { return s.plans.size(); }, Fact::plan_card, &CardViews::plan_card},
};
constexpr bool card_rows_in_kind_order() {
    for (size_t i = 0; i < std::size(card_kind_rows); ++i)
        if (static_cast<size_t>(card_kind_rows[i].kind) != i) return false;
    return std::size(card_kind_rows) == card_kind_count;
}
static_assert(card_rows_in_kind_order(), "card_kind_rows: one row per CardKind, in the enum's order");

const CardKindRow& row_of(CardKind kind) { return card_kind_rows[static_cast<size_t>(kind)]; }

}  // namespace

Fact card_fact(CardKind kind) { return row_of(kind).fact; }

size_t card_count(const Site& site, CardKind kind) { return row_of(kind).count(site); }

data CardViews::card(CardKind kind, size_t i) const { return (this->*row_of(kind).view)(i); }

const std::string& Views::html_of(CardKind kind, size_t i) const {
    static const std::string none;
    const auto& html = card_html_.of(kind);
    return i < html.size() ? html[i] : none;
}

data Views::card_list(const std::vector<size_t>& indexes, CardKind kind) const {
    data list(data::type::list);
    auto& items = const_cast<mustache::list&>(list.list_value());
    items.reserve(indexes.size());
    for (size_t i : indexes) {
        note(card_fact(kind), i);
        data item;
        put(item, "card_html", html_of(kind, i));
        items.push_back(std::move(item));
    }
    return list;
}

data Views::card_with_html(CardKind kind, size_t i) const {
    note(card_fact(kind), i);
    data d = card(kind, i);
    put(d, "card_html", html_of(kind, i));
    return d;
}

std::string CardViews::owners_html(const Plan& plan, const std::vector<std::string>& owners) const {
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
        parts.push_back(std::move(html));
    }
    return join(parts, "; ");
}

data CardViews::plan_labels(const Plan& plan) const {
    data d;
    for (const auto& field : action_fields())
        if (!field.label.empty()) put(d, std::string(field.name), plan.label(std::string(field.name), std::string(field.label)));
    return d;
}

data CardViews::action(const Plan& plan, size_t a, bool with_children) const {
    const Action& act = plan.actions[a];
    data d;
    std::string anchor = site_path::action_anchor(act);
    put(d, "id", act.id);
    put(d, "ref", act.ref);
    put(d, "anchor", anchor);
    put(d, "url", urls_.link(site_path::plan(site_, plan)) + "#" + anchor);
    put(d, "action_html", md_phrase(act.action));  // it stands in a heading
    put(d, "action_text", plain_excerpt(act.action, 300));
    put(d, "activity_html", act.activity.empty() ? std::string() : md_inline(act.activity));
    put(d, "details_html", act.details.empty() ? std::string() : md_inline(act.details));
    put(d, "success_html", act.success.empty() ? std::string() : md_inline(act.success));
    put(d, "evaluation_html", act.evaluation.empty() ? std::string() : md_inline(act.evaluation));
    put(d, "comment_html", act.comment.empty() ? std::string() : md_inline(act.comment));
    put(d, "timescale", act.timescale);
    std::vector<data> phases;
    for (const auto& id : act.phases)
        for (const auto& ph : plan.phases)
            if (ph.id == id) {
                data p;
                put(p, "id", ph.id);
                put(p, "label", ph.label);
                put(p, "dates", ph.dates);
                phases.push_back(std::move(p));
            }
    put(d, "phases", list_of(std::move(phases)));
    put(d, "owners_html", act.owners.empty() ? std::string() : owners_html(plan, act.owners));
    put(d, "rag", rag_name(act.rag));
    put(d, "rag_word", rag_word(act.rag));
    const std::string& status = act.current_status();  // written, else the latest update's
    put(d, "status", status.empty() ? rag_word(act.rag) : status);
    put(d, "has_status", !status.empty());
    put(d, "themes", commitment_theme_refs(act.commitment_themes));
    put(d, "has_themes", !act.commitment_themes.empty());
    const PlanGroup* group = plan.find_group(act.group);
    put(d, "group_title", group ? group->title : std::string());
    std::vector<data> talent;
    for (const auto& r : act.talent) {
        data t;
        put(t, "id", r);
        put(t, "url", urls_.link(site_path::term("talent", to_lower(r))));
        talent.push_back(std::move(t));
    }
    put(d, "has_talent", !talent.empty());
    put(d, "talent", list_of(std::move(talent)));
    put(d, "priority", act.is_priority);
    put(d, "priority_word", act.priority);
    std::vector<data> flags;
    for (const auto& id : act.flags)
        for (const auto& f : plan.flags)
            if (f.id == id) {
                data fl;
                put(fl, "mark", f.mark);
                put(fl, "label", f.label);
                flags.push_back(std::move(fl));
            }
    put(d, "has_flags", !flags.empty());
    put(d, "flags", list_of(std::move(flags)));
    std::vector<data> steps;
    for (const auto& s : act.steps) {
        data st;
        put(st, "action_html", md_phrase(s.action));
        put(st, "timescale", s.timescale);
        put(st, "success_html", s.success.empty() ? std::string() : md_inline(s.success));
        put(st, "owners_html", s.owners.empty() ? std::string() : owners_html(plan, s.owners));
        put(st, "status", s.status);
        steps.push_back(std::move(st));
    }
    put(d, "has_steps", !steps.empty());
    put(d, "steps", list_of(std::move(steps)));
    std::vector<data> updates;
    for (const auto& u : act.updates) {
        data up;
        put(up, "date", u.date.iso());
        put(up, "date_display", u.date.display());
        put(up, "status", u.status);
        put(up, "rag", rag_name(u.rag));
        put(up, "rag_word", rag_word(u.rag));
        put(up, "has_status", true);
        put(up, "note_html", u.note.empty() ? std::string() : md_inline(u.note));
        updates.push_back(std::move(up));
    }
    put(d, "has_updates", !updates.empty());
    put(d, "updates", list_of(std::move(updates)));
    std::vector<data> extra;
    for (const auto& [name, value] : act.extra) {
        data e;
        put(e, "name", name);
        put(e, "value", value);
        extra.push_back(std::move(e));
    }
    put(d, "extra", list_of(std::move(extra)));
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
            put(child, "depth", std::to_string(depth));
            children.push_back(std::move(child));
            const auto& grandchildren = plan.actions[c].children;
            for (auto it = grandchildren.rbegin(); it != grandchildren.rend(); ++it) stack.push_back({*it, depth + 1});
        }
    }
    put(d, "has_children", !children.empty());
    put(d, "children", list_of(std::move(children)));
    put(d, "plan_title", plan.title);
    put(d, "plan_url", urls_.link(site_path::plan(site_, plan)));
    put(d, "institution", institution_ref(plan.institution));
    return d;
}

data CardViews::action_ref(const ActionRef& ref) const {
    return action(plan(ref.plan), ref.action, false);
}

bool CardViews::directory_is_filterable() const {
    note(Fact::site_wide);
    note(Fact::all_profiles);
    return techpages::directory_is_filterable(site_);
}

const CommitmentThemeMembers& CardViews::commitment_theme_members(size_t t) const {
    note(Fact::commitment_theme, t);
    return index_.by_commitment_theme.at(site_.commitment_themes[t].id);
}

const Taxonomy& CardViews::unnoted_taxonomy(Fact which) const {
    return which == Fact::skills ? index_.skills : which == Fact::registrations ? index_.registrations : index_.talent;
}

const Taxonomy& CardViews::taxonomy(Fact which) const {
    note(which);
    return unnoted_taxonomy(which);
}

const Term& CardViews::term(Fact which, size_t t) const {
    note(term_fact(which), t);
    return unnoted_taxonomy(which).terms[t];
}

}  // namespace techpages
