#include "incremental/site_builder.h"

#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "check/external_report.h"
#include "check/links.h"
#include "incremental/build_cache.h"
#include "incremental/input_files.h"
#include "incremental/read_values.h"
#include "incremental/site_writer.h"
#include "load/content_tree.h"
#include "media/media_check.h"
#include "model/load_site.h"
#include "model/site_index.h"
#include "render/cards.h"
#include "render/markdown.h"
#include "render/open_data.h"
#include "render/pages.h"
#include "render/search_index.h"
#include "render/site_files.h"
#include "render/templates.h"
#include "render/urls.h"
#include "render/views.h"
#include "render/visual_theme.h"
#include "util/files.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "util/phase_timer.h"
#include "write/codeowners.h"
#include "write/output_dir.h"
#include "write/photos.h"
#include "write/site_assets.h"

namespace techpages {

namespace {

// What no input file holds but every page depends on: the options, and the techpages
// binary itself (a new build of it may render differently).
Digest settings_hash(const BuildOptions& o) {
    FileStamp binary = stat_file("/proc/self/exe");
    return Hasher()
        .add("build-cache-3")
        .add(TECHPAGES_VERSION)
        .add(o.visual_theme)
        .add(o.base_url)
        .add(o.include_drafts ? 1 : 0)
        .add(static_cast<uint64_t>(binary.size))
        .add(static_cast<uint64_t>(binary.mtime_ns))
        .value();
}

bool is_template_input(const std::string& key) {
    return key.rfind(visual_theme_prefix, 0) == 0 || key.rfind("templates/", 0) == 0;
}

// True when a content file was added or removed (the theme's files aside).
bool content_files_differ(const InputFiles& a, const InputFiles& b) {
    auto content_keys = [](const InputFiles& files) {
        std::vector<std::string_view> keys;
        for (const auto& [key, stamp] : files)
            if (key.rfind(visual_theme_prefix, 0) != 0) keys.push_back(key);
        return keys;
    };
    return content_keys(a) != content_keys(b);
}

// Where `file` sits among the inputs: its key in InputFiles, or "" when it is not an input.
std::string input_key(const fs::path& file, const fs::path& content_dir, const std::vector<fs::path>& visual_theme_dirs) {
    std::error_code ec;
    fs::path abs = fs::absolute(file, ec).lexically_normal();
    auto inside = [&](const fs::path& root) -> std::optional<fs::path> {
        fs::path rel = abs.lexically_relative(fs::absolute(root, ec).lexically_normal());
        if (rel.empty() || *rel.begin() == "..") return std::nullopt;
        for (const auto& part : rel)
            if (part.string().rfind('.', 0) == 0) return std::nullopt;  // hidden: not content
        return rel;
    };
    if (auto rel = inside(content_dir)) return rel->generic_string();
    for (const auto& dir : visual_theme_dirs)
        if (inside(dir)) return visual_theme_prefix + abs.string();
    return {};
}

std::vector<fs::path> as_paths(const std::vector<std::string>& dirs) { return {dirs.begin(), dirs.end()}; }

// What each way of publishing does differently: the stages ask these, never the mode itself.
// (`techpages check`, which writes nothing, is BuildOptions::write_output.)
struct PublishMode {
    bool new_folder;           // the site is made in a new folder, swapped in whole when the build succeeds
    bool keeps_model;          // the model, loaded files, cards and site files stay in memory for the next
                               // rebuild, which may be told which files changed
    bool saves_cache_on_exit;  // the caches are written once, when the builder ends, not after each build
};
constexpr PublishMode publish_modes[] = {
    /* staged (techpages build) */ {.new_folder = true, .keeps_model = false, .saves_cache_on_exit = false},
    /* in_place (the preview)   */ {.new_folder = false, .keeps_model = true, .saves_cache_on_exit = true},
};
static_assert(std::size(publish_modes) == static_cast<size_t>(SiteBuilder::Publish::in_place) + 1);

}  // namespace

struct SiteBuilder::State {
    BuildOptions options;
    Publish publish;
    fs::path cache_dir;
    bool built = false;  // a build succeeded in this process: what follows describes it
    bool cache_read = false;
    bool cache_dirty = false;         // in place: `cache` is newer than the file on disk
    std::optional<BuildCache> cache;  // what the output folder holds now
    ReadNames read_names;             // what cache->pages and `cards` read, by number
    InputFiles inputs;                // as the last successful build read them

    // Kept between builds in place (the live preview), so a rebuild reads only what changed.
    struct LoadedFile {
        Digest hash;
        ContentRecord record;
        std::vector<Diagnostic> diagnostics;
    };
    ContentTree tree;
    bool have_tree = false;
    std::unordered_map<std::string_view, size_t> entry_index;  // tree.entries by path
    // The content files a rebuild was told changed, when it was told (the live preview):
    // then only those are looked at, not every file of the site.
    std::optional<std::vector<std::string>> changed_keys;
    std::unordered_map<std::string, size_t> profile_index;  // site->profiles by path, once made
    std::vector<size_t> patched_profiles;                    // put into the model as they are (patch_profiles)
    // Every page, made again only with the model: an edit patched into it keeps them all.
    std::optional<std::vector<PageJob>> page_list;
    std::map<std::string, LoadedFile> loaded;  // by content path
    std::optional<VisualTheme> visual_theme;
    std::optional<VisualThemeTemplates> templates;
    Digest templates_hash;
    std::vector<std::unique_ptr<TemplateRenderer>> renderers;
    // Cards, by kind and then in site order: one whose file and reads' values are the same
    // keeps its HTML (lent to each build, not copied: megabytes at 10,000 profiles).
    // The first build of a process reads them from the card cache (build_cache.h).
    CachedCards cards;
    // The search index's entries, by SearchItem and then in site order: an item whose file
    // and dependencies are the same keeps the entries it had.
    struct SearchSlot {
        std::string path;
        Digest dependencies;
        std::string entries;
    };
    std::array<std::vector<SearchSlot>, 4> search_entries;
    // The open data files, made from the plans (and their institutions) alone.
    Digest open_data_dependencies;
    std::vector<SiteFile> open_data;
    ImageIndex images;
    std::set<std::string> photos;
    MediaHeaders media_headers;  // pictures' headers already read, by content hash

