// Model records as template data. Every value is plain text (the template escapes it)
// except keys ending in _html, which hold HTML this build made: rendered Markdown, or
// text it escaped itself. docs/themes.md lists the keys each template receives.
#pragma once

#include <array>
#include <string>

#include "model/site_index.h"
#include "model/site_model.h"
#include "media/images.h"
#include "render/markdown.h"
#include "render/reads.h"
#include "render/templates.h"
#include "render/urls.h"

namespace techpages {

using mustache::data;

// The lists a card can stand in, and each card's HTML, rendered once before the pages:
// a profile appears as a card on about nine list pages. The card template sees only its
// card's data; on the technician directory a profile's card also has `is_directory` (its
// filters' data- attributes), so it is a kind of its own.
enum class CardKind { profile, directory_profile, case_study, career_story, plan };
constexpr size_t card_kind_count = static_cast<size_t>(CardKind::plan) + 1;
// The fact (render/reads.h) a card of each kind is noted as when a page lists it
// (card_kind_rows in views.cpp: one row per kind, with its count and template data).
Fact card_fact(CardKind kind);
// How many cards of a kind the site has. The directory's own cards (with its filters'
// data) are made only when the directory is filterable.
size_t card_count(const Site& site, CardKind kind);

// Each card's HTML, by kind and then in site order.
struct CardHtml {
    std::array<std::vector<std::string>, card_kind_count> by_kind;
    std::vector<std::string>& of(CardKind kind) { return by_kind[static_cast<size_t>(kind)]; }
    const std::vector<std::string>& of(CardKind kind) const { return by_kind[static_cast<size_t>(kind)]; }
};

// What the cards and pages are made from: the model, each read noted, as template data.
// Cards are rendered with CardViews; pages with Views, which also has the cards' HTML, so
// a page cannot be built before the cards are.
class CardViews {
public:
    // `markdown` renders what contributors write (never raw HTML); `site_markdown` the
    // comms team's own pages (home, themes, pages/), which may allow raw HTML by config.
    // `stylesheets`: the visual theme's, under assets/, linked by every page in this order.
    CardViews(const Site& site, const SiteIndex& index, const Urls& urls, const MarkdownRenderer& markdown,
              const MarkdownRenderer& site_markdown, const ImageIndex& images,
              std::vector<std::string> stylesheets = {"style.css"})
        : site_(site), index_(index), urls_(urls), markdown_(markdown), site_markdown_(site_markdown), images_(images),
          stylesheets_(std::move(stylesheets)) {}

    // A photo beside a content file: {src, alt, width, height, srcset_jpeg, srcset_webp}, or false.
    data picture(const Origin& origin, const std::string& file, const std::string& alt) const;
    // Link to the version shown as <img src> (a JPEG at most 640 pixels wide), or "".
    std::string picture_link(const Origin& origin, const std::string& file) const;
    // Absolute URL of the largest version, for link previews and structured data.
    std::string picture_url(const Origin& origin, const std::string& file) const;

    data commitment_theme_ref(const std::string& id) const;
    data commitment_theme_refs(const std::vector<std::string>& ids) const;
    data progress(const Progress& p) const;
    data commitment_theme_summary(const CommitmentTheme& t) const;  // title, aim, progress, counts

    data institution_ref(size_t i) const;
    data institution_card(size_t i) const;
    data profile_card(size_t i) const;
    data case_study_card(size_t i) const;
    data career_story_card(size_t i) const;
    data plan_card(size_t i) const;
    data directory_profile_card(size_t i) const;  // a profile's card in the filterable directory
    data cards(const std::vector<size_t>& indexes, data (CardViews::*card)(size_t) const) const;
    // The card data of one item, whatever its kind (what the card template is rendered with).
    data card(CardKind kind, size_t i) const;

    // One action; with `with_children`, its sub-actions (all depths) in `children`.
    data action(const Plan& plan, size_t a, bool with_children) const;
    data action_ref(const ActionRef& ref) const;  // for lists across plans
    data plan_labels(const Plan& plan) const;
    // Owners with the plan's glossary abbreviations marked up as <abbr title="…">.
    std::string owners_html(const Plan& plan, const std::vector<std::string>& owners) const;

    std::string md(const std::string& markdown) const { return markdown_.to_html(markdown); }
    std::string md_site(const std::string& markdown) const { return site_markdown_.to_html(markdown); }
    std::string md_inline(const std::string& markdown) const { return markdown_.to_inline_html(markdown); }
    std::string md_phrase(const std::string& markdown) const { return markdown_.to_phrase_html(markdown); }
    const std::vector<std::string>& stylesheets() const { return stylesheets_; }
    const Urls& urls() const { return urls_; }

