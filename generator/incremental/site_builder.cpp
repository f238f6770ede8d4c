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
        .add(o.theme)
        .add(o.base_url)
        .add(o.include_drafts ? 1 : 0)
        .add(static_cast<uint64_t>(binary.size))
        .add(static_cast<uint64_t>(binary.mtime_ns))
        .value();
}

bool is_template_input(const std::string& key) {
    return key.rfind(theme_prefix, 0) == 0 || key.rfind("templates/", 0) == 0;
}

// True when a content file was added or removed (the theme's files aside).
bool content_files_differ(const InputFiles& a, const InputFiles& b) {
    auto content_keys = [](const InputFiles& files) {
        std::vector<std::string_view> keys;
        for (const auto& [key, stamp] : files)
            if (key.rfind(theme_prefix, 0) != 0) keys.push_back(key);
        return keys;
    };
    return content_keys(a) != content_keys(b);
}

// Where `file` sits among the inputs: its key in InputFiles, or "" when it is not an input.
std::string input_key(const fs::path& file, const fs::path& content_dir, const std::vector<fs::path>& theme_dirs) {
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
    for (const auto& dir : theme_dirs)
        if (inside(dir)) return theme_prefix + abs.string();
    return {};
}

std::vector<fs::path> as_paths(const std::vector<std::string>& dirs) { return {dirs.begin(), dirs.end()}; }

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
    std::optional<VisualTheme> theme;
    std::optional<ThemeTemplates> templates;
    Digest templates_hash;
    std::vector<std::unique_ptr<TemplateRenderer>> renderers;
    // Cards, by kind and then in site order: one whose file and reads' values are the same
    // keeps its HTML (lent to each build, not copied: megabytes at 10,000 profiles).
    struct KeptCard {
        std::string path;
        std::vector<uint32_t> reads;  // what it read as it rendered (ReadValues::ids)
        Digest dependencies;          // ReadValues::card of those reads
        std::string html;
    };
    std::map<CardKind, std::vector<KeptCard>> cards;
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

    bool keep_in_memory() const { return publish == Publish::in_place; }
    // The output holds what the cache says and no input changed: fills in `result`.
    bool nothing_changed(const InputFiles& now, const fs::path& cache_file, BuildResult& result);
    bool load_theme_and_templates(const SiteConfig& config, const std::vector<fs::path>& theme_guess,
                                  const InputFiles& previous, InputFiles& now, Diagnostics& diagnostics);
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
        explicit BuildCards(std::map<CardKind, std::vector<KeptCard>>& kept) : lender(kept) {}
        ~BuildCards();
        std::map<CardKind, std::vector<KeptCard>>& lender;
        CardHtml html;
        std::map<CardKind, std::vector<size_t>> lent_from;  // where in `lender` each; not_lent: rendered now
        std::map<CardKind, std::vector<std::vector<uint32_t>>> reads;  // of those rendered now
        bool kept = false;
    };
    // A kept card whose reads read the same now is lent to this build.
    void lend_kept_cards(const Site& site, ReadValues& values, BuildCards& out);
    void render_new_cards(const Site& site, const Views& views, ReadValues& values, BuildCards& out);
    // In place: every card's HTML, with what it read, for the next rebuild.
    void keep_cards(const Site& site, BuildCards& built, const ReadValues& values);
    unsigned threads() const { return options.threads ? options.threads : default_thread_count(); }
    BuildResult run(Diagnostics& diagnostics, const std::vector<fs::path>* changed);
    InputFiles current_inputs(const std::vector<fs::path>& theme_guess, const std::vector<fs::path>* changed);
    // The model, kept between builds in place; `index_current` false when it must be made again.
    std::optional<Site> site;
    std::optional<SiteIndex> index;
    bool load(const InputFiles& now, bool content_changed, bool& index_current, Diagnostics& diagnostics);
    MediaCheckOptions media_check_options(const InputFiles& now) const;
    bool patch_profiles(const std::vector<size_t>& changed, std::vector<LoadedFile>& fresh);
};