    const PublishMode& mode() const { return publish_modes[static_cast<size_t>(publish)]; }
    // The output holds what the cache says and no input changed: fills in `result`.
    bool nothing_changed(const InputFiles& now, const fs::path& cache_file, BuildResult& result);
    // The stages of a build, in the order run calls them; each returns false when the build stops.
    struct Run;
    BuildResult run(Diagnostics& diagnostics, const std::vector<fs::path>* changed);
    bool find_changes(Run& r);
    bool make_model(Run& r);
    bool load_visual_theme_and_templates(Run& r);
    bool write_photos(Run& r);
    bool list_output_pages(Run& r);
    bool start_site_files(Run& r);
    bool build_cards(Run& r);
    bool build_pages(Run& r);
    bool finish_site_files(Run& r);
    bool check_all_links(Run& r);
    bool commit_output(Run& r);
    void forget_failed_build(Run& r);
    void remember_output(Run& r);
    // What each page read and its digest (ReadValues::page), and whether it was kept as it was.
    struct PageRecords {
        explicit PageRecords(size_t n) : digests(n), reads(n), unchanged(n, 0) {}
        std::vector<Digest> digests;
        std::vector<std::vector<uint32_t>> reads;
        std::vector<char> unchanged;
    };
    // A page is kept when what it read last time reads the same now (and, unless `writer`
    // is null because the output is trusted, its file can be kept).
    void find_unchanged_pages(const std::vector<PageJob>& pages, const ReadValues& values, SiteWriter* writer,
                              PageRecords& records);
    // Renders every page not kept, recording what it reads; returns how many.
    size_t render_pages(const std::vector<PageJob>& pages, const Views& views, const ReadValues& values, SiteWriter* writer,
                        bool each_page, PageRecords& records, std::vector<PageLinks>& links, Diagnostics& diagnostics);
    KeptSiteFiles keep_site_files(const Site& site, const Urls& urls, const ReadValues& values, SearchEntries& entries);
    // Re-encodes the site's photos into the output, unless none changed since the last build in place.
    void publish_photos(const Site& site, const std::set<std::string>& site_photos, const InputFiles& now,
                        SiteWriter& writer, PhotoStats& stats, Diagnostics& diagnostics);
    // Every page, listed again only with a new model: an edit patched into it keeps them all.
    const std::vector<PageJob>& current_pages(const Site& site, const SiteIndex& index, bool index_current);
    // Removes the pages the site no longer has; true when a link may now lead nowhere (a
    // page gone, or a page that lost an element id).
    bool remove_gone_pages(const std::vector<PageJob>& pages, const std::unordered_set<std::string_view>& page_paths,
                           const PageRecords& records, const std::vector<PageLinks>& links, SiteWriter* writer);
    // This build's cards: those kept from the last build in place (lent, and given back if
    // the build stops before keeping them anew) and those rendered now, with what each read.
    static constexpr size_t not_lent = SIZE_MAX;
    struct BuildCards {
        explicit BuildCards(CachedCards& kept) : lender(kept) {}
        ~BuildCards();
        CachedCards& lender;
        CardHtml html;
        std::map<CardKind, std::vector<size_t>> lent_from;  // where in `lender` each; not_lent: rendered now
        std::map<CardKind, std::vector<std::vector<uint32_t>>> reads;  // of those rendered now
        bool kept = false;
    };
    // A kept card whose reads read the same now is lent to this build.
    void lend_kept_cards(const Site& site, ReadValues& values, BuildCards& out);
    void render_new_cards(const Site& site, const CardViews& views, ReadValues& values, BuildCards& out);
    // Every card's HTML, with what it read, for the next build (and the card cache).
    void keep_cards(const Site& site, BuildCards& built, const ReadValues& values);
    unsigned threads() const { return options.threads ? options.threads : default_thread_count(); }
    InputFiles current_inputs(const std::vector<fs::path>& visual_theme_guess, const std::vector<fs::path>* changed);
    // The model, kept between builds in place; `index_current` false when it must be made again.
    std::optional<Site> site;
    std::optional<SiteIndex> index;
    bool load(const InputFiles& now, bool content_changed, bool& index_current, Diagnostics& diagnostics);
    MediaCheckOptions media_check_options(const InputFiles& now) const;
    bool patch_profiles(const std::vector<size_t>& changed, std::vector<LoadedFile>& fresh);
};

// One build's working state, handed from stage to stage (see run). The stages fill it in order.
struct SiteBuilder::State::Run {
    Run(Diagnostics& d, const std::vector<fs::path>* c, CachedCards& kept_cards)
        : diagnostics(d), changed(c), cards(kept_cards) {}
    Diagnostics& diagnostics;
    const std::vector<fs::path>* changed;  // the files a rebuild was told changed; null: it finds out
    BuildResult result;
    PhaseTimer timer;
    // inputs
    bool clean = false;  // the cache on disk is not used
    Digest settings;
    fs::path cache_file;
    std::vector<fs::path> visual_theme_guess;  // the visual theme's folders, as last built
    InputFiles now;
    const InputFiles* previous = nullptr;  // as the last build read them
    // model
    bool index_current = false;  // an edit was patched into the model: the index and page list still hold
    // photos
    std::optional<SiteWriter> writer;  // none: `check`, which writes nothing
    std::set<std::string> site_photos;
    // page list
    std::optional<Urls> urls;
    std::optional<MarkdownRenderer> contributor_markdown, site_markdown;
    std::optional<CardViews> card_views;
    std::optional<Views> views;  // made once the cards are
    const std::vector<PageJob>* pages = nullptr;
    std::optional<ReadValues> values;
    bool reuse = false;  // pages and files that did not change are kept as they are
    // site files, made and written while the cards and pages render
    std::vector<std::string> generated;
    std::map<std::string, Digest> generated_hashes;
    SearchEntries kept_search_entries;
    KeptSiteFiles kept_site_files;
    // cards, pages
    BuildCards cards;
    std::optional<PageRecords> records;
    std::vector<PageLinks> links;
    size_t rendered = 0;
    std::unordered_set<std::string_view> page_paths;
    std::set<std::string> files;  // everything published, for the link check
    Digest published;
    bool links_may_break = false;  // a page, file or element id a kept page links to may be gone
    std::future<void> site_files_written;  // last: it uses the members above until it is waited for
};

InputFiles SiteBuilder::State::current_inputs(const std::vector<fs::path>& visual_theme_guess, const std::vector<fs::path>* changed) {
    changed_keys.reset();
    if (!changed || !built) return stat_inputs(options.content_dir, visual_theme_guess);
    InputFiles now = inputs;
    std::vector<std::string> keys;
    for (const auto& file : *changed) {
        std::error_code ec;
        if (fs::is_directory(file, ec)) return stat_inputs(options.content_dir, visual_theme_guess);  // a whole folder: look at everything
        std::string key = input_key(file, options.content_dir, visual_theme_guess);
        if (key.empty()) continue;
        keys.push_back(key);
        FileStamp stamp = stat_file(file);
        if (stamp.size < 0) {
            now.erase(key);
            continue;
        }
        stamp.hash = hash_file(file);  // told it changed: read it, whatever its time says
        now[key] = stamp;
    }
    changed_keys = std::move(keys);
    return now;
}

// An edit that leaves every profile where it was in the site — same name (the sort order),
// themes, skills, registrations, publication — is put into the model as it is, without
// linking every record again or remaking the index: the usual edit, made fast.
bool SiteBuilder::State::patch_profiles(const std::vector<size_t>& changed, std::vector<LoadedFile>& fresh) {
    if (!site || !index || changed.empty()) return false;
    if (profile_index.empty())
        for (size_t i = 0; i < site->profiles.size(); ++i) profile_index.emplace(site->profiles[i].origin.path, i);
    auto& by_path = profile_index;
    std::vector<std::pair<size_t, Profile*>> edits;
    for (size_t j = 0; j < changed.size(); ++j) {
        auto* edited = std::get_if<Profile>(&fresh[j].record);
        auto old = edited ? by_path.find(edited->origin.path) : by_path.end();
        if (!edited || old == by_path.end()) return false;
        const Profile& before = site->profiles[old->second];
        if (edited->name != before.name || edited->published != before.published || edited->commitment_themes != before.commitment_themes ||
            edited->skills != before.skills || edited->registrations != before.registrations)
            return false;
        edits.push_back({old->second, edited});
    }
    patched_profiles.clear();
    for (auto [i, edited] : edits) {
        patched_profiles.push_back(i);
        Profile updated = *edited;
        Profile& before = site->profiles[i];
        updated.institution = before.institution;
        updated.case_studies = before.case_studies;
        updated.career_stories = before.career_stories;
        before = std::move(updated);
    }
    return true;
}

MediaCheckOptions SiteBuilder::State::media_check_options(const InputFiles& now) const {
    MediaCheckOptions m;
    m.content_dir = options.content_dir;
    m.cache_dir = cache_dir / "photos";
    m.out_dir = options.out_dir;
    m.threads = threads();
    m.known_hash = [&now](const std::string& file) -> Digest {  // `check` reads no hashes: the file is read
        auto it = now.find(file);
        return it == now.end() ? Digest{} : it->second.hash;
    };
    return m;
}

bool SiteBuilder::State::load(const InputFiles& now, bool content_changed, bool& index_current, Diagnostics& diagnostics) {
    index_current = false;
    std::error_code ec;
    if (!fs::is_directory(options.content_dir, ec)) {
        diagnostics.error(options.content_dir.string(), {}, "the content folder does not exist",
                          "run techpages from the project folder, or name the folder with --content DIR");
        return false;
    }
    if (!have_tree || content_changed) {
        tree = scan_content(options.content_dir, diagnostics);
        have_tree = true;
        entry_index.clear();
        for (size_t i = 0; i < tree.entries.size(); ++i) entry_index.emplace(tree.entries[i].path, i);
    }
    // Read the files that changed (all of them, the first time), each with its own problems.
    std::vector<LoadedFile*> reused(tree.entries.size(), nullptr);
    std::vector<size_t> to_read;
    auto look_at = [&](size_t i) {
        auto stamp = now.find(tree.entries[i].path);
        auto it = loaded.find(tree.entries[i].path);
        if (it != loaded.end() && stamp != now.end() && it->second.hash == stamp->second.hash) reused[i] = &it->second;
        else to_read.push_back(i);
    };
    bool told_what_changed = mode().keeps_model && changed_keys && !content_changed;
    if (told_what_changed) {  // the others are as they were
        for (const auto& key : *changed_keys)
            if (auto it = entry_index.find(key); it != entry_index.end()) look_at(it->second);
        std::sort(to_read.begin(), to_read.end());
        to_read.erase(std::unique(to_read.begin(), to_read.end()), to_read.end());
    } else {
        for (size_t i = 0; i < tree.entries.size(); ++i) look_at(i);
    }
    auto read = [&](const ContentEntry& entry) {
        LoadedFile file;
        Diagnostics own;
        file.record = read_content_file(entry, own);
        file.diagnostics = own.sorted();
        auto stamp = now.find(entry.path);
        file.hash = stamp == now.end() ? Digest{} : stamp->second.hash;
        return file;
    };
    std::vector<LoadedFile> fresh(to_read.size());
    parallel_for(to_read.size(), threads(), [&](unsigned, size_t j) { fresh[j] = read(tree.entries[to_read[j]]); });
    bool has_problems = false;
    for (const auto& f : fresh) has_problems |= !f.diagnostics.empty();
    if (mode().keeps_model && !content_changed && !has_problems && patch_profiles(to_read, fresh)) {
        for (size_t j = 0; j < to_read.size(); ++j) loaded[tree.entries[to_read[j]].path] = std::move(fresh[j]);
        index_current = true;
        return true;
    }
    if (told_what_changed) {  // the model is made again from every file: the others are as loaded
        std::vector<char> just_read(tree.entries.size(), 0);
        for (size_t i : to_read) just_read[i] = 1;
        for (size_t i = 0; i < tree.entries.size(); ++i) {
            if (just_read[i] || reused[i]) continue;
            auto it = loaded.find(tree.entries[i].path);
            if (it != loaded.end()) {
                reused[i] = &it->second;
                continue;
            }
            to_read.push_back(i);  // (not read before: cannot happen when every file was loaded once)
            fresh.push_back(read(tree.entries[i]));
        }
    }
    std::vector<ContentRecord> records(tree.entries.size());
    profile_index.clear();
    for (size_t j = 0; j < to_read.size(); ++j) {
        size_t i = to_read[j];
        for (const auto& d : fresh[j].diagnostics) diagnostics.add(d);
        if (mode().keeps_model) {
            records[i] = fresh[j].record;
            loaded[tree.entries[i].path] = std::move(fresh[j]);
        } else {
            records[i] = std::move(fresh[j].record);
        }
    }
    for (size_t i = 0; i < tree.entries.size(); ++i) {
        if (!reused[i]) continue;
        for (const auto& d : reused[i]->diagnostics) diagnostics.add(d);
        records[i] = reused[i]->record;
    }
    if (mode().keeps_model && content_changed) {  // forget files that are gone
        std::set<std::string> present;
        for (const auto& e : tree.entries) present.insert(e.path);
        for (auto it = loaded.begin(); it != loaded.end();) it = present.count(it->first) ? std::next(it) : loaded.erase(it);
    }
    LoadOptions load_options;
    load_options.content_dir = options.content_dir;
    load_options.include_drafts = options.include_drafts;
    load_options.threads = options.threads;
    load_options.base_url = options.base_url;
    page_list.reset();
    site.reset();
    index.reset();
    site.emplace(assemble_site(tree, std::move(records), load_options, diagnostics));
    return true;
}

void SiteBuilder::State::find_unchanged_pages(const std::vector<PageJob>& pages, const ReadValues& values, SiteWriter* writer,
                                              PageRecords& records) {
    parallel_for(pages.size(), threads(), [&](unsigned, size_t i) {
        auto it = cache->pages.find(pages[i].site_path);
        if (it == cache->pages.end()) return;
        Digest now_reads = values.page(pages[i], it->second.reads);
        if (now_reads.known() && now_reads == it->second.dependencies && (!writer || writer->keep(output_file(pages[i].site_path)))) {
            records.unchanged[i] = 1;
            records.digests[i] = now_reads;
            records.reads[i] = it->second.reads;
        }
    });
}

size_t SiteBuilder::State::render_pages(const std::vector<PageJob>& pages, const Views& views, const ReadValues& values,
                                        SiteWriter* writer, bool each_page, PageRecords& records, std::vector<PageLinks>& links,
                                        Diagnostics& diagnostics) {
    std::map<std::string, std::string> template_files;  // relative to the content folder, like every message
    for (const auto& name : required_templates())
        template_files[name] = fs::absolute(templates->file(name)).lexically_normal().lexically_relative(fs::absolute(options.content_dir).lexically_normal()).generic_string();
    std::atomic<size_t> rendered{0};
    parallel_for(pages.size(), threads(), [&](unsigned worker, size_t i) {
        const PageJob& job = pages[i];
        links[i].site_path = job.site_path;
        links[i].source = job.source;
        links[i].template_file = template_files.at(job.template_name());
        if (records.unchanged[i]) {  // its ids are lent to the link check, and given back below
            links[i].ids = std::move(cache->pages.at(job.site_path).ids);
            return;
        }
        auto page_started = each_page ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
        ReadLog reads;
        data page_data;
        {
            RecordReads recording(reads);
            page_data = job.build(views);
        }
        records.reads[i] = values.ids(reads);
        records.digests[i] = values.page(job, records.reads[i]);
        std::string html = renderers[worker]->render(job.template_name(), page_data);
        extract_links(html, links[i]);
        if (each_page)
            std::fprintf(stderr, "    %-50s %.1f ms, %zu bytes\n", job.site_path.c_str(),
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - page_started).count(), html.size());
        ++rendered;
        if (writer && !writer->write(output_file(job.site_path), html))
            diagnostics.error((writer->root() / output_file(job.site_path)).string(), {}, "cannot write this page",
                              "check that the output folder is writable and the disk is not full");
    });
    return rendered;
}

