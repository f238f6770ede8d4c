#include "incremental/page_dependencies.h"

#include "render/urls.h"
#include "util/hash.h"

namespace techpages {

namespace {

void add_progress(Hasher& h, const Progress& p) { h.add(p.green).add(p.amber).add(p.red).add(p.none); }

}  // namespace

Digest PageDependencies::file(const std::string& content_path) const {
    auto it = files_.find(content_path);
    return it == files_.end() ? Digest{} : it->second.hash;
}

PageDependencies::PageDependencies(const Site& site, const SiteIndex& index, const InputFiles& files, const Digest& settings)
    : site_(site), index_(index), files_(files) {
    Hasher g;
    g.add(settings).add(file("site.toml"));
    // Templates (the theme's and the site's own) shape every page; Commitment themes are
    // named in every page's navigation.
    for (const auto& [key, stamp] : files)
        if (key.rfind(theme_prefix, 0) == 0 || key.rfind("templates/", 0) == 0 || key.rfind("commitment-themes/", 0) == 0)
            g.add(key).add(stamp.hash);
    global_ = g.value();

    // Cards are HTML made with the templates: they depend on what every page does.
    auto photo = [&](const Origin& origin, const std::string& name) {
        return name.empty() ? Digest{} : file(site_path::asset_beside(origin.path, name));
    };
    std::vector<Digest> institution_files;  // looked up once, not once per profile
    for (const auto& inst : site.institutions) institution_files.push_back(file(inst.origin.path));
    auto institution_file = [&](size_t i) { return institution_files[i]; };
    for (const auto& p : site.profiles)
        profile_cards_.push_back(Hasher().add(global_).add(file(p.origin.path)).add(photo(p.origin, p.photo)).add(institution_file(p.institution)).value());
    for (const auto& c : site.case_studies)
        case_study_cards_.push_back(Hasher().add(global_).add(file(c.origin.path)).add(photo(c.origin, c.image)).add(institution_file(c.institution)).value());
    for (const auto& s : site.career_stories) {
        Hasher h;
        h.add(global_).add(file(s.origin.path)).add(institution_file(s.institution));
        if (s.technician) h.add(file(site.profiles[*s.technician].origin.path));  // the person's name, when the story leaves it out
        career_story_cards_.push_back(h.value());
    }
    for (const auto& p : site.plans) plan_cards_.push_back(Hasher().add(global_).add(file(p.origin.path)).add(institution_file(p.institution)).value());
    for (size_t i = 0; i < site.institutions.size(); ++i) {
        const Institution& inst = site.institutions[i];
        Hasher h;
        h.add(file(inst.origin.path)).add(inst.profiles.size()).add(inst.case_studies.size()).add(inst.career_stories.size());
        for (size_t p : inst.plans) h.add(plan_cards_[p]);
        institution_cards_.push_back(h.value());
    }
}

Digest PageDependencies::card(CardKind kind, size_t i) const {
    switch (kind) {
        case CardKind::profile:
        case CardKind::directory_profile: return profile_cards_.at(i);
        case CardKind::case_study: return case_study_cards_.at(i);
        case CardKind::career_story: return career_story_cards_.at(i);
        case CardKind::plan: break;
    }
    return plan_cards_.at(i);
}

Digest PageDependencies::institution_card(size_t i) const { return institution_cards_.at(i); }

Digest PageDependencies::theme_summary(const CommitmentTheme& t) const {
    const ThemeMembers& m = index_.by_theme.at(t.id);
    Hasher h;
    h.add(t.id).add(m.actions.size()).add(m.profiles.size()).add(m.case_studies.size()).add(m.career_stories.size());
    add_progress(h, m.progress);
    return h.value();
}

void PageDependencies::add_cards(Hasher& h, CardKind kind, const std::vector<size_t>& items) const {
    h.add(items.size());
    for (size_t i : items) h.add(card(kind, i));
}

Digest PageDependencies::page(const PageJob& job) const {
    Hasher h;
    h.add(global_).add(static_cast<uint64_t>(job.kind)).add(job.site_path).add(job.template_name);
    auto all_institutions = [&] {
        h.add(site_.institutions.size());
        for (size_t i = 0; i < site_.institutions.size(); ++i) h.add(institution_cards_[i]);
    };
    auto all_of = [&](CardKind kind, size_t count) {
        h.add(count);
        for (size_t i = 0; i < count; ++i) h.add(card(kind, i));
    };
    // A page of a long list shows the cards of its items, and where it is among the pages.
    h.add(job.slice.number).add(job.slice.pages).add(job.slice.total);
    CardKind listed = job.kind == PageKind::case_studies     ? CardKind::case_study
                      : job.kind == PageKind::career_stories ? CardKind::career_story
                                                             : CardKind::profile;
    if (!job.slice.is_first()) {  // page 2 onwards: the owner's name, in its title, and the cards
        if (job.kind == PageKind::institution) h.add(file(site_.institutions[job.item].origin.path));
        if (job.kind == PageKind::term) h.add(job.term->name);
        add_cards(h, listed, job.items);  // (a profile's card covers its institution's name, heading its section)
        return h.value();
    }
    switch (job.kind) {
        case PageKind::home:
            h.add(file("index.md")).add(site_.profiles.size());
            all_institutions();
            all_of(CardKind::plan, site_.plans.size());  // the total of actions
            for (const auto& t : site_.themes) h.add(theme_summary(t));
            // The three newest of each: which three depends on every date.
            all_of(CardKind::case_study, site_.case_studies.size());
            all_of(CardKind::career_story, site_.career_stories.size());
            break;
        case PageKind::themes_index:
            for (const auto& t : site_.themes) h.add(theme_summary(t));
            break;
        case PageKind::theme: {
            const CommitmentTheme& t = site_.themes[job.item];
            const ThemeMembers& m = index_.by_theme.at(t.id);
            h.add(theme_summary(t));
            all_institutions();  // every institution's actions under the theme
            all_of(CardKind::plan, site_.plans.size());
            add_cards(h, CardKind::profile, job.items);
            add_cards(h, CardKind::case_study, m.case_studies);
            add_cards(h, CardKind::career_story, m.career_stories);
            break;
        }
        case PageKind::institutions_index: all_institutions(); break;
        case PageKind::institution: {
            const Institution& inst = site_.institutions[job.item];
            h.add(institution_card(job.item));
            add_cards(h, CardKind::plan, inst.plans);
            add_cards(h, CardKind::profile, job.items);
            add_cards(h, CardKind::case_study, inst.case_studies);
            add_cards(h, CardKind::career_story, inst.career_stories);
            break;
        }
        case PageKind::plan: h.add(card(CardKind::plan, job.item)); break;
        case PageKind::profile: {
            const Profile& p = site_.profiles[job.item];
            h.add(card(CardKind::profile, job.item));
            add_cards(h, CardKind::case_study, p.case_studies);
            add_cards(h, CardKind::career_story, p.career_stories);
            break;
        }
        case PageKind::case_study:
            h.add(card(CardKind::case_study, job.item));
            add_cards(h, CardKind::profile, site_.case_studies[job.item].technicians);
            break;
        case PageKind::career_story: {
            const CareerStory& s = site_.career_stories[job.item];
            h.add(card(CardKind::career_story, job.item));
            if (s.technician) h.add(card(CardKind::profile, *s.technician));
            break;
        }
        case PageKind::technicians:
            add_cards(h, CardKind::profile, job.items);
            // The filters and the lists to browse by: each institution, theme, skill and
            // registration with its number of technicians.
            for (const auto& inst : site_.institutions) h.add(file(inst.origin.path)).add(inst.profiles.size());
            for (const auto& t : site_.themes) h.add(index_.by_theme.at(t.id).profiles.size());
            for (const Taxonomy* tax : {&index_.skills, &index_.registrations})
                for (const auto& term : tax->terms) h.add(term.slug).add(term.name).add(term.profiles.size());
            break;
        case PageKind::plans:
            for (size_t i = 0; i < site_.institutions.size(); ++i) {
                const Institution& inst = site_.institutions[i];
                h.add(file(inst.origin.path));
                add_cards(h, CardKind::plan, inst.plans);
            }
            break;
        case PageKind::case_studies:
        case PageKind::career_stories: add_cards(h, listed, job.items); break;
        case PageKind::taxonomy:
            for (const auto& t : job.taxonomy->terms) h.add(t.slug).add(t.name).add(t.profiles.size() + t.actions.size());
            break;
        case PageKind::term:
            h.add(job.term->name);
            add_cards(h, CardKind::profile, job.items);
            h.add(job.term->actions.size());
            for (const auto& ref : job.term->actions) h.add(card(CardKind::plan, ref.plan)).add(ref.action);
            break;
        case PageKind::page: h.add(file(site_.pages[job.item].origin.path)); break;
        case PageKind::search:
        case PageKind::accessibility:
        case PageKind::not_found: break;
    }
    return h.value();
}

}  // namespace techpages
