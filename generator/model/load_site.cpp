#include "model/load_site.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <variant>

#include "load/content_tree.h"
#include "model/read_documents.h"
#include "model/site_index.h"
#include "model/vocabulary.h"
#include "util/parallel.h"
#include "util/text.h"

namespace techpages {

namespace {

using Record = ContentRecord;

}  // namespace

ContentRecord read_content_file(const ContentEntry& e, Diagnostics& d) {
    auto wrap = [](auto opt) -> Record {
        if (opt) return std::move(*opt);
        return std::monostate{};
    };
    switch (e.kind) {
        case FileKind::site_config: return wrap(read_site_config(e, d));
        case FileKind::home: return wrap(read_home(e, d));
        case FileKind::commitment_theme: return wrap(read_commitment_theme(e, d));
        case FileKind::page: return wrap(read_standalone_page(e, d));
        case FileKind::institution: return wrap(read_institution(e, d));
        case FileKind::profile: return wrap(read_profile(e, d));
        case FileKind::case_study: return wrap(read_case_study(e, d));
        case FileKind::career_story: return wrap(read_career_story(e, d));
        case FileKind::plan: return wrap(read_plan(e, d));
    }
    return std::monostate{};
}

namespace {

// Names compare without regard to case, so "de Souza" sorts among the Ds.
bool name_less(const std::string& a, const std::string& b) {
    // As to_lower(a) < to_lower(b), then a < b, without making the lower-case copies:
    // sorting 100,000 profiles compares names two million times.
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        auto la = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(a[i])));
        auto lb = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(b[i])));
        if (la != lb) return la < lb;
    }
    if (a.size() != b.size()) return a.size() < b.size();
    return a < b;
}

// Profiles that exist as files but are not in the Site: drafts, and files that could not
// be read (their own error is already reported). References to them are not errors.
struct Unlinked {
    std::set<std::string> drafts, unreadable;  // "institution/slug"
};

class Linker {
public:
    Linker(Site& site, const Unlinked& unlinked, Diagnostics& d) : site_(site), unlinked_(unlinked), diagnostics_(d) {}

    void run() {
        sort_records();
        for (size_t i = 0; i < site_.profiles.size(); ++i) {
            const auto& p = site_.profiles[i];
            profile_index_[site_.institutions[p.institution].slug + "/" + p.slug] = i;
        }
        link_case_studies();
        link_career_stories();
        fill_institution_lists();
        check_term_addresses(site_, diagnostics_);
    }

private:
    void sort_records() {
        std::stable_sort(site_.profiles.begin(), site_.profiles.end(), [&](const Profile& a, const Profile& b) {
            return name_less(a.name, b.name) || (!name_less(b.name, a.name) && a.origin.path < b.origin.path);
        });
        auto newest_first = [](const auto& a, const auto& b) {
            return std::tie(b.date, a.title, a.origin.path) < std::tie(a.date, b.title, b.origin.path);
        };
        std::stable_sort(site_.case_studies.begin(), site_.case_studies.end(), newest_first);
        std::stable_sort(site_.career_stories.begin(), site_.career_stories.end(), newest_first);
        std::stable_sort(site_.plans.begin(), site_.plans.end(), [&](const Plan& a, const Plan& b) {
            const auto& ia = site_.institutions[a.institution];
            const auto& ib = site_.institutions[b.institution];
            if (ia.slug != ib.slug) return name_less(ia.name, ib.name);
            return a.slug < b.slug;
        });
        std::sort(site_.standalone_pages.begin(), site_.standalone_pages.end(), [](const StandalonePage& a, const StandalonePage& b) { return a.slug < b.slug; });
    }

    std::optional<size_t> find_profile(const std::string& ref, size_t institution) const {
        std::string key = ref.find('/') == std::string::npos ? site_.institutions[institution].slug + "/" + ref : ref;
        auto it = profile_index_.find(key);
        if (it == profile_index_.end()) return std::nullopt;
        return it->second;
    }