// In place: the search index's entries and the open data, kept from the last build for
// what did not change. `entries` holds the function the search index asks.
KeptSiteFiles SiteBuilder::State::keep_site_files(const Site& site, const Urls& urls, const ReadValues& values,
                                                  SearchEntries& entries) {
    entries = [this, &site, &urls, &values](SearchItem kind, size_t i) -> const std::string& {
        CardKind card_kind = kind == SearchItem::profile        ? CardKind::profile
                             : kind == SearchItem::case_study   ? CardKind::case_study
                             : kind == SearchItem::career_story ? CardKind::career_story
                                                                : CardKind::plan;
        auto& slots = search_entries[static_cast<size_t>(kind)];
        slots.resize(card_count(site, card_kind));
        SearchSlot& slot = slots[i];
        const std::string& path = card_origin(site, card_kind, i).path;
        Digest depends_on = values.item(card_kind, i);
        if (slot.path != path || slot.dependencies != depends_on)
            slot = {path, depends_on, search_index_entries(site, urls, kind, i)};
        return slot.entries;
    };
    Hasher plans;
    plans.add(site.plans.size());
    for (size_t i = 0; i < site.plans.size(); ++i) plans.add(site.plans[i].origin.path).add(values.item(CardKind::plan, i));
    if (open_data.empty() || plans.value() != open_data_dependencies) {
        open_data = open_data_files(site, urls);
        open_data_dependencies = plans.value();
    }
    return {&entries, &open_data};
}

