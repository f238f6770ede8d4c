// The value of every read the model can give, named so pages' reads outlive the build.
#include "incremental/read_values.h"

#include <algorithm>

#include "load/content_tree.h"
#include "render/cards.h"
#include "render/urls.h"

namespace techpages {

namespace {

// A read of something this build cannot name: the page is never kept.
constexpr uint32_t unnamed = UINT32_MAX;

template <typename Item>
void add_paths(Hasher& h, const std::vector<size_t>& items, const std::vector<Item>& all) {
    h.add(items.size());
    for (size_t i : items) h.add(all[i].origin.path);
}

void add_actions(Hasher& h, const Site& site, const std::vector<ActionRef>& actions) {
    h.add(actions.size());
    for (const auto& ref : actions) h.add(site.plans[ref.plan].origin.path).add(ref.action);
}

void add_progress(Hasher& h, const Progress& p) { h.add(p.green).add(p.amber).add(p.red).add(p.none); }

}  // namespace

void ReadValues::add(ReadNames& names, Fact fact, std::string key, const Digest& value) {
    uint32_t id = names.intern(std::string(fact_name(fact)) + ":" + key);
    ids_[fact_index(fact)].push_back(id);
    if (values_.size() <= id) values_.resize(names.names.size());
    values_[id] = value;
}

ReadValues::ReadValues(const Site& site, const SiteIndex& index, const InputFiles& files, const Digest& settings,
                       ReadNames& names)
    : site_(site), files_(files) {
    values_.resize(names.names.size());
    Hasher g;
    g.add(settings).add(file("site.toml"));
    // Templates (the theme's and the site's own) shape every page; Commitment themes are
    // named in every page's navigation.
    for (const auto& [key, stamp] : files)
        if (key.rfind(visual_theme_prefix, 0) == 0 || key.rfind("templates/", 0) == 0 || key.rfind("commitment-themes/", 0) == 0)
            g.add(key).add(stamp.hash);
    global_ = g.value();
    add(names, Fact::site_wide, "", global_);
    add(names, Fact::home, "", file("index.md"));
    add_records(names);
    add_lists(names, index);
    // Cards: their values come when they have rendered (set_card).
    for (CardKind kind : card_kinds)
        for (size_t i = 0; i < card_count(site, kind); ++i) add(names, card_fact(kind), card_origin(site, kind, i).path, Digest{});
}

// Each item's own file and picture, and the lists of other items linked to it.
Digest ReadValues::file(const std::string& content_path) const {
    auto it = files_.find(content_path);
    return it == files_.end() ? Digest{} : it->second.hash;
}

void ReadValues::add_records(ReadNames& names) {
    const Site& site = site_;
    auto picture = [&](const Origin& origin, const std::string& name) {
        return name.empty() ? Digest{} : file(site_path::asset_beside(origin.path, name));
    };
    auto institution_path = [&](size_t i) -> const std::string& { return site.institutions[i].origin.path; };
    for (const auto& p : site.standalone_pages) add(names, Fact::standalone_page, p.origin.path, file(p.origin.path));
    for (const auto& inst : site.institutions) {
        Hasher h;
        h.add(file(inst.origin.path)).add(picture(inst.origin, inst.logo));
        add_paths(h, inst.profiles, site.profiles);
        add_paths(h, inst.case_studies, site.case_studies);
        add_paths(h, inst.career_stories, site.career_stories);
        add_paths(h, inst.plans, site.plans);
        add(names, Fact::institution, inst.origin.path, h.value());
    }
    for (const auto& p : site.profiles) {
        Hasher h;
        h.add(file(p.origin.path)).add(picture(p.origin, p.photo)).add(institution_path(p.institution));
        add_paths(h, p.case_studies, site.case_studies);
        add_paths(h, p.career_stories, site.career_stories);
        add(names, Fact::profile, p.origin.path, h.value());
    }
    for (const auto& c : site.case_studies) {
        Hasher h;
        h.add(file(c.origin.path)).add(picture(c.origin, c.image)).add(institution_path(c.institution));
        add_paths(h, c.technicians, site.profiles);
        add(names, Fact::case_study, c.origin.path, h.value());
    }
    for (const auto& s : site.career_stories) {
        Hasher h;
        h.add(file(s.origin.path)).add(institution_path(s.institution));
        // The person's name comes from the technician's profile when the story leaves it out.
        if (s.technician) h.add(site.profiles[*s.technician].origin.path).add(file(site.profiles[*s.technician].origin.path));
        add(names, Fact::career_story, s.origin.path, h.value());
    }
    for (const auto& p : site.plans) add(names, Fact::plan, p.origin.path, Hasher().add(file(p.origin.path)).add(institution_path(p.institution)).value());
}

// Which items the site has, in order, and what is under each theme and term.
void ReadValues::add_lists(ReadNames& names, const SiteIndex& index) {
    const Site& site = site_;
    auto all = [&](Fact fact, const auto& items) {
        Hasher h;
        h.add(items.size());
        for (const auto& item : items) h.add(item.origin.path);
        add(names, fact, "", h.value());
    };
    all(Fact::all_institutions, site.institutions);
    all(Fact::all_profiles, site.profiles);
    all(Fact::all_case_studies, site.case_studies);
    all(Fact::all_career_stories, site.career_stories);
    all(Fact::all_plans, site.plans);
    for (const auto& t : site.commitment_themes) {
        const CommitmentThemeMembers& m = index.by_commitment_theme.at(t.id);
        Hasher h;
        add_paths(h, m.profiles, site.profiles);
        add_paths(h, m.case_studies, site.case_studies);
        add_paths(h, m.career_stories, site.career_stories);
        add_actions(h, site, m.actions);
        add_progress(h, m.progress);
        add(names, Fact::commitment_theme, t.id, h.value());
    }
    auto term_value = [&](const Term& t) {
        Hasher h;
        h.add(t.slug).add(t.name);
        add_paths(h, t.profiles, site.profiles);
        add_actions(h, site, t.actions);
        return h.value();
    };
    for (Fact which : {Fact::skills, Fact::registrations, Fact::talent}) {
        const Taxonomy& tax = which == Fact::skills ? index.skills : which == Fact::registrations ? index.registrations : index.talent;
        Hasher whole;
        for (const auto& t : tax.terms) {
            Digest value = term_value(t);
            whole.add(value);
            add(names, term_fact(which), tax.slug + "/" + t.slug, value);
        }
        add(names, which, "", whole.value());
    }
}

std::vector<uint32_t> ReadValues::ids(const ReadLog& log) const {
    std::vector<uint32_t> out;
    out.reserve(log.reads().size());
    for (const Read& r : log.reads()) {
        const auto& of_fact = ids_[fact_index(r.fact)];
        out.push_back(r.index < of_fact.size() ? of_fact[r.index] : unnamed);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Digest ReadValues::digest(const std::vector<uint32_t>& ids) const {
    Hasher h;
    for (uint32_t id : ids) {
        if (id == unnamed) return Digest{};  // not known(): never the same as before
        h.add(id < values_.size() ? values_[id] : Digest{});
    }
    return h.value();
}

Digest ReadValues::item(CardKind kind, size_t i) const {
    Fact record = kind == CardKind::case_study     ? Fact::case_study
                  : kind == CardKind::career_story ? Fact::career_story
                  : kind == CardKind::plan         ? Fact::plan
                                                   : Fact::profile;
    size_t inst = card_institution(site_, kind, i);
    return Hasher()
        .add(global_)
        .add(values_[ids_[fact_index(record)][i]])
        .add(values_[ids_[fact_index(Fact::institution)][inst]])
        .value();
}

Digest ReadValues::card(const std::vector<uint32_t>& ids) const {
    Digest reads = digest(ids);
    return reads.known() ? Hasher().add(global_).add(reads).value() : reads;
}

Digest ReadValues::page(const PageJob& job, const std::vector<uint32_t>& ids) const {
    Digest reads = digest(ids);
    if (!reads.known()) return reads;
    Hasher h;
    h.add(global_).add(static_cast<uint64_t>(job.kind)).add(job.site_path).add(job.template_name());
    h.add(job.slice.number).add(job.slice.pages).add(job.slice.total);
    h.add(job.items.size());
    for (size_t i : job.items) h.add(card_origin(site_, job.listed, i).path);
    return h.add(reads).value();
}

}  // namespace techpages
