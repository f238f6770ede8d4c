// The site as data: what the content files say, typed and cross-linked.
// Built by the model stage, read (never changed) by the render stage.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace techpages {

struct Date {
    int year = 0, month = 0, day = 0;
    std::string iso() const;      // 2024-05-01
    std::string display() const;  // 1 May 2024
    bool operator<(const Date& o) const;
    bool operator==(const Date& o) const = default;
};

// Where a record came from, so later checks can point at it.
struct Origin {
    std::string path;  // relative to the content folder
    SourcePos pos;
};

struct Link {
    std::string title, url;
};

enum class Rag { none, red, amber, green };

struct Progress {
    int green = 0, amber = 0, red = 0, none = 0;
    int total() const { return green + amber + red + none; }
    void add(Rag rag);
    void add(const Progress& other);
};

// What the accessibility statement says, as the Public Sector Bodies Accessibility
// Regulations 2018 require: who to contact, how compliant the site is, what is known.
struct AccessibilityStatement {
    std::string organisation;  // who publishes the site
    std::string contact_email;
    std::string compliance = "partial";  // "full", "partial" or "none"
    std::optional<Date> last_reviewed;
    std::optional<Date> prepared;
    std::vector<std::string> known_issues;
};

// [link_check] in site.toml: how `techpages check --external` treats links to other sites.
struct LinkCheckSettings {
    std::vector<std::string> skip;  // URL patterns never requested; '*' matches anything
    int cache_expiry_days = 7;      // a link found good is not asked about again for this long
    int timeout_seconds = 10;       // for one request
    int deadline_seconds = 300;     // for the whole check: it always ends by then
    int max_connections = 32;       // requests in flight at once
    int max_per_host = 4;           // requests in flight to one site
    bool allow_private_addresses = false;  // ask loopback, private and link-local addresses too
    std::string contact;            // in the User-Agent, for site owners; empty: the site's base_url
    SourcePos pos{1, 1};            // the [link_check] table, for messages about the whole check
};

struct SiteConfig {
    std::string title = "Technician Commitment";
    std::string tagline, description;
    std::string base_url = "/";
    std::string language = "en-GB";
    std::string visual_theme = "default";
    SourcePos visual_theme_pos;  // where site.toml names it, for "no such theme"
    std::vector<std::string> commitment_theme_order;
    std::vector<Link> nav;
    bool allow_raw_html = false;
    std::string domain;  // a custom domain for GitHub Pages: written to CNAME
    AccessibilityStatement accessibility;
    LinkCheckSettings link_check;
    // [pagination] per_page: cards on one page of a long list (the technician directory,
    // an institution's or a theme's technicians, a skill, case studies, career stories).
    int cards_per_page = 50;
};

struct CommitmentTheme {
    std::string id, title, aim, summary, body;
    Origin origin;
};

struct StandalonePage {
    std::string slug, title, description, body;
    Origin origin;
};

struct Institution {
    std::string slug, name, short_name, website, logo, logo_alt, brand_colour, location, body;
    int signatory_since = 0;
    std::vector<std::string> reviewers;
    SourcePos logo_pos;  // where the logo is named
    Origin origin;
    // Filled in by linking: indexes into Site's lists, sorted for display.
    std::vector<size_t> profiles, case_studies, career_stories, plans;
};

struct Profile {
    std::string slug, name, role, department, orcid, email, summary, photo, photo_alt, body;
    size_t institution = 0;
    std::vector<std::string> commitment_themes, skills, registrations, awards;
    std::vector<SourcePos> skill_positions;  // where each of `skills` is written
    std::vector<Link> links;
    std::optional<Date> date;
    bool published = true;
    SourcePos photo_pos;  // where the photo is named
    Origin origin;
    std::vector<size_t> case_studies, career_stories;  // those featuring this person
};

