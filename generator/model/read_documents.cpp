#include "model/read_documents.h"

#include <algorithm>
#include <cstdio>

#include "load/front_matter.h"
#include "load/source_file.h"
#include "load/toml_reader.h"
#include "model/field_reader.h"
#include "model/field_rules.h"
#include "model/vocabulary.h"
#include "util/colour.h"
#include "util/text.h"

namespace techpages {

std::string relative_parent(const std::string& path);

namespace {

// Themes show an institution's brand colour behind white text (its page's header band),
// so the colour must give that text WCAG 2.2 AA contrast.
const Rgb brand_text_colour{255, 255, 255};
constexpr double brand_min_contrast = 4.5;

// Photos, logos and images larger than this are refused: they would make pages slow.
constexpr std::uintmax_t max_media_bytes = 5 * 1024 * 1024;

// Reads a Markdown file and hands its front matter fields and body to `fill`.
template <typename Record, typename Fill>
std::optional<Record> read_markdown(const ContentEntry& entry, Diagnostics& diagnostics, std::string_view what,
                                    Fill fill) {
    SourceFile file;
    if (!read_source_file(entry.absolute, entry.path, file, diagnostics)) return std::nullopt;
    FrontMatterSplit split;
    if (!split_front_matter(file, split, diagnostics)) return std::nullopt;
    auto table = parse_toml(split.front, entry.path, split.front_line, diagnostics);
    if (!table) return std::nullopt;
    FieldReader fields(*table, entry.path, split.front_line, diagnostics, {1, 1});
    Record record;
    record.origin = {entry.path, {1, 1}};
    record.body = std::move(split.body);
    fill(record, fields);
    fields.report_unknown_fields(what);
    return record;
}

void check_slug(const ContentEntry& entry, Diagnostics& diagnostics) {
    std::string ext = entry.absolute.extension().string();
    if (!is_valid_slug(entry.slug))
        diagnostics.error(entry.path, {}, "the file name '" + entry.slug + ext + "' cannot be used in a web address",
                          "rename it using lower-case letters, digits and hyphens, e.g. '" + slugify(entry.slug) + ext + "'");
}

// A name the published site can carry: not hidden (a leading dot: GitHub Pages leaves such
// files out), no control characters.
bool check_file_name(FieldReader& fields, const std::string& key, const std::string& name) {
    if (name[0] == '.') {
        fields.error(key, "'" + name + "' starts with a dot, which makes it a hidden file that is not published",
                     "rename the file without the leading dot, e.g. " + key + " = \"photo.jpg\"");
        return false;
    }
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) {
            fields.error(key, "the file name '" + name + "' contains a control character", "rename the file using letters, digits and hyphens");
            return false;
        }
    return true;
}

// A file named in the front matter must sit beside the content file, inside the content
// folder (a symbolic link may not lead out of it), and be small enough for the web.
// False (reported) when it cannot be used.
bool check_file_beside(FieldReader& fields, const std::string& key, const std::string& name,
                       const ContentEntry& entry) {
    if (name.empty()) return true;
    if (!check_file_name(fields, key, name)) return false;
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path path = entry.absolute.parent_path() / name;
    if (!fs::is_regular_file(path, ec)) {
        fields.error(key, "the file '" + name + "' is not in " + relative_parent(entry.path),
                     "upload it to the same folder as this file, or correct the name (names are case-sensitive)");
        return false;
    }
    fs::path real = fs::canonical(path, ec);
    fs::path root = fs::canonical(entry.root, ec);
    auto [root_end, real_it] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
    if (ec || root_end != root.end()) {
        fields.error(key, "the file '" + name + "' is a link to a place outside the content folder",
                     "upload the file itself into " + relative_parent(entry.path) + " instead of a link to it");
        return false;
    }
    auto size = fs::file_size(real, ec);
    if (!ec && size > max_media_bytes) {
        fields.error(key, "the file '" + name + "' is " + std::to_string(size / (1024 * 1024)) + " MB, over the " +
                              std::to_string(max_media_bytes / (1024 * 1024)) + " MB limit",
                     "save a smaller copy (a photo 1600 pixels wide is plenty) and upload that");
        return false;
    }
    return true;
}

// A whole number in [low, high], or `fallback` (with a located error) when it is not.
int bounded_number(FieldReader& fields, std::string_view key, int fallback, int low, int high, std::string_view unit) {
    auto value = fields.integer(key);
    if (!value) return fallback;
    if (*value < low || *value > high) {
        fields.error(key, "'" + std::string(key) + "' is " + std::to_string(*value) + ", outside " + std::to_string(low) +
                              " to " + std::to_string(high) + " " + std::string(unit),
                     "write a number in that range, e.g. " + std::string(key) + " = " + std::to_string(fallback));
        return fallback;
    }
    return static_cast<int>(*value);
}

// [link_check]: what `techpages check --external` skips, how long it waits, how hard it asks.
LinkCheckSettings read_link_check(FieldReader& fields) {
    LinkCheckSettings settings;
    settings.pos = fields.where();
    settings.skip = fields.text_list("skip");
    for (const auto& pattern : settings.skip)
        if (pattern.find('*') == std::string::npos && pattern.find("://") == std::string::npos)
            fields.warning("skip", "the pattern '" + pattern + "' is matched against whole addresses, so it skips nothing",
                           "start it with https:// or put * where any text may be, e.g. \"*" + pattern + "*\"");
    settings.cache_expiry_days = bounded_number(fields, "cache_expiry_days", settings.cache_expiry_days, 0, 365, "days");
    settings.timeout_seconds = bounded_number(fields, "timeout_seconds", settings.timeout_seconds, 1, 300, "seconds");
    settings.deadline_seconds = bounded_number(fields, "deadline_seconds", settings.deadline_seconds, 1, 86400, "seconds");
    settings.max_connections = bounded_number(fields, "max_connections", settings.max_connections, 1, 256, "requests");
    settings.max_per_host = bounded_number(fields, "max_per_host", settings.max_per_host, 1, 100, "requests");
    settings.allow_private_addresses = fields.flag("allow_private_addresses", false);
    settings.contact = fields.text("contact");
    const std::string& contact = settings.contact;
    if (!contact.empty() && !is_valid_email(contact) && !starts_with_ci(contact, "https://") &&
        !starts_with_ci(contact, "http://")) {
        fields.error("contact", "'" + contact + "' is neither a web address nor an e-mail address",
                     "write where site owners can find out about these requests, e.g. contact = \"https://github.com/org/site\"");
        settings.contact.clear();
    }
    if (settings.deadline_seconds < settings.timeout_seconds)
        fields.warning("deadline_seconds", "the deadline is shorter than one request's timeout, so slow links are never finished",
                       "make deadline_seconds larger than timeout_seconds");
    fields.report_unknown_fields("the [link_check] table");
    return settings;
}

std::string relative_parent_impl(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string("the content folder") : path.substr(0, slash) + "/";
}

}  // namespace

