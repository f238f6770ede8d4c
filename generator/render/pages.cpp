#include "render/pages.h"

#include <algorithm>
#include <iterator>

#include "model/vocabulary.h"
#include "render/cards.h"
#include "render/open_data.h"
#include "render/plan_extras.h"
#include "render/search_index.h"
#include "render/site_files.h"
#include "render/structured_data.h"
#include "util/text.h"

namespace techpages {

namespace {

struct Crumb {
    std::string title, site_path;
};

// What every page has: the site, navigation, the page's own title and address.
// Optional extras for the page's <head>: a picture for link previews, structured data.
struct HeadExtras {
    std::string image;   // absolute URL
    std::string jsonld;  // a JSON-LD document
    std::string og_type = "website";
};

data frame(const Views& v, const std::string& path, const std::string& title, const std::string& description,
           const std::vector<Crumb>& crumbs, const char* template_name, const HeadExtras& head = {}) {
    const SiteConfig& config = v.config();
    const Urls& urls = v.urls();
    data d;
    data s;
    put(s, "title", config.title);
    put(s, "tagline", config.tagline);
    put(s, "description", config.description);
    put(s, "language", config.language);
    put(s, "base_path", urls.base_path());
    put(s, "home_url", urls.link(""));
    put(s, "assets_url", urls.link("assets/"));
    std::vector<data> stylesheets;
    for (const auto& file : v.stylesheets()) {
        data sheet;
        put(sheet, "url", urls.link("assets/" + file));
        stylesheets.push_back(std::move(sheet));
    }
    put(s, "stylesheets", list_of(std::move(stylesheets)));
    put(s, "feed_url", urls.link(feed_path));
    put(s, "search_url", urls.link("search/"));
    put(s, "search_index_url", urls.link(search_index_path));
    put(d, "site", std::move(s));

    std::vector<data> nav;
    for (const auto& link : config.nav) {
        data n;
        put(n, "title", link.title);
        bool internal = !link.url.empty() && link.url[0] == '/';
        put(n, "url", internal ? urls.link(link.url) : link.url);
        // The current section: the page is at or under the menu entry's address.
        bool current = internal && link.url.size() > 1 && ("/" + path).rfind(link.url, 0) == 0;
        put(n, "current", current);
        nav.push_back(std::move(n));
    }
    put(d, "nav", list_of(std::move(nav)));
    std::vector<data> commitment_theme_data;
    for (const auto& t : v.commitment_themes()) commitment_theme_data.push_back(v.commitment_theme_ref(t.id));
    put(d, "commitment_themes", list_of(std::move(commitment_theme_data)));

    data page;
    put(page, "title", title);
    put(page, "description", description.empty() ? config.description : description);
    put(page, "url", urls.link(path));
    put(page, "canonical", urls.absolute(path));
    put(page, "kind", template_name);  // the body's class: page-<template>
    put(page, "is_home", path.empty());
    put(page, "image", head.image);
    put(page, "jsonld", head.jsonld);
    put(page, "og_type", head.og_type);
    put(d, "page", std::move(page));

    std::vector<data> trail;
    if (!path.empty()) {
        data home;
        put(home, "title", "Home");
        put(home, "url", urls.link(""));
        trail.push_back(std::move(home));
    }
    for (const auto& c : crumbs) {
        data crumb;
        put(crumb, "title", c.title);
        put(crumb, "url", urls.link(c.site_path));
        trail.push_back(std::move(crumb));
    }
    put(d, "has_breadcrumbs", !trail.empty());
    put(d, "breadcrumbs", list_of(std::move(trail)));
    return d;
}

const Crumb institutions_crumb{"Institutions", "institutions/"};

std::vector<size_t> all_of(size_t n) {
    std::vector<size_t> out(n);
    for (size_t i = 0; i < n; ++i) out[i] = i;
    return out;
}

data home_page(const Views& v) {
    const Home& home = v.home();
    data d = frame(v, "", home.title, v.config().description, {}, template_of(PageKind::home), {"", website_jsonld(v)});
    put(d, "intro_html", v.md_site(home.body));
    std::vector<data> commitment_theme_data;
    for (const auto& t : v.commitment_themes()) commitment_theme_data.push_back(v.commitment_theme_summary(t));
    put(d, "themes", list_of(std::move(commitment_theme_data)));
    set_list(d, "institutions", v.cards(all_of(v.institution_count()), &Views::institution_card));
    set_list(d, "recent_case_studies", v.card_list(all_of(std::min<size_t>(3, v.case_study_count())), CardKind::case_study));
    set_list(d, "recent_career_stories",
             v.card_list(all_of(std::min<size_t>(3, v.career_story_count())), CardKind::career_story));
    data totals;
    size_t actions = 0;
    for (size_t p = 0; p < v.plan_count(); ++p) actions += v.plan(p).progress().total();
    put(totals, "institutions", std::to_string(v.institution_count()));
    put(totals, "profiles", std::to_string(v.profile_count()));
    put(totals, "plans", std::to_string(v.plan_count()));
    put(totals, "actions", std::to_string(actions));
    put(totals, "case_studies", std::to_string(v.case_study_count()));
    put(totals, "career_stories", std::to_string(v.career_story_count()));
    put(d, "totals", std::move(totals));
    return d;
}

data commitment_themes_index_page(const Views& v) {
    data d = frame(v, "themes/", "The four Commitment themes", "", {}, template_of(PageKind::commitment_themes_index));
    std::vector<data> commitment_theme_data;
    for (const auto& t : v.commitment_themes()) commitment_theme_data.push_back(v.commitment_theme_summary(t));
    put(d, "themes", list_of(std::move(commitment_theme_data)));
    return d;
}

data commitment_theme_page(const Views& v, size_t commitment_theme_index, const PageSlice& slice, const std::vector<size_t>& profiles) {
    const CommitmentTheme& t = v.commitment_themes()[commitment_theme_index];
    const CommitmentThemeMembers& members = v.commitment_theme_members(commitment_theme_index);
    data d = frame(v, site_path::commitment_theme(t.id), t.title, t.aim, {{"Themes", "themes/"}}, template_of(PageKind::commitment_theme));
    data summary = v.commitment_theme_summary(t);
    put(summary, "body_html", v.md_site(t.body));
    put(d, "theme", std::move(summary));
    // Every institution's actions under this theme, side by side, plan by plan.
    std::vector<data> institutions;
    for (size_t i = 0; i < v.institution_count(); ++i) {
        std::vector<data> plans;
        Progress inst_progress;
        for (size_t p : v.institution(i).plans) {
            std::vector<data> actions;
            for (const auto& ref : members.actions)
                if (ref.plan == p) actions.push_back(v.action_ref(ref));
            if (actions.empty()) continue;
            const Plan& plan = v.plan(p);
            Progress pp = plan.progress_for_commitment_theme(t.id);
            inst_progress.add(pp);
            data pd;
            put(pd, "title", plan.title);
            put(pd, "url", v.urls().link(v.path_of(plan)));
            put(pd, "progress", v.progress(pp));
            put(pd, "actions", list_of(std::move(actions)));
            plans.push_back(std::move(pd));
        }
        if (plans.empty()) continue;
        data inst = v.institution_ref(i);
        put(inst, "progress", v.progress(inst_progress));
        put(inst, "plans", list_of(std::move(plans)));
        institutions.push_back(std::move(inst));
    }
    put(d, "has_institutions", !institutions.empty());
    put(d, "institutions", list_of(std::move(institutions)));
    set_list(d, "profiles", v.card_list(profiles, CardKind::profile));
    put(d, "pagination", pagination_view(v.urls(), site_path::commitment_theme(t.id), slice, "technicians"));
    set_list(d, "case_studies", v.card_list(members.case_studies, CardKind::case_study));
    set_list(d, "career_stories", v.card_list(members.career_stories, CardKind::career_story));
    return d;
}

data institutions_index(const Views& v) {
    data d = frame(v, "institutions/", "Institutions", "", {}, template_of(PageKind::institutions_index));
    set_list(d, "institutions", v.cards(all_of(v.institution_count()), &Views::institution_card));
    return d;
}

data institution_page(const Views& v, size_t i, const PageSlice& slice, const std::vector<size_t>& profiles) {
    const Institution& inst = v.institution(i);
    std::string logo = v.picture_url(inst.origin, inst.logo);
    data d = frame(v, site_path::institution(inst), inst.name, plain_excerpt(inst.body, 160), {institutions_crumb},
                   template_of(PageKind::institution), {logo, institution_jsonld(v, i, logo)});
    data info = v.institution_card(i);
    put(info, "website", inst.website);
    put(info, "brand_colour", inst.brand_colour);
    put(info, "signatory_since", inst.signatory_since ? std::to_string(inst.signatory_since) : std::string());
    put(info, "summary_html", v.md(inst.body));
    put(d, "institution", std::move(info));
    set_list(d, "plans", v.cards(inst.plans, &Views::plan_card));
    set_list(d, "profiles", v.card_list(profiles, CardKind::profile));
    put(d, "pagination", pagination_view(v.urls(), site_path::institution(inst), slice, "technicians"));
    set_list(d, "case_studies", v.card_list(inst.case_studies, CardKind::case_study));
    set_list(d, "career_stories", v.card_list(inst.career_stories, CardKind::career_story));
    return d;
}

data plan_page(const Views& v, size_t p) {
    const Plan& plan = v.plan(p);
    const Institution& inst = v.institution(plan.institution);
    data d = frame(v, v.path_of(plan), plan.title, inst.name + ": " + plan.title,
                   {institutions_crumb, {inst.short_name, site_path::institution(inst)}}, template_of(PageKind::plan));
    data info = v.plan_card(p);
    put(info, "intro_html", v.md(plan.intro));
    put(info, "adopted", plan.adopted ? plan.adopted->display() : std::string());
    put(d, "plan", std::move(info));
    put(d, "institution", v.institution_ref(plan.institution));
    put(d, "labels", v.plan_labels(plan));
    put(d, "history", plan_history_view(v, plan));
    put(d, "downloads", plan_downloads_view(v, plan));

    // Actions grouped as the plan groups them; ungrouped actions first, under no heading.
    std::vector<data> groups;
    auto top_level_in = [&](const std::string& group_id) {
        std::vector<data> actions;
        for (size_t a = 0; a < plan.actions.size(); ++a) {
            const Action& act = plan.actions[a];
            if (act.is_top_level() && act.group == group_id) actions.push_back(v.action(plan, a, true));
        }
        return actions;
    };
    auto add_group = [&](const PlanGroup* g, std::vector<data> actions) {
        if (actions.empty() && !g) return;
        data gd;
        put(gd, "has_title", g != nullptr);
        if (g) {
            put(gd, "id", g->id);
            put(gd, "anchor", "group-" + slugify(g->id));
            put(gd, "title", g->title);
            put(gd, "aim_html", g->aim.empty() ? std::string() : v.md(g->aim));
            put(gd, "themes", v.commitment_theme_refs(g->commitment_themes));
        }
        put(gd, "actions", list_of(std::move(actions)));
        groups.push_back(std::move(gd));
    };
    add_group(nullptr, top_level_in(""));
    for (const auto& g : plan.groups) add_group(&g, top_level_in(g.id));
    put(d, "groups", list_of(std::move(groups)));

    std::vector<data> glossary, phases, statuses, flags;
    for (const auto& g : plan.glossary) {
        data e;
        put(e, "abbr", g.abbr);
        put(e, "meaning", g.meaning);
        glossary.push_back(std::move(e));
    }
    for (const auto& ph : plan.phases) {
        data e;
        put(e, "id", ph.id);
        put(e, "label", ph.label);
        put(e, "dates", ph.dates);
        phases.push_back(std::move(e));
    }
    for (const auto& s : plan.statuses) {
        data e;
        put(e, "label", s.label);
        put(e, "rag", rag_name(s.rag));
        put(e, "rag_word", rag_word(s.rag));
        statuses.push_back(std::move(e));
    }
    for (const auto& f : plan.flags) {
        data e;
        put(e, "mark", f.mark);
        put(e, "label", f.label);
        flags.push_back(std::move(e));
    }
    put(d, "has_key", !glossary.empty() || !phases.empty() || !statuses.empty() || !flags.empty());
    set_list(d, "glossary", list_of(std::move(glossary)));
    set_list(d, "phases", list_of(std::move(phases)));
    set_list(d, "statuses", list_of(std::move(statuses)));
    set_list(d, "flags", list_of(std::move(flags)));
    return d;
}

data profile_page(const Views& v, size_t i) {
    const Profile& p = v.profile(i);
    const Institution& inst = v.institution(p.institution);
    std::string photo = v.picture_url(p.origin, p.photo);
    data d = frame(v, v.path_of(p), p.name, p.summary.empty() ? p.role + ", " + inst.name : p.summary,
                   {{"Technicians", "technicians/"}}, template_of(PageKind::profile), {photo, profile_jsonld(v, i, photo), "profile"});
    data info = v.profile_card(i);
    put(info, "orcid", p.orcid);
    put(info, "orcid_url", p.orcid.empty() ? std::string() : "https://orcid.org/" + p.orcid);
    put(info, "email", p.email);
    put(info, "email_url", p.email.empty() ? std::string() : "mailto:" + p.email);
    put(info, "body_html", v.md(p.body));
    std::vector<data> skills, regs, awards, links;
    for (const auto& s : p.skills) {
        data e;
        put(e, "name", s);
        put(e, "url", v.urls().link(site_path::term("skills", term_slug(s))));
        skills.push_back(std::move(e));
    }
    for (const auto& r : p.registrations) {
        data e;
        put(e, "name", r);
        const Registration* reg = find_registration(r);
        put(e, "full_name", reg ? reg->full_name : r);
        put(e, "body", reg ? reg->body : "");
        put(e, "url", v.urls().link(site_path::term("registrations", term_slug(r))));
        regs.push_back(std::move(e));
    }
    for (const auto& a : p.awards) awards.push_back(data(a));
    for (const auto& l : p.links) {
        data e;
        put(e, "title", l.title);
        put(e, "url", l.url);
        links.push_back(std::move(e));
    }
    set_list(info, "skills", list_of(std::move(skills)));
    set_list(info, "registrations", list_of(std::move(regs)));
    set_list(info, "awards", list_of(std::move(awards)));
    set_list(info, "links", list_of(std::move(links)));
    put(d, "profile", std::move(info));
    set_list(d, "case_studies", v.card_list(p.case_studies, CardKind::case_study));
    set_list(d, "career_stories", v.card_list(p.career_stories, CardKind::career_story));
    return d;
}

data case_study_page(const Views& v, size_t i) {
    const CaseStudy& c = v.case_study(i);
    std::string image = v.picture_url(c.origin, c.image);
    data d = frame(v, v.path_of(c), c.title, c.summary, {{"Case studies", "case-studies/"}},
                   template_of(PageKind::case_study), {image, case_study_jsonld(v, i, image), "article"});
    data info = v.case_study_card(i);
    put(info, "body_html", v.md(c.body));
    put(d, "case_study", std::move(info));
    set_list(d, "technicians", v.card_list(c.technicians, CardKind::profile));
    return d;
}

data career_story_page(const Views& v, size_t i) {
    const CareerStory& s = v.career_story(i);
    data d = frame(v, v.path_of(s), s.title, s.summary, {{"Career stories", "career-stories/"}},
                   template_of(PageKind::career_story), {"", career_story_jsonld(v, i), "article"});
    data info = v.career_story_card(i);
    put(info, "person", s.person);
    put(info, "body_html", v.md(s.body));
    std::vector<data> stages;
    for (const auto& st : s.stages) {
        data e;
        put(e, "when", st.when);
        put(e, "title", st.title);
        put(e, "description_html", st.description.empty() ? std::string() : v.md_inline(st.description));
        stages.push_back(std::move(e));
    }
    set_list(info, "stages", list_of(std::move(stages)));
    put(d, "career_story", std::move(info));
    put(d, "technician", s.technician ? v.card_with_html(CardKind::profile, *s.technician) : data(false));
    return d;
}

// An index page: sections of cards, e.g. technicians grouped by institution.
data listing(const Views& v, const std::string& path, const std::string& title, const std::string& intro,
             std::vector<data> sections, const std::vector<Crumb>& crumbs = {}) {
    data d = frame(v, path, title, intro, crumbs, list_template);
    put(d, "intro", intro);
    put(d, "all_actions_url", "");
    put(d, "directory", false);
    put(d, "is_directory", false);
    put(d, "pagination", false);
    set_list(d, "sections", list_of(std::move(sections)));
    return d;
}

data section(const std::string& title, const std::string& url, data items) {
    data s;
    put(s, "title", title);
    put(s, "has_title", !title.empty());
    put(s, "url", url);
    put(s, "items", std::move(items));
    return s;
}

// Page 2 onwards of a long list: its cards under the owner's breadcrumbs, with the list's
// navigation. (Page 1 is the owner's own page: the institution, the theme, the skill …)
data later_page(const Views& v, const std::string& list_path, const PageSlice& slice, const std::string& title,
                std::vector<Crumb> crumbs, std::vector<data> sections, const std::string& items_name) {
    std::string heading = title + ", page " + std::to_string(slice.number) + " of " + std::to_string(slice.pages);
    data d = listing(v, page_of_list(list_path, slice.number), heading, "", std::move(sections), crumbs);
    put(d, "pagination", pagination_view(v.urls(), list_path, slice, items_name));
    return d;
}

std::vector<data> one_section(data items) {
    std::vector<data> sections;
    sections.push_back(section("", "", std::move(items)));
    return sections;
}

// Every institution's `member` items (its profiles, its plans), institution by institution.
template <typename Member>
std::vector<size_t> in_institution_order(const std::vector<Institution>& institutions, Member member) {
    std::vector<size_t> out;
    for (const auto& inst : institutions) out.insert(out.end(), (inst.*member).begin(), (inst.*member).end());
    return out;
}

size_t institution_of(const Views& v, CardKind kind, size_t i) {
    switch (kind) {
        case CardKind::profile:
        case CardKind::directory_profile: return v.profile(i).institution;
        case CardKind::case_study: return v.case_study(i).institution;
        case CardKind::career_story: return v.career_story(i).institution;
        case CardKind::plan: break;
    }
    return v.plan(i).institution;
}

std::vector<size_t> plans_in_institution_order(const Views& v) {
    std::vector<size_t> out;
    for (size_t i = 0; i < v.institution_count(); ++i) {
        const auto& plans = v.institution(i).plans;
        out.insert(out.end(), plans.begin(), plans.end());
    }
    return out;
}

// Cards in a section for each institution, headed by its name; `items` come in
// institution order (in_institution_order, or a page of it).
std::vector<data> sections_by_institution(const Views& v, const std::vector<size_t>& items, CardKind kind) {
    std::vector<data> sections;
    for (size_t k = 0; k < items.size();) {
        size_t i = institution_of(v, kind, items[k]);
        std::vector<size_t> run;
        for (; k < items.size() && institution_of(v, kind, items[k]) == i; ++k) run.push_back(items[k]);
        const Institution& inst = v.institution(i);
        sections.push_back(section(inst.name, v.urls().link(site_path::institution(inst)), v.card_list(run, kind)));
    }
    return sections;
}

data taxonomy_index(const Views& v, Fact which, const std::string& intro) {
    const Taxonomy& tax = v.taxonomy(which);
    data d = frame(v, tax.slug + "/", tax.title, intro, {}, template_of(PageKind::taxonomy));
    put(d, "intro", intro);
    std::vector<data> terms;
    for (const auto& t : tax.terms) {
        data e;
        put(e, "name", t.name);
        put(e, "url", v.urls().link(site_path::term(tax.slug, t.slug)));
        put(e, "count", std::to_string(t.profiles.size() + t.actions.size()));
        if (const Registration* r = find_registration(t.name); r && tax.slug == "registrations")
            put(e, "description", r->full_name + " (" + r->body + ")");
        terms.push_back(std::move(e));
    }
    set_list(d, "terms", list_of(std::move(terms)));
    return d;
}

std::string term_title(const Taxonomy& tax, const Term& t) {
    return tax.slug == "talent" ? "TALENT recommendation " + t.name : t.name;
}

data term_page(const Views& v, Fact which, size_t term, const PageSlice& slice, const std::vector<size_t>& profiles) {
    const Taxonomy& tax = v.taxonomy_name(which);
    const Term& t = v.term(which, term);
    std::string title = term_title(tax, t);
    std::string description;
    if (const Registration* r = find_registration(t.name); r && tax.slug == "registrations")
        description = r->full_name + ", awarded by the " + r->body + ".";
    data d = frame(v, site_path::term(tax.slug, t.slug), title, description, {{tax.title, tax.slug + "/"}}, template_of(PageKind::term));
    put(d, "name", t.name);
    put(d, "description", description);
    put(d, "taxonomy_title", tax.title);
    put(d, "taxonomy_url", v.urls().link(tax.slug + "/"));
    set_list(d, "profiles", v.card_list(profiles, CardKind::profile));
    put(d, "pagination", pagination_view(v.urls(), site_path::term(tax.slug, t.slug), slice, "technicians"));
    std::vector<data> actions;
    for (const auto& ref : t.actions) actions.push_back(v.action_ref(ref));
    set_list(d, "actions", list_of(std::move(actions)));
    put(d, "has_entries", !t.profiles.empty() || !t.actions.empty());
    return d;
}

// The accessibility statement, in the structure of the GOV.UK model statement.
data accessibility_page(const Views& v) {
    const SiteConfig& config = v.config();
    const AccessibilityStatement& a = config.accessibility;
    data d = frame(v, "accessibility/", "Accessibility statement", "How accessible " + config.title + " is, and how to tell us about a problem.", {}, template_of(PageKind::accessibility));
    put(d, "organisation", a.organisation.empty() ? config.title : a.organisation);
    put(d, "contact_email", a.contact_email);
    put(d, "contact_url", a.contact_email.empty() ? std::string() : "mailto:" + a.contact_email);
    put(d, "site_url", v.urls().absolute(""));
    put(d, "is_full", a.compliance == "full");
    put(d, "is_partial", a.compliance == "partial");
    put(d, "is_none", a.compliance == "none");
    put(d, "last_reviewed", a.last_reviewed ? a.last_reviewed->display() : std::string());
    put(d, "prepared", a.prepared ? a.prepared->display() : std::string());
    std::vector<data> issues;
    for (const auto& issue : a.known_issues) issues.push_back(data(v.md_inline(issue)));
    set_list(d, "known_issues", list_of(std::move(issues)));
    return d;
}

// The technician directory's filters: each choice with its value (the slug a profile
// card's data- attribute holds), its page (the plain list it stands for without
// JavaScript) and how many technicians it has. Choices without technicians are left out.
data directory_filters(const Views& v) {
    auto choice = [&](const std::string& name, const std::string& value, const std::string& path, size_t count) {
        data c;
        put(c, "name", name);
        put(c, "value", value);
        put(c, "url", v.urls().link(path));
        put(c, "count", std::to_string(count));
        return c;
    };
    std::vector<data> institutions, commitment_theme_data;
    for (size_t i = 0; i < v.institution_count(); ++i)
        if (const Institution& inst = v.institution(i); !inst.profiles.empty())
            institutions.push_back(choice(inst.name, inst.slug, site_path::institution(inst), inst.profiles.size()));
    const auto& commitment_themes = v.commitment_themes();
    for (size_t t = 0; t < commitment_themes.size(); ++t)
        if (size_t n = v.commitment_theme_members(t).profiles.size())
            commitment_theme_data.push_back(choice(commitment_themes[t].title, commitment_themes[t].id, site_path::commitment_theme(commitment_themes[t].id), n));
    auto terms = [&](const Taxonomy& tax) {
        std::vector<data> out;
        for (const auto& t : tax.terms)
            if (!t.profiles.empty()) out.push_back(choice(t.name, t.slug, site_path::term(tax.slug, t.slug), t.profiles.size()));
        return list_of(std::move(out));
    };
    data d;
    put(d, "total", std::to_string(v.profile_count()));
    set_list(d, "institutions", list_of(std::move(institutions)));
    set_list(d, "themes", list_of(std::move(commitment_theme_data)));
    set_list(d, "skills", terms(v.taxonomy(Fact::skills)));
    set_list(d, "registrations", terms(v.taxonomy(Fact::registrations)));
    return d;
}

// A directory that is not filterable (directory_is_filterable) is browsed by the lists of
// its filters instead.
data technicians_directory(const Views& v, const PageSlice& slice, const std::vector<size_t>& profiles) {
    bool filterable = v.directory_is_filterable();
    data d = listing(v, "technicians/", "Technicians", "Technicians from every institution on this site, in their own words.",
                     sections_by_institution(v, profiles, filterable ? CardKind::directory_profile : CardKind::profile));
    data filters = directory_filters(v);
    put(filters, "filterable", filterable);
    put(d, "directory", std::move(filters));
    put(d, "is_directory", true);
    put(d, "pagination", pagination_view(v.urls(), "technicians/", slice, "technicians"));
    return d;
}

data search_page(const Views& v) {
    return frame(v, "search/", "Search", "Search technician profiles, case studies, career stories and actions in plans.",
                 {}, template_of(PageKind::search));
}

}  // namespace

namespace {

// One row per kind of output page: the template it is rendered with (page 1 of a long
// list; its later pages use list_template). Builders, list_pages and the theme's
// required templates all take the name from here.
struct PageKindRow {
    PageKind kind;
    const char* template_name;
};
constexpr PageKindRow page_kinds[] = {
    {PageKind::home, "home"},
    {PageKind::commitment_themes_index, "themes"},
    {PageKind::commitment_theme, "theme"},
    {PageKind::institutions_index, "institutions"},
    {PageKind::institution, "institution"},
    {PageKind::plan, "plan"},
    {PageKind::profile, "profile"},
    {PageKind::case_study, "case-study"},
    {PageKind::career_story, "career-story"},
    {PageKind::technicians, list_template},
    {PageKind::search, "search"},
    {PageKind::case_studies, list_template},
    {PageKind::career_stories, list_template},
    {PageKind::plans, list_template},
    {PageKind::taxonomy, "terms"},
    {PageKind::term, "term"},
    {PageKind::page, "page"},
    {PageKind::accessibility, "accessibility"},
    {PageKind::not_found, "404"},
};
constexpr bool rows_in_kind_order() {
    for (size_t i = 0; i < std::size(page_kinds); ++i)
        if (static_cast<size_t>(page_kinds[i].kind) != i) return false;
    return std::size(page_kinds) == static_cast<size_t>(PageKind::not_found) + 1;
}
static_assert(rows_in_kind_order(), "page_kinds: one row per PageKind, in the enum's order");

}  // namespace

const char* template_of(PageKind kind) { return page_kinds[static_cast<size_t>(kind)].template_name; }

const std::vector<std::string>& required_templates() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (const auto& row : page_kinds)
            if (std::find(all.begin(), all.end(), row.template_name) == all.end()) all.push_back(row.template_name);
        return all;
    }();
    return names;
}