struct CaseStudy {
    std::string slug, title, summary, image, image_alt, body;
    size_t institution = 0;
    Date date;
    std::vector<std::string> commitment_themes, technician_refs;
    std::vector<size_t> technicians;  // resolved profiles
    SourcePos technicians_pos, image_pos;
    bool published = true;
    Origin origin;
};

struct CareerStage {
    std::string when, title, description;
};

struct CareerStory {
    std::string slug, title, person, technician_ref, summary, body;
    size_t institution = 0;
    Date date;
    std::optional<size_t> technician;
    SourcePos technician_pos;
    std::vector<std::string> commitment_themes;
    std::vector<CareerStage> stages;
    bool published = true;
    Origin origin;
};

struct PlanGroup {
    std::string id, title, aim;
    std::vector<std::string> commitment_themes;
};

struct StatusKeyEntry {
    std::string label;
    Rag rag = Rag::none;
};

struct Phase {
    std::string id, label, dates;
};

struct GlossaryEntry {
    std::string abbr, meaning;
};

struct PlanFlag {
    std::string id, mark, label;
};

struct ActionStep {
    std::string action, timescale, success, status;
    std::vector<std::string> owners;
};

struct StatusUpdate {
    Date date;
    std::string status, note;
    Rag rag = Rag::none;
};

struct Action {
    // `id` is unique within the plan (anchors, `parent`); it is the ref unless a plan
    // uses the same ref twice and gives one of them an id of its own.
    std::string id, ref, parent, group, activity, action, details, success, evaluation, timescale, status,
        comment;
    bool is_priority = false;
    std::string priority;  // the plan's word for it ("high"), or "" when it says only true
    Rag rag = Rag::none;
    std::vector<std::string> own_commitment_themes;  // as written on the action
    std::vector<std::string> commitment_themes;      // effective: own, else the group's
    std::vector<std::string> phases, owners, talent, flags;
    std::vector<ActionStep> steps;
    std::vector<StatusUpdate> updates;  // oldest first, one per date
    std::vector<std::pair<std::string, std::string>> extra;
    Origin origin;
    std::vector<size_t> children;  // sub-actions, indexes into the plan's actions
    bool is_top_level() const { return parent.empty(); }
    // The status the action has now: its written status, else its latest update's
    // (`rag` is this status's colour). "" when it has neither.
    const std::string& current_status() const;
};

struct Plan {
    std::string slug, title, period, kind, intro;
    size_t institution = 0;
    std::optional<Date> adopted;
    std::map<std::string, std::string> labels;
    std::vector<PlanGroup> groups;
    std::vector<StatusKeyEntry> statuses;
    std::vector<Phase> phases;
    std::vector<GlossaryEntry> glossary;
    std::vector<PlanFlag> flags;
    std::vector<Action> actions;
    Origin origin;

    // The plan's own word for a column, else ours.
    std::string label(const std::string& field, const std::string& fallback) const;
    const PlanGroup* find_group(const std::string& id) const;
    // Counts leaf actions only: a parent action is the heading of its sub-actions.
    Progress progress() const;
    Progress progress_for_commitment_theme(const std::string& commitment_theme_id) const;
    // The latest review date of any action, else the adoption date.
    std::optional<Date> last_changed() const;
};

struct Home {
    std::string title = "Technician Commitment";
    std::string body;
};

struct Site {
    SiteConfig config;
    Home home;
    std::vector<CommitmentTheme> commitment_themes;  // in the configured theme order
    std::vector<Institution> institutions;  // sorted by name
    std::vector<Profile> profiles;          // sorted by name
    std::vector<CaseStudy> case_studies;    // newest first
    std::vector<CareerStory> career_stories;  // newest first
    std::vector<Plan> plans;                // by institution, then title
    std::vector<StandalonePage> standalone_pages;
    std::vector<std::string> static_files;  // under static/, published as they are

    const CommitmentTheme* find_commitment_theme(const std::string& id) const;
};

}  // namespace techpages