std::string relative_parent(const std::string& path) { return relative_parent_impl(path); }

std::optional<SiteConfig> read_site_config(const ContentEntry& entry, Diagnostics& diagnostics) {
    SourceFile file;
    if (!read_source_file(entry.absolute, entry.path, file, diagnostics)) return std::nullopt;
    auto table = parse_toml(file.text, entry.path, 1, diagnostics);
    if (!table) return std::nullopt;
    FieldReader fields(*table, entry.path, 1, diagnostics, {1, 1});
    SiteConfig config;
    config.title = fields.text("title", true);
    config.tagline = fields.text("tagline");
    config.description = fields.text("description");
    std::string base = fields.text("base_url");
    if (!base.empty()) {
        if (!starts_with_ci(base, "https://") && !starts_with_ci(base, "http://") && base[0] != '/')
            fields.error("base_url", "'" + base + "' is not a web address",
                         "write the address the site is published at, e.g. base_url = \"https://org.github.io/repo/\"");
        else
            config.base_url = base;
    }
    std::string language = fields.text("language");
    if (!language.empty()) config.language = language;
    std::string visual_theme = fields.text("theme");
    if (!visual_theme.empty()) {
        config.visual_theme = visual_theme;
        config.visual_theme_pos = fields.position("theme");
    }
    config.commitment_theme_order = checked_commitment_theme_ids(fields, "theme_order");
    for (auto& entry_fields : fields.tables("nav")) {
        Link link;
        link.title = entry_fields.text("title", true);
        link.url = entry_fields.text("url", true);
        if (!link.url.empty() && link.url[0] != '/' && !is_safe_url(link.url)) {
            entry_fields.error("url", "'" + link.url + "' is not an address the menu can link to",
                               "write a path inside the site such as \"/themes/\", or a full https:// address");
            link.url.clear();
        }
        entry_fields.report_unknown_fields("a navigation entry");
        if (!link.title.empty() && !link.url.empty()) config.nav.push_back(link);
    }
    config.allow_raw_html = fields.flag("allow_raw_html", false);
    config.domain = fields.text("domain");
    if (!config.domain.empty() && (config.domain.find('/') != std::string::npos || config.domain.find('.') == std::string::npos ||
                                   config.domain.find(' ') != std::string::npos)) {
        fields.error("domain", "'" + config.domain + "' is not a domain name",
                     "write only the domain, e.g. domain = \"technicians.example.ac.uk\" (no https:// and no path)");
        config.domain.clear();
    }
    if (auto a = fields.table("accessibility")) {
        auto& st = config.accessibility;
        st.organisation = a->text("organisation");
        st.contact_email = a->text("contact_email");
        if (!st.contact_email.empty() && !is_valid_email(st.contact_email))
            a->error("contact_email", "'" + st.contact_email + "' is not an e-mail address", "write it like web@example.ac.uk");
        std::string compliance = a->text("compliance");
        if (!compliance.empty()) {
            if (compliance == "full" || compliance == "partial" || compliance == "none") st.compliance = compliance;
            else a->error("compliance", "'" + compliance + "' is not a compliance status",
                          "write compliance = \"full\", \"partial\" or \"none\"");
        }
        st.last_reviewed = a->date("last_reviewed");
        st.prepared = a->date("prepared");
        st.known_issues = a->text_list("known_issues");
        a->report_unknown_fields("the [accessibility] table");
    }
    if (auto link_check = fields.table("link_check")) config.link_check = read_link_check(*link_check);
    if (auto pagination = fields.table("pagination")) {
        config.cards_per_page = bounded_number(*pagination, "per_page", config.cards_per_page, 1, 1000, "cards");
        pagination->report_unknown_fields("the [pagination] table");
    }
    fields.report_unknown_fields("the site configuration");
    return config;
}