    std::string missing_profile_hint(const std::string& ref, size_t institution) const {
        std::vector<std::string> candidates;
        for (const auto& [key, index] : profile_index_) {
            candidates.push_back(key.substr(0, key.find('/')) == site_.institutions[institution].slug
                                     ? key.substr(key.find('/') + 1)
                                     : key);
        }
        std::string suggestion = closest_match(ref, candidates);
        if (!suggestion.empty()) return "did you mean '" + suggestion + "'?";
        return "write the file name of a profile without .md; for another institution's, write institution/profile";
    }

    // Reports a reference that resolves to no profile; true when it is an error.
    void report_missing(const std::string& ref, size_t institution, const Origin& origin, SourcePos pos) {
        std::string key = ref.find('/') == std::string::npos ? site_.institutions[institution].slug + "/" + ref : ref;
        if (unlinked_.unreadable.count(key)) return;
        if (unlinked_.drafts.count(key)) {
            diagnostics_.warning(origin.path, pos, "the technician '" + ref + "' has a draft profile, so it is not linked yet",
                                 "publish the profile (published = true) to link it");
            return;
        }
        diagnostics_.error(origin.path, pos, "the technician '" + ref + "' has no profile",
                           missing_profile_hint(ref, institution));
    }

    void link_case_studies() {
        for (size_t c = 0; c < site_.case_studies.size(); ++c) {
            auto& cs = site_.case_studies[c];
            for (const auto& ref : cs.technician_refs) {
                if (auto p = find_profile(ref, cs.institution)) {
                    // "amara" and "lstm/amara" are the same person: list her once.
                    if (std::find(cs.technicians.begin(), cs.technicians.end(), *p) != cs.technicians.end()) continue;
                    cs.technicians.push_back(*p);
                    site_.profiles[*p].case_studies.push_back(c);
                } else {
                    report_missing(ref, cs.institution, cs.origin, cs.technicians_pos);
                }
            }
        }
    }

    void link_career_stories() {
        for (size_t s = 0; s < site_.career_stories.size(); ++s) {
            auto& story = site_.career_stories[s];
            if (story.technician_ref.empty()) continue;
            if (auto p = find_profile(story.technician_ref, story.institution)) {
                story.technician = *p;
                site_.profiles[*p].career_stories.push_back(s);
                if (story.person.empty()) story.person = site_.profiles[*p].name;
            } else {
                report_missing(story.technician_ref, story.institution, story.origin, story.technician_pos);
            }
        }
    }

    void fill_institution_lists() {
        for (size_t i = 0; i < site_.profiles.size(); ++i)
            site_.institutions[site_.profiles[i].institution].profiles.push_back(i);
        for (size_t i = 0; i < site_.case_studies.size(); ++i)
            site_.institutions[site_.case_studies[i].institution].case_studies.push_back(i);
        for (size_t i = 0; i < site_.career_stories.size(); ++i)
            site_.institutions[site_.career_stories[i].institution].career_stories.push_back(i);
        for (size_t i = 0; i < site_.plans.size(); ++i) site_.institutions[site_.plans[i].institution].plans.push_back(i);
    }

    Site& site_;
    const Unlinked& unlinked_;
    Diagnostics& diagnostics_;
    std::map<std::string, size_t> profile_index_;
};

// Top-level addresses that pages/<slug>.md may not take.
const std::vector<std::string> reserved_page_slugs = {"themes", "institutions", "technicians", "case-studies",
                                                      "career-stories", "plans", "skills", "registrations",
                                                      "talent", "assets", "404", "sitemap", "feed", "search", "accessibility"};

}  // namespace