    // The model, each read noted (render/reads.h) for the build cache: page builders read
    // the site only through these, so what a page shows is what it depends on.
    const SiteConfig& config() const { return note(Fact::site_wide), site_.config; }
    const std::vector<CommitmentTheme>& commitment_themes() const { return note(Fact::site_wide), site_.commitment_themes; }
    const Home& home() const { return note(Fact::home), site_.home; }
    const StandalonePage& standalone_page(size_t i) const { return note(Fact::standalone_page, i), site_.standalone_pages[i]; }
    const Institution& institution(size_t i) const { return note(Fact::institution, i), site_.institutions[i]; }
    const Profile& profile(size_t i) const { return note(Fact::profile, i), site_.profiles[i]; }
    const CaseStudy& case_study(size_t i) const { return note(Fact::case_study, i), site_.case_studies[i]; }
    const CareerStory& career_story(size_t i) const { return note(Fact::career_story, i), site_.career_stories[i]; }
    const Plan& plan(size_t i) const { return note(Fact::plan, i), site_.plans[i]; }
    // How many of each the site has (which ones, in order, is the value noted).
    size_t institution_count() const { return note(Fact::all_institutions), site_.institutions.size(); }
    size_t profile_count() const { return note(Fact::all_profiles), site_.profiles.size(); }
    size_t case_study_count() const { return note(Fact::all_case_studies), site_.case_studies.size(); }
    size_t career_story_count() const { return note(Fact::all_career_stories), site_.career_stories.size(); }
    size_t plan_count() const { return note(Fact::all_plans), site_.plans.size(); }
    // What is under Commitment theme `t` (an index into commitment_themes()).
    const CommitmentThemeMembers& commitment_theme_members(size_t t) const;
    // A taxonomy (Fact::skills, registrations or talent) with every term's members; its
    // slug and title alone, which never change (taxonomy_name); one of its terms.
    const Taxonomy& taxonomy(Fact which) const;
    const Taxonomy& taxonomy_name(Fact which) const { return unnoted_taxonomy(which); }
    const Term& term(Fact which, size_t t) const;
    // Site paths, which depend only on the items' own files' places.
    std::string path_of(const Profile& p) const { return site_path::profile(site_, p); }
    std::string path_of(const CaseStudy& c) const { return site_path::case_study(site_, c); }
    std::string path_of(const CareerStory& s) const { return site_path::career_story(site_, s); }
    std::string path_of(const Plan& p) const { return site_path::plan(site_, p); }
    // The technician directory is filtered in the browser only when it is all on one page.
    bool directory_is_filterable() const;

private:
    const Site& site_;
    const SiteIndex& index_;
    const Urls& urls_;
    const MarkdownRenderer& markdown_;
    const MarkdownRenderer& site_markdown_;
    const ImageIndex& images_;
    const Taxonomy& unnoted_taxonomy(Fact which) const;
    std::vector<std::string> stylesheets_;
};

// What pages are built from: CardViews and every card's HTML, rendered once each.
class Views : public CardViews {
public:
    Views(const CardViews& views, const CardHtml& html) : CardViews(views), card_html_(html) {}
    // A list of cards as the card template shows them: each item is {card_html}.
    // `card_with_html` keeps the full data, with card_html added.
    data card_list(const std::vector<size_t>& indexes, CardKind kind) const;
    data card_with_html(CardKind kind, size_t i) const;

private:
    const CardHtml& card_html_;
    const std::string& html_of(CardKind kind, size_t i) const;
};

// Sets a key of template data. Empty text becomes false, so {{#key}} … {{/key}} leaves out
// a field that is not filled in (Mustache treats "" as true) and never falls back to a
// key of the same name further out.
void put(data& d, const std::string& key, const std::string& value);
void put(data& d, const std::string& key, std::string&& value);
void put(data& d, const std::string& key, const char* value);
void put(data& d, const std::string& key, bool value);
void put(data& d, const std::string& key, const data& value);
void put(data& d, const std::string& key, data&& value);

data list_of(std::vector<data> items);
// Sets `name` and `has_name`, so templates can leave out a heading over an empty list.
void set_list(data& d, const std::string& name, data&& list);
// "3 complete, 1 in progress, 2 not begun and 4 not reported"
std::string progress_sentence(const Progress& p);

}  // namespace techpages