void SiteBuilder::State::publish_photos(const Site& site, const std::set<std::string>& site_photos, const InputFiles& now,
                                        SiteWriter& writer, PhotoStats& stats, Diagnostics& diagnostics) {
    bool photos_changed = !built || mode().new_folder || site_photos != photos;
    for (const auto& p : site_photos) {
        auto a = now.find(p);
        auto b = std::as_const(inputs).find(p);
        photos_changed |= a == now.end() || b == inputs.cend() || a->second.hash != b->second.hash;
    }
    if (!photos_changed) {
        stats.cached = site_photos.size();
        return;
    }
    images = process_photos(media_uses(site), options.content_dir, writer.root(), cache_dir / "photos", threads(), stats, diagnostics);
}

const std::vector<PageJob>& SiteBuilder::State::current_pages(const Site& site, const SiteIndex& index, bool index_current) {
    if (!index_current || !page_list) {
        page_list.reset();
        page_list = list_pages(site, index);
        return *page_list;
    }
    // The pages are where they were; only a patched profile's date may have moved.
    auto profile_pages = std::find_if(page_list->begin(), page_list->end(), [](const PageJob& j) { return j.kind == PageKind::profile; });
    for (size_t i : patched_profiles) {
        PageJob& job = profile_pages[static_cast<std::ptrdiff_t>(i)];
        if (job.kind == PageKind::profile && job.item == i) job.lastmod = site.profiles[i].date;
    }
    return *page_list;
}