Site assemble_site(const ContentTree& tree, std::vector<ContentRecord> records, const LoadOptions& options,
                   Diagnostics& diagnostics) {
    Site site;
    site.static_files = tree.static_files;

    // Institutions first: everything under an institution folder refers to one.
    std::map<std::string, size_t> institution_by_slug;
    std::vector<Institution> institutions;
    for (auto& r : records)
        if (auto* inst = std::get_if<Institution>(&r)) institutions.push_back(std::move(*inst));
    std::sort(institutions.begin(), institutions.end(),
              [](const Institution& a, const Institution& b) { return name_less(a.name, b.name) || (a.name == b.name && a.slug < b.slug); });
    for (size_t i = 0; i < institutions.size(); ++i) institution_by_slug[institutions[i].slug] = i;
    site.institutions = std::move(institutions);

    Unlinked unlinked;
    bool have_config = false;
    std::map<std::string, CommitmentTheme> commitment_theme_files;
    for (size_t i = 0; i < records.size(); ++i) {
        const ContentEntry& entry = tree.entries[i];
        Record& r = records[i];
        auto institution = institution_by_slug.find(entry.institution);
        bool under_institution = !entry.institution.empty();
        if (under_institution && institution == institution_by_slug.end()) continue;  // its institution.md already failed
        if (entry.kind == FileKind::profile) {
            auto* p = std::get_if<Profile>(&r);
            if (!p) unlinked.unreadable.insert(entry.institution + "/" + entry.slug);
            else if (!p->published && !options.include_drafts) unlinked.drafts.insert(entry.institution + "/" + entry.slug);
        }
        auto keep = [&](auto& record) {
            if (!record.published && !options.include_drafts) return false;
            record.institution = institution->second;
            return true;
        };
        if (auto* c = std::get_if<SiteConfig>(&r)) { site.config = std::move(*c); have_config = true; }
        else if (auto* h = std::get_if<Home>(&r)) site.home = std::move(*h);
        else if (auto* t = std::get_if<CommitmentTheme>(&r)) commitment_theme_files[t->id] = std::move(*t);
        else if (auto* p = std::get_if<StandalonePage>(&r)) {
            if (std::find(reserved_page_slugs.begin(), reserved_page_slugs.end(), p->slug) != reserved_page_slugs.end())
                diagnostics.error(entry.path, {}, "the page address /" + p->slug + "/ is used by the site itself",
                                  "rename the file, e.g. pages/about-" + p->slug + ".md");
            else site.standalone_pages.push_back(std::move(*p));
        }
        else if (auto* p = std::get_if<Profile>(&r)) { if (keep(*p)) site.profiles.push_back(std::move(*p)); }
        else if (auto* c = std::get_if<CaseStudy>(&r)) { if (keep(*c)) site.case_studies.push_back(std::move(*c)); }
        else if (auto* s = std::get_if<CareerStory>(&r)) { if (keep(*s)) site.career_stories.push_back(std::move(*s)); }
        else if (auto* pl = std::get_if<Plan>(&r)) { pl->institution = institution->second; site.plans.push_back(std::move(*pl)); }
    }
    if (!have_config && std::none_of(tree.entries.begin(), tree.entries.end(),
                                     [](const ContentEntry& e) { return e.kind == FileKind::site_config; }))
        diagnostics.error("site.toml", {}, "the content folder has no site.toml",
                          "create site.toml with at least title = \"...\" and base_url = \"https://...\"");
    if (!options.base_url.empty()) site.config.base_url = options.base_url;  // --base-url, or the preview's address

    std::vector<std::string> order = site.config.commitment_theme_order;
    for (const auto& id : commitment_theme_ids())
        if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
    for (const auto& id : order) {
        auto it = commitment_theme_files.find(id);
        if (it != commitment_theme_files.end()) {
            site.commitment_themes.push_back(std::move(it->second));
        } else {
            bool present = std::any_of(tree.entries.begin(), tree.entries.end(), [&](const ContentEntry& e) {
                return e.kind == FileKind::commitment_theme && e.slug == id;
            });
            if (!present)
                diagnostics.error("commitment-themes/" + id + ".md", {}, "the Commitment theme '" + id + "' has no file",
                                  "add commitment-themes/" + id + ".md with its title and aim");
            CommitmentTheme fallback;
            fallback.id = id;
            fallback.title = default_commitment_theme_title(id);
            site.commitment_themes.push_back(fallback);
        }
    }
    Linker(site, unlinked, diagnostics).run();
    return site;
}

}  // namespace techpages