std::optional<Home> read_home(const ContentEntry& entry, Diagnostics& diagnostics) {
    struct HomeRecord {
        Home home;
        std::string body;
        Origin origin;
    };
    auto record = read_markdown<HomeRecord>(entry, diagnostics, "the home page",
                                            [](HomeRecord& r, FieldReader& f) { r.home.title = f.text("title", true); });
    if (!record) return std::nullopt;
    record->home.body = std::move(record->body);
    return record->home;
}

std::optional<CommitmentTheme> read_commitment_theme(const ContentEntry& entry, Diagnostics& diagnostics) {
    const auto& ids = commitment_theme_ids();
    if (std::find(ids.begin(), ids.end(), entry.slug) == ids.end()) {
        std::string suggestion = closest_match(entry.slug, ids);
        diagnostics.error(entry.path, {}, "'" + entry.slug + "' is not one of the four Commitment themes",
                          suggestion.empty() ? "name the file after a theme: " + join_alternatives(ids) + ", with .md"
                                             : "rename the file to " + suggestion + ".md");
        return std::nullopt;
    }
    return read_markdown<CommitmentTheme>(entry, diagnostics, "a Commitment theme", [&](CommitmentTheme& t, FieldReader& f) {
        t.id = entry.slug;
        t.title = f.text("title", true);
        t.aim = f.text("aim", true);
        t.summary = f.text("summary");
    });
}

std::optional<StandalonePage> read_standalone_page(const ContentEntry& entry, Diagnostics& diagnostics) {
    check_slug(entry, diagnostics);
    return read_markdown<StandalonePage>(entry, diagnostics, "a page", [&](StandalonePage& p, FieldReader& f) {
        p.slug = entry.slug;
        p.title = f.text("title", true);
        p.description = f.text("description");
    });
}

std::optional<Institution> read_institution(const ContentEntry& entry, Diagnostics& diagnostics) {
    if (!is_valid_slug(entry.institution))
        diagnostics.error(entry.path, {}, "the folder name '" + entry.institution + "' cannot be used in a web address",
                          "rename the folder using lower-case letters, digits and hyphens, e.g. '" +
                              slugify(entry.institution) + "'");
    return read_markdown<Institution>(entry, diagnostics, "an institution", [&](Institution& i, FieldReader& f) {
        i.slug = entry.institution;
        i.name = f.text("name", true);
        i.short_name = f.text("short_name", true);
        i.website = checked_url(f, "website");
        i.logo = checked_local_file(f, "logo");
        if (!check_file_beside(f, "logo", i.logo, entry)) i.logo.clear();
        i.logo_pos = f.position("logo");
        i.logo_alt = f.text("logo_alt");
        if (!i.logo.empty() && i.logo_alt.empty())
            f.error("logo", "the logo has no text alternative", "add logo_alt = \"<institution> logo\"");
        i.brand_colour = f.text("brand_colour");
        if (!i.brand_colour.empty()) {
            const auto& c = i.brand_colour;
            auto colour = parse_hex_colour(c);
            if (!colour) {
                f.error("brand_colour", "'" + c + "' is not a colour", "write it as # and six hex digits, e.g. \"#00558c\"");
                i.brand_colour.clear();
            } else if (double ratio = contrast_ratio(*colour, brand_text_colour); ratio < brand_min_contrast) {
                // Themes set the institution's name in white on its brand colour (WCAG 2.2 SC 1.4.3).
                char shown[16];
                std::snprintf(shown, sizeof shown, "%.2f", ratio);
                f.error("brand_colour",
                        "the brand colour '" + c + "' has a contrast of only " + shown +
                            ":1 with the white text shown on it (WCAG 2.2 AA needs 4.5:1)",
                        "write \"" + hex_colour(nearest_contrasting_colour(*colour, brand_text_colour, brand_min_contrast)) +
                            "\", the nearest colour that passes");
                i.brand_colour.clear();
            }
        }
        i.location = f.text("location");
        if (auto year = f.integer("signatory_since")) i.signatory_since = static_cast<int>(*year);
        i.reviewers = checked_reviewers(f, "reviewers");
    });
}