bool SiteBuilder::State::remove_gone_pages(const std::vector<PageJob>& pages, const std::unordered_set<std::string_view>& page_paths,
                                           const PageRecords& records, const std::vector<PageLinks>& links, SiteWriter* writer) {
    bool links_may_break = false;
    for (const auto& [path, page] : cache->pages) {
        if (page_paths.count(path)) continue;
        links_may_break = true;
        if (writer) writer->remove(output_file(path));
    }
    for (size_t i = 0; i < pages.size() && !links_may_break; ++i) {
        if (records.unchanged[i]) continue;
        auto it = cache->pages.find(pages[i].site_path);
        if (it == cache->pages.end()) continue;
        std::set<std::string> ids(links[i].ids.begin(), links[i].ids.end());
        for (const auto& id : it->second.ids) links_may_break |= !ids.count(id);
    }
    return links_may_break;
}

SiteBuilder::State::BuildCards::~BuildCards() {
    if (kept) return;
    for (auto& [kind, from] : lent_from)
        for (size_t i = 0; i < from.size(); ++i)
            if (from[i] != not_lent) lender[kind][from[i]].html = std::move(html.of(kind)[i]);
}

void SiteBuilder::State::lend_kept_cards(const Site& site, ReadValues& values, BuildCards& out) {
    for (CardKind kind : card_kinds) {
        size_t count = card_count(site, kind);
        std::vector<CachedCard>& kept = cards[kind];
        out.html.of(kind).resize(count);
        out.lent_from[kind].assign(count, not_lent);
        std::map<std::string_view, size_t> by_path;  // when a file was added or removed, the cards after it moved
        for (size_t i = 0; i < count && !kept.empty(); ++i) {
            const std::string& path = card_origin(site, kind, i).path;
            size_t k = i < kept.size() && kept[i].path == path ? i : not_lent;
            if (k == not_lent) {
                if (by_path.empty())
                    for (size_t j = 0; j < kept.size(); ++j) by_path.emplace(kept[j].path, j);
                auto found = by_path.find(path);
                if (found != by_path.end()) k = found->second;
            }
            if (k == not_lent || kept[k].dependencies != values.card(kept[k].reads) || !kept[k].dependencies.known()) continue;
            out.html.of(kind)[i] = std::move(kept[k].html);
            out.lent_from[kind][i] = k;
            values.set_card(kind, i, kept[k].dependencies);
        }
    }
}

void SiteBuilder::State::render_new_cards(const Site& site, const CardViews& views, ReadValues& values, BuildCards& out) {
    for (CardKind kind : card_kinds) out.reads[kind].resize(card_count(site, kind));
    render_cards(site, views, renderers, out.html, [&](CardKind kind, size_t i) { return out.lent_from.at(kind)[i] == not_lent; },
                 [&](CardKind kind, size_t i, const ReadLog& log) {
                     std::vector<uint32_t>& reads = out.reads.at(kind)[i];
                     reads = values.ids(log);
                     values.set_card(kind, i, values.card(reads));
                 });
}

void SiteBuilder::State::keep_cards(const Site& site, BuildCards& built, const ReadValues& values) {
    for (CardKind kind : card_kinds) {
        std::vector<CachedCard>& kept = cards[kind];
        std::vector<CachedCard> next(built.html.of(kind).size());
        for (size_t i = 0; i < next.size(); ++i) {
            size_t from = built.lent_from.at(kind)[i];
            if (from == not_lent) {  // rendered now: its reads are new
                next[i].path = card_origin(site, kind, i).path;
                next[i].reads = std::move(built.reads.at(kind)[i]);
                next[i].dependencies = values.card(next[i].reads);
            } else {
                next[i].path = std::move(kept[from].path);
                next[i].reads = std::move(kept[from].reads);
                next[i].dependencies = kept[from].dependencies;
            }
            next[i].html = std::move(built.html.of(kind)[i]);
        }
        kept = std::move(next);
    }
}

