// The build cache: what the last successful build read and wrote, kept between runs in
// <content>/../.techpages-cache/build-<output folder's hash>.tsv (git-ignored). With it a
// build knows which inputs changed and which pages it need not render again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "incremental/input_files.h"
#include "render/views.h"

namespace techpages {

// The names of what pages read (incremental/read_values.h), numbered in the order first
// seen: a page's reads are kept as numbers.
struct ReadNames {
    std::vector<std::string> names;
    std::unordered_map<std::string, uint32_t> ids;
    uint32_t intern(std::string name);
};

struct CachedPage {
    Digest dependencies;           // ReadValues::page at the time it was written
    std::vector<uint32_t> reads;   // what it read while it rendered, as numbers in BuildCache::read_names
    std::vector<std::string> ids;  // its element ids, for checking #fragment links into it
};

struct BuildCache {
    std::string out_dir;    // absolute
    Digest settings;        // options and the techpages binary: any change and nothing is reused
    std::vector<std::string> visual_theme_dirs;  // the visual theme's folder, then those of the themes it extends
    InputFiles inputs;
    std::map<std::string, CachedPage> pages;  // by site path; their reads are numbers in `read_names`
    ReadNames read_names;  // as read from the file (a builder keeps its own: SiteBuilder::State)
    std::map<std::string, Digest> files;      // the other files the build wrote (sitemap, feed…): content hash
    size_t photos = 0, files_copied = 0;  // for the summary of a build that had nothing to do
    Digest published;                     // every file a link may lead to: a change means links are checked again
};

// A card's HTML and what it read as it rendered: kept so the next build (in this process,
// or the next one by the card cache) lends it to the pages rather than rendering it again.
struct CachedCard {
    std::string path;             // its item's content file
    std::vector<uint32_t> reads;  // as numbers in the builder's ReadNames
    Digest dependencies;          // ReadValues::card of those reads
    std::string html;
};
using CachedCards = std::map<CardKind, std::vector<CachedCard>>;

// Beside the build cache, read only by a build that renders: <build cache>.cards.
std::filesystem::path card_cache_file(const std::filesystem::path& build_cache);
// Its reads are numbered in `names` (their names are added to it). Empty when the file
// is missing, unreadable or of another version: then every card is rendered.
CachedCards read_card_cache(const std::filesystem::path& file, ReadNames& names);
bool write_card_cache(const std::filesystem::path& file, const CachedCards& cards, const ReadNames& names);

std::filesystem::path build_cache_file(const std::filesystem::path& cache_dir, const std::filesystem::path& out_dir);
// Nothing when there is no cache or it is unreadable (then everything is built).
std::optional<BuildCache> read_build_cache(const std::filesystem::path& file);
// Written beside and renamed into place, so a build killed half-way leaves the old one.
// `names` are those the pages' reads are numbers in.
bool write_build_cache(const std::filesystem::path& file, const BuildCache& cache, const ReadNames& names);
// Removes the caches of output folders that no longer exist (tests and previews build into
// temporary folders), so the cache folder does not grow without end.
void forget_removed_outputs(const std::filesystem::path& cache_dir);

}  // namespace techpages