InputFiles SiteBuilder::State::current_inputs(const std::vector<fs::path>& theme_guess, const std::vector<fs::path>* changed) {
    changed_keys.reset();
    if (!changed || !built) return stat_inputs(options.content_dir, theme_guess);
    InputFiles now = inputs;
    std::vector<std::string> keys;
    for (const auto& file : *changed) {
        std::error_code ec;
        if (fs::is_directory(file, ec)) return stat_inputs(options.content_dir, theme_guess);  // a whole folder: look at everything
        std::string key = input_key(file, options.content_dir, theme_guess);
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
        if (edited->name != before.name || edited->published != before.published || edited->themes != before.themes ||
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
    bool told_what_changed = keep_in_memory() && changed_keys && !content_changed;
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
    if (keep_in_memory() && !content_changed && !has_problems && patch_profiles(to_read, fresh)) {
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
        if (keep_in_memory()) {
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
    if (keep_in_memory() && content_changed) {  // forget files that are gone
        std::set<std::string> present;
        for (const auto& e : tree.entries) present.insert(e.path);
        for (auto it = loaded.begin(); it != loaded.end();) it = present.count(it->first) ? std::next(it) : loaded.erase(it);
    }
    LoadOptions load_options;
    load_options.content_dir = options.content_dir;
    load_options.include_drafts = options.include_drafts;
    load_options.threads = options.threads;
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
        links[i].template_file = template_files.at(job.template_name);
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
        std::string html = renderers[worker]->render(job.template_name, page_data);
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
    bool photos_changed = !built || publish == Publish::staged || site_photos != photos;
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
        std::vector<KeptCard>& kept = cards[kind];
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

void SiteBuilder::State::render_new_cards(const Site& site, const Views& views, ReadValues& values, BuildCards& out) {
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
        std::vector<KeptCard>& kept = cards[kind];
        std::vector<KeptCard> next(built.html.of(kind).size());
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
bool SiteBuilder::State::load_theme_and_templates(const SiteConfig& config, const std::vector<fs::path>& theme_guess,
                                                  const InputFiles& previous, InputFiles& now, Diagnostics& diagnostics) {
    std::string theme_name = options.theme.empty() ? config.theme : options.theme;
    if (!check_theme(theme_name, !options.theme.empty(), config, options.content_dir, diagnostics)) return false;
    auto new_theme = load_visual_theme(options.content_dir, theme_name, diagnostics);
    if (!new_theme) return false;
    if (options.write_output && new_theme->dirs != theme_guess) {  // the theme's files were not looked at yet
        for (auto it = now.begin(); it != now.end();) it = it->first.rfind(theme_prefix, 0) == 0 ? now.erase(it) : std::next(it);
        InputFiles theme_files = stat_inputs({}, new_theme->dirs);
        hash_inputs(theme_files, previous, {}, threads());
        now.merge(theme_files);
    }

    // render: templates first, so a broken theme fails before anything is written
    Hasher template_hash;
    for (const auto& dir : new_theme->dirs) template_hash.add(dir.string());
    for (const auto& [key, stamp] : now)
        if (is_template_input(key)) template_hash.add(key).add(stamp.hash);
    if (!templates || template_hash.value() != templates_hash) {
        templates.reset();
        renderers.clear();
        cards.clear();
        auto loaded_templates = ThemeTemplates::load(new_theme->dirs, options.content_dir / "templates", diagnostics);
        if (!loaded_templates) return false;
        templates.emplace(std::move(*loaded_templates));
        templates_hash = template_hash.value();
    }
    for (const auto& name : required_templates())
        if (!templates->source(name))
            diagnostics.error((new_theme->dirs.front() / "templates").string(), {}, "the theme has no " + name + ".mustache template",
                              "add templates/" + name + ".mustache to the theme");
    if (diagnostics.has_errors()) return false;
    theme = std::move(new_theme);
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
    if (publish == Publish::staged) remove_abandoned_staging(options.out_dir);
    inputs = now;
    result.ok = true;
    result.pages = cache->pages.size();
    result.photos.cached = cache->photos;
    result.files_copied = cache->files_copied;
    return true;
}

BuildResult SiteBuilder::State::run(Diagnostics& diagnostics, const std::vector<fs::path>* changed) {
    auto started = std::chrono::steady_clock::now();
    PhaseTimer timer;
    auto finish = [&](BuildResult& r) {
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return r;
    };
    BuildResult result;
    const BuildOptions& o = options;
    if (o.write_output && !output_dir_is_safe(o.out_dir, o.content_dir, o.force && !built, diagnostics)) return result;
    // --clean: the first build ignores the cache; rebuilds use what it made. --force too: nothing
    // of a folder techpages did not make is taken into the new site.
    bool clean = (o.clean || o.force) && !built;
    Digest settings = settings_hash(o);
    fs::path cache_file = build_cache_file(cache_dir, o.out_dir);
    if (!cache_read) {
        cache_read = true;
        if (o.write_output && !clean) cache = read_build_cache(cache_file);
        if (cache) read_names = std::move(cache->read_names);
    }
    if (cache && cache->settings != settings) cache.reset();

    // What changed since the last build? Nothing: nothing to do.
    std::vector<fs::path> theme_guess = theme ? theme->dirs : cache ? as_paths(cache->theme_dirs) : std::vector<fs::path>{};
    // (`check` writes nothing and keeps no cache: it need not look at the files' hashes.)
    InputFiles now = o.write_output ? current_inputs(theme_guess, changed) : InputFiles{};
    static const InputFiles none;
    const InputFiles& previous = built ? inputs : cache ? cache->inputs : none;
    hash_inputs(now, previous, o.content_dir, threads());
    timer.mark("look at the inputs");
    std::error_code ec;
    if (o.write_output && cache && !clean && nothing_changed(now, cache_file, result)) return finish(result);

    // load → model: only the files that changed are read again
    bool content_changed = content_files_differ(now, previous) || !built;
    bool index_current = false;
    bool loaded_model = load(now, content_changed, index_current, diagnostics);
    if (loaded_model) check_media(*site, media_check_options(now), media_headers, diagnostics);  // check sees it too
    if (!loaded_model || diagnostics.has_errors()) {
        page_list.reset();
        site.reset();  // not a model to patch
        index.reset();
        return result;
    }
    Site& site = *this->site;
    timer.mark("load");
    if (!o.base_url.empty()) site.config.base_url = o.base_url;
    if (!load_theme_and_templates(site.config, theme_guess, previous, now, diagnostics)) return result;
    timer.mark("theme and templates");
    if (!index_current) index.emplace(build_site_index(site));
    const SiteIndex& index = *this->index;
    timer.mark("index");

    // write: photos first, since pages give their sizes
    std::optional<SiteWriter> writer;
    if (o.write_output) {
        writer.emplace(o.out_dir, publish == Publish::in_place);
        if (!writer->begin(diagnostics)) return result;
        // In place, the output changes from now on: the cache on disk no longer describes it
        // (it is written again when the builder is done; see ~SiteBuilder).
        if (publish == Publish::in_place && !cache_dirty) fs::remove(cache_file, ec);
    }
    std::set<std::string> site_photos = photos_of(site);
    if (writer) publish_photos(site, site_photos, now, *writer, result.photos, diagnostics);
    else images.clear();
    if (diagnostics.has_errors()) return result;
    timer.mark("photos");

    Urls urls(site.config.base_url);
    // Content under institutions/ comes from contributors: raw HTML never reaches the page,
    // whatever the site allows for its own pages.
    MarkdownRenderer contributor_markdown(false, urls.base_path());
    MarkdownRenderer site_markdown(site.config.allow_raw_html, urls.base_path());
    Views views(site, index, urls, contributor_markdown, site_markdown, images);
    views.set_stylesheets(theme->stylesheets);
    const std::vector<PageJob>& pages = current_pages(site, index, index_current);
    ReadValues values(site, index, now, settings, read_names);
    timer.mark("list pages, values of reads");

    // Pages whose inputs did not change are kept as they are (hard-linked into the staging folder).
    bool reuse = writer && cache && !clean && !o.external_links;  // the external check needs every page's links

    // The files beside the pages (sitemap, feed, search index, open data) are made and
    // written while the cards and pages render: they need the list of pages, not the pages.
    std::vector<std::string> generated;
    std::map<std::string, Digest> generated_hashes;
    SearchEntries kept_search_entries;
    KeptSiteFiles kept_site_files;
    if (keep_in_memory()) kept_site_files = keep_site_files(site, urls, values, kept_search_entries);
    auto site_files_written = std::async(threads() > 1 ? std::launch::async : std::launch::deferred, [&] {
        PhaseTimer files_timer;
        auto made = site_files(site, pages, urls, kept_site_files);
        files_timer.mark("(site files made)");
        for (const auto& file : made) {
            generated.push_back(file.path);
            Digest hash = hash_bytes(file.contents);
            generated_hashes[file.path] = hash;
            if (!writer) continue;
            auto old = reuse ? cache->files.find(file.path) : cache->files.end();
            if (reuse && old != cache->files.end() && old->second == hash && writer->keep(file.path)) continue;
            if (!writer->write(file.path, file.contents))
                diagnostics.error(file.path, {}, "cannot write this file", "check that the output folder is writable");
        }
        files_timer.mark("(site files hashed, written)");
    });


    // Cards whose inputs did not change keep the HTML they had; the others are rendered.
    BuildCards built_cards(cards);
    lend_kept_cards(site, values, built_cards);
    render_new_cards(site, views, values, built_cards);
    CardHtml& card_html = built_cards.html;
    views.set_card_html(&card_html);
    timer.mark("cards");

    // In place, after a build in this process, the output holds what the cache says (it
    // was written here): no need to look at every file.
    bool trust_output = publish == Publish::in_place && built;
    PageRecords records(pages.size());
    if (reuse) find_unchanged_pages(pages, values, trust_output ? nullptr : &*writer, records);
    timer.mark("unchanged pages");
    std::vector<PageLinks> links(pages.size());
    size_t rendered = render_pages(pages, views, values, writer ? &*writer : nullptr, timer.each_page(), records, links, diagnostics);
    timer.mark("render and write pages");
    site_files_written.get();
    timer.mark("site files (waited for)");

    // Pages the site no longer has; pages that lost an element id a link may point at.
    std::unordered_set<std::string_view> page_paths(pages.size());
    for (const auto& job : pages) page_paths.insert(job.site_path);
    bool links_may_break = !reuse;
    if (cache) links_may_break |= remove_gone_pages(pages, page_paths, records, links, writer ? &*writer : nullptr);

    if (writer && cache)
        for (const auto& [path, hash] : cache->files)
            if (!generated_hashes.count(path)) writer->remove(path);
    std::vector<std::string> page_files;
    page_files.reserve(pages.size());
    for (const auto& job : pages) page_files.push_back(output_file(job.site_path));
    bool static_files_ok = check_static_files(site, *theme, page_files, generated, diagnostics);
    if (writer && static_files_ok) result.files_copied = copy_assets(site, o.content_dir, *theme, writer->root(), diagnostics);
    std::set<std::string> files = published_files(site, *theme, writer ? &images : nullptr, generated);
    Hasher published;
    for (const auto& f : files) published.add(f);
    links_may_break |= cache && published.value() != cache->published;

    // check: every internal link leads somewhere. Links in pages kept as they were are read
    // again only when a page, a file or an id they may lead to is gone.
    if (links_may_break && reuse) {
        parallel_for(pages.size(), threads(), [&](unsigned, size_t i) {
            if (!records.unchanged[i]) return;
            cache->pages.at(pages[i].site_path).ids = std::move(links[i].ids);
            links[i].ids.clear();
            if (auto html = read_file(writer->root() / output_file(pages[i].site_path))) extract_links(*html, links[i]);
        });
    }
    timer.mark("removed pages, assets");
    check_links(links, files, urls, o.content_dir.string(), diagnostics);
    timer.mark("check links");
    // and, when asked, every link to another site still answers (every page was rendered)
    if (o.external_links) {
        auto started_external = std::chrono::steady_clock::now();
        auto uses = collect_external_links(links, urls, o.content_dir.string());
        auto checker = link_check_options(site.config.link_check, site.config.base_url, cache_dir / "links.tsv");
        result.external = report_external_links(uses, checker, site.config.link_check.pos, diagnostics);
        result.external_unique = uses.size();
        result.external_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_external).count();
    }
    auto give_back_ids = [&] {
        if (links_may_break && reuse) return;  // they were read again from the pages; the cache keeps its own
        for (size_t i = 0; i < pages.size(); ++i)
            if (records.unchanged[i]) cache->pages.at(pages[i].site_path).ids = std::move(links[i].ids);
    };
    if (!writer) {
        check_codeowners(site, o.content_dir, diagnostics);
        result.ok = !diagnostics.has_errors();
        return finish(result);
    }
    if (diagnostics.has_errors()) {
        if (cache) give_back_ids();
        if (cache && publish == Publish::in_place) {
            // What was written in place is not what the cache says: never take it as unchanged.
            for (size_t i = 0; i < pages.size(); ++i)
                if (!records.unchanged[i]) cache->pages[pages[i].site_path].dependencies = Digest{};
            for (auto& [path, hash] : generated_hashes) cache->files[path] = Digest{};
            cache->inputs.clear();
        }
        return result;
    }
    // The old cache describes the old output: gone before the new output is swapped in, so a
    // build killed in between leaves no cache (and the next build renders everything).
    fs::remove(cache_file, ec);
    if (!writer->commit(diagnostics)) {
        cache.reset();
        return result;
    }

    // Remember what the output holds, for the next build.
    // In place, the cache is brought up to date rather than made anew: its 10,000 page
    // paths are not copied again on every save.
    BuildCache next = publish == Publish::in_place && cache ? std::move(*cache) : BuildCache{};
    next.out_dir = fs::absolute(o.out_dir, ec).lexically_normal().string();
    next.settings = settings;
    next.theme_dirs.clear();
    for (const auto& dir : theme->dirs) next.theme_dirs.push_back(dir.string());
    next.inputs = now;
    for (size_t i = 0; i < pages.size(); ++i)
        next.pages[pages[i].site_path] = {records.digests[i], std::move(records.reads[i]), std::move(links[i].ids)};
    if (next.pages.size() != pages.size())  // pages the site no longer has
        for (auto it = next.pages.begin(); it != next.pages.end();) it = page_paths.count(it->first) ? std::next(it) : next.pages.erase(it);
    next.files = std::move(generated_hashes);
    next.photos = site_photos.size();
    next.files_copied = result.files_copied;
    next.published = published.value();
    if (publish == Publish::staged) {
        fs::create_directories(cache_dir, ec);
        forget_removed_outputs(cache_dir);
        write_build_cache(cache_file, next, read_names);
    } else {
        cache_dirty = true;
    }
    cache = std::move(next);
    inputs = std::move(now);
    photos = std::move(site_photos);
    built = true;
    built_cards.kept = true;
    if (keep_in_memory()) keep_cards(site, built_cards, values);

    timer.mark("commit, keep the cache");
    result.ok = true;
    result.pages = pages.size();
    result.pages_rendered = rendered;
    return finish(result);
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
    write_build_cache(build_cache_file(s.cache_dir, s.options.out_dir), *s.cache, s.read_names);
}

BuildResult SiteBuilder::build(Diagnostics& diagnostics) { return state_->run(diagnostics, nullptr); }

BuildResult SiteBuilder::rebuild(Diagnostics& diagnostics) { return state_->run(diagnostics, nullptr); }

BuildResult SiteBuilder::rebuild(const std::vector<fs::path>& changed, Diagnostics& diagnostics) {
    return state_->run(diagnostics, &changed);
}

}  // namespace techpages