// The visual theme and its templates (loaded again only when one changed), so a broken
// theme fails before anything is written. The theme's files join `now` when its folders
// were not known before.
bool SiteBuilder::State::load_visual_theme_and_templates(Run& r) {
    const SiteConfig& config = site->config;
    const std::vector<fs::path>& visual_theme_guess = r.visual_theme_guess;
    InputFiles& now = r.now;
    Diagnostics& diagnostics = r.diagnostics;
    std::string visual_theme_name = options.visual_theme.empty() ? config.visual_theme : options.visual_theme;
    if (!check_visual_theme(visual_theme_name, !options.visual_theme.empty(), config, options.content_dir, diagnostics)) return false;
    auto new_visual_theme = load_visual_theme(options.content_dir, visual_theme_name, diagnostics);
    if (!new_visual_theme) return false;
    if (options.write_output && new_visual_theme->dirs != visual_theme_guess) {  // the theme's files were not looked at yet
        for (auto it = now.begin(); it != now.end();) it = it->first.rfind(visual_theme_prefix, 0) == 0 ? now.erase(it) : std::next(it);
        InputFiles visual_theme_files = stat_inputs({}, new_visual_theme->dirs);
        hash_inputs(visual_theme_files, *r.previous, {}, threads());
        now.merge(visual_theme_files);
    }

    // render: templates first, so a broken theme fails before anything is written
    Hasher template_hash;
    for (const auto& dir : new_visual_theme->dirs) template_hash.add(dir.string());
    for (const auto& [key, stamp] : now)
        if (is_template_input(key)) template_hash.add(key).add(stamp.hash);
    if (!templates || template_hash.value() != templates_hash) {
        templates.reset();
        renderers.clear();
        cards.clear();
        auto loaded_templates = VisualThemeTemplates::load(new_visual_theme->dirs, options.content_dir / "templates", diagnostics);
        if (!loaded_templates) return false;
        templates.emplace(std::move(*loaded_templates));
        templates_hash = template_hash.value();
    }
    for (const auto& name : required_templates())
        if (!templates->source(name))
            diagnostics.error((new_visual_theme->dirs.front() / "templates").string(), {}, "the theme has no " + name + ".mustache template",
                              "add templates/" + name + ".mustache to the theme");
    if (diagnostics.has_errors()) return false;
    visual_theme = std::move(new_visual_theme);
    while (renderers.size() < threads()) renderers.push_back(std::make_unique<TemplateRenderer>(*templates));
    return true;
}

bool SiteBuilder::State::nothing_changed(const InputFiles& now, const fs::path& cache_file, BuildResult& result) {
    std::error_code ec;
    if (!same_inputs(now, cache->inputs) || !fs::is_regular_file(options.out_dir / "index.html", ec)) return false;
    bool touched = false;  // same contents, new times: remember the times, so they are not read again
    for (auto i = now.begin(), j = std::as_const(cache->inputs).begin(); i != now.end(); ++i, ++j) touched |= !i->second.same_stat(j->second);
    if (touched) {
        cache->inputs = now;
        write_build_cache(cache_file, *cache, read_names);
    }
    if (mode().new_folder) remove_abandoned_staging(options.out_dir);
    inputs = now;
    result.ok = true;
    result.pages = cache->pages.size();
    result.photos.cached = cache->photos;
    result.files_copied = cache->files_copied;
    return true;
}

// The build: its stages, in order. Each returns false when the build stops there, with
// its errors in `diagnostics` (or, when nothing changed, with its result complete).
BuildResult SiteBuilder::State::run(Diagnostics& diagnostics, const std::vector<fs::path>* changed) {
    using Stage = bool (State::*)(Run&);
    static constexpr std::pair<const char*, Stage> stages[] = {
        {"inputs", &State::find_changes},                      // what changed since the last build
        {"model", &State::make_model},                         // load → model: changed files read again
        {"visual theme", &State::load_visual_theme_and_templates},
        {"photos", &State::write_photos},                      // first: pages give their sizes
        {"page list", &State::list_output_pages},
        {"site files begun", &State::start_site_files},        // sitemap, feed, search, open data
        {"cards", &State::build_cards},
        {"pages", &State::build_pages},
        {"site files", &State::finish_site_files},             // and assets; gone pages removed
        {"link check", &State::check_all_links},
        {"commit", &State::commit_output},                     // published, and the cache kept
    };
    auto started = std::chrono::steady_clock::now();
    Run r(diagnostics, changed, cards);
    for (const auto& [name, stage] : stages) {
        if (!(this->*stage)(r)) break;
        r.timer.mark(name);
    }
    r.result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return r.result;
}

// What changed since the last build. Nothing at all: the output is as it should be, done.
bool SiteBuilder::State::find_changes(Run& r) {
    const BuildOptions& o = options;
    if (o.write_output && !output_dir_is_safe(o.out_dir, o.content_dir, o.force && !built, r.diagnostics)) return false;
    // --clean: the first build ignores the cache; rebuilds use what it made. --force too: nothing
    // of a folder techpages did not make is taken into the new site.
    r.clean = (o.clean || o.force) && !built;
    r.settings = settings_hash(o);
    r.cache_file = build_cache_file(cache_dir, o.out_dir);
    if (!cache_read) {
        cache_read = true;
        if (o.write_output && !r.clean) cache = read_build_cache(r.cache_file);
        if (cache) read_names = std::move(cache->read_names);
    }
    if (cache && cache->settings != r.settings) cache.reset();
    r.visual_theme_guess = visual_theme ? visual_theme->dirs : cache ? as_paths(cache->visual_theme_dirs) : std::vector<fs::path>{};
    // (`check` writes nothing and keeps no cache: it need not look at the files' hashes.)
    r.now = o.write_output ? current_inputs(r.visual_theme_guess, r.changed) : InputFiles{};
    static const InputFiles none;
    r.previous = built ? &inputs : cache ? &cache->inputs : &none;
    hash_inputs(r.now, *r.previous, o.content_dir, threads());
    return !(o.write_output && cache && !r.clean && nothing_changed(r.now, r.cache_file, r.result));
}

// The model and its index; media headers checked (`check` sees them too).
bool SiteBuilder::State::make_model(Run& r) {
    bool content_changed = content_files_differ(r.now, *r.previous) || !built;
    bool loaded = load(r.now, content_changed, r.index_current, r.diagnostics);
    if (loaded) check_media(*site, media_check_options(r.now), media_headers, r.diagnostics);
    if (!loaded || r.diagnostics.has_errors()) {
        page_list.reset();
        site.reset();  // not a model to patch
        index.reset();
        return false;
    }
    if (!r.index_current) index.emplace(build_site_index(*site));
    return true;
}