std::string output_file(const std::string& site_path) {
    if (site_path.empty()) return "index.html";
    if (site_path.back() == '/') return site_path + "index.html";
    return site_path;
}

namespace {

using PageBuilder = std::function<data(const Views&)>;
// A long list's pages: page 1 made by `first`, the owner's own page; the others by
// `later`, the list template. Each page's job holds the items it shows.
using FirstPage = std::function<data(const Views&, const PageSlice&, const std::vector<size_t>&)>;
using LaterPage = std::function<data(const Views&, const PageSlice&, std::vector<size_t>)>;
// The name and breadcrumbs (ending with the owner's own page) that page 2 onwards of an
// institution's, a theme's or a term's technicians are shown under, read as it renders.
using Owner = std::function<std::pair<std::string, std::vector<Crumb>>(const Views&)>;

LaterPage later_technicians(Owner owner, std::string path) {
    return [owner, path](const Views& v, const PageSlice& slice, std::vector<size_t> items) {
        auto [name, crumbs] = owner(v);
        return later_page(v, path, slice, name + ": technicians", crumbs, one_section(v.card_list(items, CardKind::profile)),
                          "technicians");
    };
}

// The output pages, added in the order list_pages gives them.
struct PageLister {
    const Site& site;
    const SiteIndex& index;
    std::vector<PageJob> jobs;