std::optional<Profile> read_profile(const ContentEntry& entry, Diagnostics& diagnostics) {
    check_slug(entry, diagnostics);
    return read_markdown<Profile>(entry, diagnostics, "a profile", [&](Profile& p, FieldReader& f) {
        p.slug = entry.slug;
        p.name = f.text("name", true);
        p.role = f.text("role", true);
        p.department = f.text("department");
        p.commitment_themes = checked_commitment_theme_ids(f, "themes");
        p.skills = checked_terms(f, "skills", p.skill_positions);
        p.registrations = checked_registrations(f, "registrations");
        p.awards = f.text_list("awards");
        p.orcid = f.text("orcid");
        if (starts_with_ci(p.orcid, "https://orcid.org/")) p.orcid = p.orcid.substr(18);
        if (!p.orcid.empty() && !is_valid_orcid(p.orcid)) {
            f.error("orcid", "'" + p.orcid + "' is not a valid ORCID iD",
                    "copy it from your ORCID record: 16 digits in four groups, like 0000-0002-1825-0097 (the last character is a check digit)");
            p.orcid.clear();
        }
        p.email = f.text("email");
        if (!p.email.empty() && !is_valid_email(p.email)) {
            f.error("email", "'" + p.email + "' is not an e-mail address", "write it like name@example.ac.uk, or remove the line");
            p.email.clear();
        }
        p.summary = f.text("summary");
        p.photo = checked_local_file(f, "photo");
        if (!check_file_beside(f, "photo", p.photo, entry)) p.photo.clear();
        p.photo_pos = f.position("photo");
        p.photo_alt = f.text("photo_alt");
        if (!p.photo.empty() && p.photo_alt.empty())
            f.error("photo", "the photo has no description for people who cannot see it",
                    "add photo_alt = \"...\" describing the photo, e.g. \"Amara in the insectary\"");
        p.date = f.date("date");
        p.published = f.flag("published", true);
        p.links = read_links(f, "links");
    });
}

std::optional<CaseStudy> read_case_study(const ContentEntry& entry, Diagnostics& diagnostics) {
    check_slug(entry, diagnostics);
    return read_markdown<CaseStudy>(entry, diagnostics, "a case study", [&](CaseStudy& c, FieldReader& f) {
        c.slug = entry.slug;
        c.title = f.text("title", true);
        if (auto d = f.date("date", true)) c.date = *d;
        c.summary = f.text("summary");
        c.commitment_themes = checked_commitment_theme_ids(f, "themes");
        c.technician_refs = f.text_list("technicians");
        c.technicians_pos = f.position("technicians");
        c.image = checked_local_file(f, "image");
        if (!check_file_beside(f, "image", c.image, entry)) c.image.clear();
        c.image_pos = f.position("image");
        c.image_alt = f.text("image_alt");
        if (!c.image.empty() && c.image_alt.empty())
            f.error("image", "the image has no description for people who cannot see it", "add image_alt = \"...\"");
        c.published = f.flag("published", true);
    });
}

std::optional<CareerStory> read_career_story(const ContentEntry& entry, Diagnostics& diagnostics) {
    check_slug(entry, diagnostics);
    return read_markdown<CareerStory>(entry, diagnostics, "a career story", [&](CareerStory& s, FieldReader& f) {
        s.slug = entry.slug;
        s.title = f.text("title", true);
        if (auto d = f.date("date", true)) s.date = *d;
        s.person = f.text("person");
        s.technician_ref = f.text("technician");
        s.technician_pos = f.position("technician");
        s.summary = f.text("summary");
        s.commitment_themes = checked_commitment_theme_ids(f, "themes");
        s.published = f.flag("published", true);
        for (auto& stage_fields : f.tables("stages")) {
            CareerStage stage;
            stage.when = stage_fields.text("when", true);
            stage.title = stage_fields.text("title", true);
            stage.description = stage_fields.text("description");
            stage_fields.report_unknown_fields("a career stage");
            s.stages.push_back(stage);
        }
    });
}

}  // namespace techpages