bool SiteBuilder::State::write_photos(Run& r) {
    if (options.write_output) {
        r.writer.emplace(options.out_dir, !mode().new_folder);
        if (!r.writer->begin(r.diagnostics)) return false;
        // In place, the output changes from now on: the cache on disk no longer describes it
        // (it is written again when the builder is done; see ~SiteBuilder).
        std::error_code ec;
        if (!mode().new_folder && !cache_dirty) fs::remove(r.cache_file, ec);
    }
    r.site_photos = photos_of(*site);
    if (r.writer) publish_photos(*site, r.site_photos, r.now, *r.writer, r.result.photos, r.diagnostics);
    else images.clear();
    return !r.diagnostics.has_errors();
}

// Every output page, the views its builder reads, and the values of what it may read.
bool SiteBuilder::State::list_output_pages(Run& r) {
    const Site& site = *this->site;
    r.urls.emplace(site.config.base_url);
    // Content under institutions/ comes from contributors: raw HTML never reaches the page,
    // whatever the site allows for its own pages.
    r.contributor_markdown.emplace(false, r.urls->base_path());
    r.site_markdown.emplace(site.config.allow_raw_html, r.urls->base_path());
    r.card_views.emplace(site, *index, *r.urls, *r.contributor_markdown, *r.site_markdown, images,
                         visual_theme->stylesheets);
    r.pages = &current_pages(site, *index, r.index_current);
    r.values.emplace(site, *index, r.now, r.settings, read_names);
    // Pages whose inputs did not change are kept as they are (hard-linked into the staging
    // folder); the external check needs every page's links.
    r.reuse = r.writer && cache && !r.clean && !options.external_links;
    return true;
}

// The files beside the pages (sitemap, feed, search index, open data) are made and written
// while the cards and pages render: they need the list of pages, not the pages.
bool SiteBuilder::State::start_site_files(Run& r) {
    if (mode().keeps_model) r.kept_site_files = keep_site_files(*site, *r.urls, *r.values, r.kept_search_entries);
    r.site_files_written = std::async(threads() > 1 ? std::launch::async : std::launch::deferred, [this, &r] {
        PhaseTimer files_timer;
        auto made = site_files(*site, *r.pages, *r.urls, r.kept_site_files);
        files_timer.mark("(site files made)");
        for (const auto& file : made) {
            r.generated.push_back(file.path);
            Digest hash = hash_bytes(file.contents);
            r.generated_hashes[file.path] = hash;
            if (!r.writer) continue;
            if (r.reuse) {
                auto old = cache->files.find(file.path);
                if (old != cache->files.end() && old->second == hash && r.writer->keep(file.path)) continue;
            }
            if (!r.writer->write(file.path, file.contents))
                r.diagnostics.error(file.path, {}, "cannot write this file", "check that the output folder is writable");
        }
        files_timer.mark("(site files hashed, written)");
    });
    return true;
}

// Cards whose inputs did not change keep the HTML they had; the others are rendered.
bool SiteBuilder::State::build_cards(Run& r) {
    if (!built && r.reuse && cards.empty()) cards = read_card_cache(card_cache_file(r.cache_file), read_names);
    lend_kept_cards(*site, *r.values, r.cards);
    render_new_cards(*site, *r.card_views, *r.values, r.cards);
    r.views.emplace(*r.card_views, r.cards.html);
    return true;
}

// Pages whose reads read the same as last time are kept; the others are rendered.
bool SiteBuilder::State::build_pages(Run& r) {
    const std::vector<PageJob>& pages = *r.pages;
    // In place, after a build in this process, the output holds what the cache says (it
    // was written here): no need to look at every file.
    bool trust_output = !mode().new_folder && built;
    r.records.emplace(pages.size());
    if (r.reuse) find_unchanged_pages(pages, *r.values, trust_output ? nullptr : &*r.writer, *r.records);
    r.timer.mark("(unchanged pages)");
    r.links.resize(pages.size());
    SiteWriter* writer = r.writer ? &*r.writer : nullptr;
    r.rendered = render_pages(pages, *r.views, *r.values, writer, r.timer.each_page(), *r.records, r.links, r.diagnostics);
    return true;
}

// The site files written (waited for); what the site no longer has removed; the static
// files checked and the assets copied.
bool SiteBuilder::State::finish_site_files(Run& r) {
    r.site_files_written.get();
    const std::vector<PageJob>& pages = *r.pages;
    SiteWriter* writer = r.writer ? &*r.writer : nullptr;
    r.page_paths.reserve(pages.size());
    for (const auto& job : pages) r.page_paths.insert(job.site_path);
    r.links_may_break = !r.reuse;
    if (cache) r.links_may_break |= remove_gone_pages(pages, r.page_paths, *r.records, r.links, writer);
    if (writer && cache)
        for (const auto& [path, hash] : cache->files)
            if (!r.generated_hashes.count(path)) writer->remove(path);
    std::vector<std::string> page_files;
    page_files.reserve(pages.size());
    for (const auto& job : pages) page_files.push_back(output_file(job.site_path));
    bool static_files_ok = check_static_files(*site, *visual_theme, page_files, r.generated, r.diagnostics);
    if (writer && static_files_ok) r.result.files_copied = copy_assets(*site, options.content_dir, *visual_theme, writer->root(), r.diagnostics);
    r.files = published_files(*site, *visual_theme, writer ? &images : nullptr, r.generated);
    Hasher published;
    for (const auto& f : r.files) published.add(f);
    r.published = published.value();
    r.links_may_break |= cache && r.published != cache->published;
    return true;
}

