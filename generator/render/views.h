// Model records as template data. Every value is plain text (the template escapes it)
// except keys ending in _html, which hold HTML this build made: rendered Markdown, or
// text it escaped itself. docs/themes.md lists the keys each template receives.
#pragma once

#include <string>

#include "model/site_index.h"
#include "model/site_model.h"
#include "render/images.h"
#include "render/markdown.h"
#include "render/templates.h"
#include "render/urls.h"

namespace techpages {

using mustache::data;

class Views {
public:
    // `markdown` renders what contributors write (never raw HTML); `site_markdown` the
    // comms team's own pages (home, themes, pages/), which may allow raw HTML by config.
    Views(const Site& site, const SiteIndex& index, const Urls& urls, const MarkdownRenderer& markdown,
          const MarkdownRenderer& site_markdown, const ImageIndex& images)
        : site_(site), index_(index), urls_(urls), markdown_(markdown), site_markdown_(site_markdown), images_(images) {}

    // A photo beside a content file: {src, alt, width, height, srcset_jpeg, srcset_webp}, or false.
    data picture(const Origin& origin, const std::string& file, const std::string& alt) const;
    // Absolute URL of the largest version, for link previews and structured data.
    std::string picture_url(const Origin& origin, const std::string& file) const;

    data theme_ref(const std::string& id) const;
    data theme_refs(const std::vector<std::string>& ids) const;
    data progress(const Progress& p) const;
    data theme_summary(const CommitmentTheme& t) const;  // title, aim, progress, counts

    data institution_ref(size_t i) const;
    data institution_card(size_t i) const;
    data profile_card(size_t i) const;
    data case_study_card(size_t i) const;
    data career_story_card(size_t i) const;
    data plan_card(size_t i) const;
    data cards(const std::vector<size_t>& indexes, data (Views::*card)(size_t) const) const;

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
    // The theme's stylesheets under assets/, linked by every page in this order.
    void set_stylesheets(std::vector<std::string> files) { stylesheets_ = std::move(files); }
    const std::vector<std::string>& stylesheets() const { return stylesheets_; }
    const Urls& urls() const { return urls_; }
    const Site& site() const { return site_; }
    const SiteIndex& index() const { return index_; }

private:
    const Site& site_;
    const SiteIndex& index_;
    const Urls& urls_;
    const MarkdownRenderer& markdown_;
    const MarkdownRenderer& site_markdown_;
    const ImageIndex& images_;
    std::vector<std::string> stylesheets_{"style.css"};
};

// Sets a key of template data. Empty text becomes false, so {{#key}} … {{/key}} leaves out
// a field that is not filled in (Mustache treats "" as true) and never falls back to a
// key of the same name further out.
void put(data& d, const std::string& key, const std::string& value);
void put(data& d, const std::string& key, const char* value);
void put(data& d, const std::string& key, bool value);
void put(data& d, const std::string& key, const data& value);

data list_of(std::vector<data> items);
// Sets `name` and `has_name`, so templates can leave out a heading over an empty list.
void set_list(data& d, const std::string& name, const data& list);
// "3 complete, 1 in progress, 2 not begun and 4 not reported"
std::string progress_sentence(const Progress& p);

}  // namespace techpages