    PageJob& add(PageKind kind, size_t item, std::string path, PageBuilder build, std::optional<Date> lastmod = std::nullopt,
                 std::string source = {}) {
        PageJob& job = jobs.emplace_back();
        job.site_path = std::move(path);
        job.build = std::move(build);
        job.lastmod = lastmod;
        job.source = std::move(source);
        job.kind = kind;
        job.item = item;
        return job;
    }
    void add_paged(PageKind kind, size_t item, const std::string& path, const std::vector<size_t>& all, FirstPage first,
                   LaterPage later, std::string source = {}, CardKind listed = CardKind::profile) {
        for (const PageSlice& slice : paginate(all.size(), static_cast<size_t>(site.config.cards_per_page))) {
            std::vector<size_t> items = items_on(all, slice);
            PageBuilder build;
            if (slice.is_first()) build = [first, slice, items](const Views& v) { return first(v, slice, items); };
            else build = [later, slice, items](const Views& v) { return later(v, slice, items); };
            PageJob& job = add(kind, item, page_of_list(path, slice.number), std::move(build), std::nullopt, source);
            job.slice = slice;
            job.items = std::move(items);
            job.listed = listed;
        }
    }

    void add_commitment_themes();
    void add_institutions();
    void add_items();  // plans, profiles, case studies, career stories: a page each
    void add_lists();  // every technician, case study, career story, plan
    void add_taxonomies();
    void add_standalone_pages();
};

void PageLister::add_commitment_themes() {
    add(PageKind::commitment_themes_index, 0, "themes/", commitment_themes_index_page);
    for (size_t i = 0; i < site.commitment_themes.size(); ++i) {
        const CommitmentTheme& t = site.commitment_themes[i];
        std::string path = site_path::commitment_theme(t.id);
        Owner owner = [i, path](const Views& v) -> std::pair<std::string, std::vector<Crumb>> {
            const std::string& title = v.commitment_themes()[i].title;
            return {title, {{"Themes", "themes/"}, {title, path}}};
        };
        add_paged(PageKind::commitment_theme, i, path, index.by_commitment_theme.at(t.id).profiles,
                  [i](const Views& v, const PageSlice& slice, const std::vector<size_t>& items) { return commitment_theme_page(v, i, slice, items); },
                  later_technicians(owner, path), t.origin.path);
    }
}

void PageLister::add_institutions() {
    add(PageKind::institutions_index, 0, "institutions/", institutions_index);
    for (size_t i = 0; i < site.institutions.size(); ++i) {
        const Institution& inst = site.institutions[i];
        std::string path = site_path::institution(inst);
        Owner owner = [i, path](const Views& v) -> std::pair<std::string, std::vector<Crumb>> {
            const Institution& inst = v.institution(i);
            return {inst.name, {institutions_crumb, {inst.short_name, path}}};
        };
        add_paged(PageKind::institution, i, path, inst.profiles,
                  [i](const Views& v, const PageSlice& slice, const std::vector<size_t>& items) { return institution_page(v, i, slice, items); },
                  later_technicians(owner, path), inst.origin.path);
    }
}

void PageLister::add_items() {
    for (size_t i = 0; i < site.plans.size(); ++i)
        add(PageKind::plan, i, site_path::plan(site, site.plans[i]), [i](const Views& v) { return plan_page(v, i); },
            site.plans[i].last_changed(), site.plans[i].origin.path);
    for (size_t i = 0; i < site.profiles.size(); ++i)
        add(PageKind::profile, i, site_path::profile(site, site.profiles[i]), [i](const Views& v) { return profile_page(v, i); },
            site.profiles[i].date, site.profiles[i].origin.path);
    for (size_t i = 0; i < site.case_studies.size(); ++i)
        add(PageKind::case_study, i, site_path::case_study(site, site.case_studies[i]), [i](const Views& v) { return case_study_page(v, i); },
            site.case_studies[i].date, site.case_studies[i].origin.path);
    for (size_t i = 0; i < site.career_stories.size(); ++i)
        add(PageKind::career_story, i, site_path::career_story(site, site.career_stories[i]),
            [i](const Views& v) { return career_story_page(v, i); }, site.career_stories[i].date, site.career_stories[i].origin.path);
}

void PageLister::add_lists() {
    add_paged(PageKind::technicians, 0, "technicians/", in_institution_order(site.institutions, &Institution::profiles), technicians_directory,
              [](const Views& v, const PageSlice& slice, std::vector<size_t> items) {
                  return later_page(v, "technicians/", slice, "Technicians", {{"Technicians", "technicians/"}},
                                    sections_by_institution(v, items, CardKind::profile), "technicians");
              });
    add(PageKind::search, 0, "search/", search_page);
    // Case studies and career stories: one list each, newest first.
    struct StoryList {
        PageKind kind;
        CardKind cards;
        const char *path, *title, *intro, *items_name;
        size_t count;
    };
    const StoryList story_lists[] = {
        {PageKind::case_studies, CardKind::case_study, "case-studies/", "Case studies",
         "What technicians and institutions have done, newest first.", "case studies", site.case_studies.size()},
        {PageKind::career_stories, CardKind::career_story, "career-stories/", "Career stories",
         "How technicians got where they are, newest first.", "career stories", site.career_stories.size()}};
    for (const StoryList& list : story_lists)
        add_paged(list.kind, 0, list.path, all_of(list.count),
                  [list](const Views& v, const PageSlice& slice, const std::vector<size_t>& items) {
                      data d = listing(v, list.path, list.title, list.intro, one_section(v.card_list(items, list.cards)));
                      put(d, "pagination", pagination_view(v.urls(), list.path, slice, list.items_name));
                      return d;
                  },
                  [list](const Views& v, const PageSlice& slice, std::vector<size_t> items) {
                      return later_page(v, list.path, slice, list.title, {{list.title, list.path}},
                                        one_section(v.card_list(items, list.cards)), list.items_name);
                  },
                  {}, list.cards);
    add(PageKind::plans, 0, "plans/", [](const Views& v) {
        data d = listing(v, "plans/", "Action plans", "Every institution's Technician Commitment action plans, with progress.",
                         sections_by_institution(v, plans_in_institution_order(v), CardKind::plan));
        put(d, "all_actions_url", v.urls().link(all_actions_csv_path));
        return d;
    });
}

void PageLister::add_taxonomies() {
    const std::tuple<Fact, const Taxonomy*, std::string> taxonomies[] = {
        {Fact::skills, &index.skills, "Skills that technicians on this site bring to their work."},
        {Fact::registrations, &index.registrations, "Professional registrations held by technicians on this site, from the Science Council and the Engineering Council."},
        {Fact::talent, &index.talent, "The TALENT Commission's recommendations, R1 to R16, and the actions in institutions' plans that cite each."}};
    for (const auto& [taxonomy_fact, taxonomy, introduction] : taxonomies) {
        // Plain copies: lambdas may not capture structured bindings before C++20's P1091 (clang 14).
        const Fact which = taxonomy_fact;
        const Taxonomy* tax = taxonomy;
        const std::string intro = introduction;
        add(PageKind::taxonomy, 0, tax->slug + "/", [which, intro](const Views& v) { return taxonomy_index(v, which, intro); });
        for (size_t t = 0; t < tax->terms.size(); ++t) {
            std::string path = site_path::term(tax->slug, tax->terms[t].slug);
            Owner owner = [which, t, path](const Views& v) -> std::pair<std::string, std::vector<Crumb>> {
                const Taxonomy& named = v.taxonomy_name(which);
                std::string title = term_title(named, v.term(which, t));
                return {title, {{named.title, named.slug + "/"}, {title, path}}};
            };
            add_paged(PageKind::term, t, path, tax->terms[t].profiles,
                      [which, t](const Views& v, const PageSlice& slice, const std::vector<size_t>& items) {
                          return term_page(v, which, t, slice, items);
                      },
                      later_technicians(owner, path));
        }
    }
}

void PageLister::add_standalone_pages() {
    for (size_t i = 0; i < site.standalone_pages.size(); ++i) {
        const StandalonePage& listed_page = site.standalone_pages[i];
        add(PageKind::page, i, listed_page.slug + "/", [i](const Views& v) {
            const StandalonePage& page = v.standalone_page(i);
            data d = frame(v, page.slug + "/", page.title, page.description, {}, template_of(PageKind::page));
            put(d, "body_html", v.md_site(page.body));
            return d;
        }, std::nullopt, listed_page.origin.path);
    }
    add(PageKind::accessibility, 0, "accessibility/", accessibility_page);
    add(PageKind::not_found, 0, "404.html",
        [](const Views& v) { return frame(v, "404.html", "Page not found", "", {}, template_of(PageKind::not_found)); });
}

}  // namespace

std::vector<PageJob> list_pages(const Site& site, const SiteIndex& index) {
    PageLister pages{site, index, {}};
    pages.add(PageKind::home, 0, "", home_page, std::nullopt, "index.md");
    pages.add_commitment_themes();
    pages.add_institutions();
    pages.add_items();
    pages.add_lists();
    pages.add_taxonomies();
    pages.add_standalone_pages();
    return std::move(pages.jobs);
}

}  // namespace techpages