// Every internal link leads somewhere. Links in pages kept as they were are read again
// only when a page, a file or an id they may lead to is gone. And, when asked, every link
// to another site still answers (every page was rendered).
bool SiteBuilder::State::check_all_links(Run& r) {
    const std::vector<PageJob>& pages = *r.pages;
    if (r.links_may_break && r.reuse) {
        parallel_for(pages.size(), threads(), [&](unsigned, size_t i) {
            if (!r.records->unchanged[i]) return;
            cache->pages.at(pages[i].site_path).ids = std::move(r.links[i].ids);
            r.links[i].ids.clear();
            if (auto html = read_file(r.writer->root() / output_file(pages[i].site_path))) extract_links(*html, r.links[i]);
        });
    }
    check_links(r.links, r.files, *r.urls, options.content_dir.string(), r.diagnostics);
    if (!options.external_links) return true;
    auto started = std::chrono::steady_clock::now();
    auto uses = collect_external_links(r.links, *r.urls, options.content_dir.string());
    const SiteConfig& config = site->config;
    auto checker = link_check_options(config.link_check, config.base_url, cache_dir / "links.tsv");
    r.result.external = report_external_links(uses, checker, config.link_check.pos, r.diagnostics);
    r.result.external_unique = uses.size();
    r.result.external_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return true;
}

// `check` ends here. A build with errors publishes nothing; otherwise the output is
// published and what it holds is remembered for the next build.
bool SiteBuilder::State::commit_output(Run& r) {
    if (!r.writer) {
        check_codeowners(*site, options.content_dir, r.diagnostics);
        r.result.ok = !r.diagnostics.has_errors();
        return true;
    }
    if (r.diagnostics.has_errors()) {
        forget_failed_build(r);
        return false;
    }
    // The old cache describes the old output: gone before the new output is swapped in, so a
    // build killed in between leaves no cache (and the next build renders everything).
    std::error_code ec;
    fs::remove(r.cache_file, ec);
    if (!r.writer->commit(r.diagnostics)) {
        cache.reset();
        return false;
    }
    remember_output(r);
    r.result.ok = true;
    r.result.pages = r.pages->size();
    r.result.pages_rendered = r.rendered;
    return true;
}

// The kept pages' ids go back to the cache (unless they were read again from the pages);
// in place, what was written is not what the cache says: never take it as unchanged.
void SiteBuilder::State::forget_failed_build(Run& r) {
    if (!cache) return;
    const std::vector<PageJob>& pages = *r.pages;
    if (!(r.links_may_break && r.reuse))
        for (size_t i = 0; i < pages.size(); ++i)
            if (r.records->unchanged[i]) cache->pages.at(pages[i].site_path).ids = std::move(r.links[i].ids);
    if (mode().new_folder) return;
    for (size_t i = 0; i < pages.size(); ++i)
        if (!r.records->unchanged[i]) cache->pages[pages[i].site_path].dependencies = Digest{};
    for (auto& [path, hash] : r.generated_hashes) cache->files[path] = Digest{};
    cache->inputs.clear();
}

// What the output holds now, for the next build. In place, the cache is brought up to
// date rather than made anew: its 10,000 page paths are not copied again on every save.
void SiteBuilder::State::remember_output(Run& r) {
    const std::vector<PageJob>& pages = *r.pages;
    std::error_code ec;
    BuildCache next = mode().keeps_model && cache ? std::move(*cache) : BuildCache{};
    next.out_dir = fs::absolute(options.out_dir, ec).lexically_normal().string();
    next.settings = r.settings;
    next.visual_theme_dirs.clear();
    for (const auto& dir : visual_theme->dirs) next.visual_theme_dirs.push_back(dir.string());
    next.inputs = r.now;
    for (size_t i = 0; i < pages.size(); ++i)
        next.pages[pages[i].site_path] = {r.records->digests[i], std::move(r.records->reads[i]), std::move(r.links[i].ids)};
    if (next.pages.size() != pages.size())  // pages the site no longer has
        for (auto it = next.pages.begin(); it != next.pages.end();) it = r.page_paths.count(it->first) ? std::next(it) : next.pages.erase(it);
    next.files = std::move(r.generated_hashes);
    next.photos = r.site_photos.size();
    next.files_copied = r.result.files_copied;
    next.published = r.published;
    keep_cards(*site, r.cards, *r.values);
    r.cards.kept = true;
    if (!mode().saves_cache_on_exit) {
        fs::create_directories(cache_dir, ec);
        forget_removed_outputs(cache_dir);
        write_build_cache(r.cache_file, next, read_names);
        write_card_cache(card_cache_file(r.cache_file), cards, read_names);
    } else {
        cache_dirty = true;
    }
    cache = std::move(next);
    inputs = std::move(r.now);
    photos = std::move(r.site_photos);
    built = true;
}

SiteBuilder::SiteBuilder(BuildOptions options, Publish publish) : state_(std::make_unique<State>()) {
    state_->cache_dir = options.cache_dir.empty() ? default_cache_dir(options.content_dir) : options.cache_dir;
    state_->options = std::move(options);
    state_->publish = publish;
}

SiteBuilder::~SiteBuilder() {
    // Writing the cache takes tens of milliseconds at 10,000 pages: once, not on every rebuild.
    State& s = *state_;
    if (!s.cache_dirty || !s.cache) return;
    std::error_code ec;
    fs::create_directories(s.cache_dir, ec);
    forget_removed_outputs(s.cache_dir);
    fs::path file = build_cache_file(s.cache_dir, s.options.out_dir);
    write_build_cache(file, *s.cache, s.read_names);
    write_card_cache(card_cache_file(file), s.cards, s.read_names);
}

BuildResult SiteBuilder::build(Diagnostics& diagnostics) { return state_->run(diagnostics, nullptr); }

BuildResult SiteBuilder::build(const std::vector<fs::path>& changed, Diagnostics& diagnostics) {
    return state_->run(diagnostics, &changed);
}

Site SiteBuilder::load(Diagnostics& diagnostics) {
    bool index_current = false;
    if (!state_->load(InputFiles{}, true, index_current, diagnostics)) return Site{};
    return std::move(*state_->site);
}

}  // namespace techpages
