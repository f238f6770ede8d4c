// What each read a page or card made (render/reads.h) saw, as a digest, so the build
// cache can tell whether a page would come out the same: a page is kept when every
// value it read at the last build is the same now. Nothing here says what a page reads;
// the pages record that themselves as they render.
//
// Reads are kept between builds by name ("profile:institutions/x/profiles/a.md"), as
// numbers in ReadNames, since the model's indexes move when a file is added or removed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "incremental/build_cache.h"
#include "incremental/input_files.h"
#include "model/site_index.h"
#include "render/pages.h"
#include "render/reads.h"
#include "render/views.h"
#include "util/hash.h"

namespace techpages {

class ReadValues {
public:
    // `settings` covers what is not in a file: options, the techpages binary. New names
    // (items added since the last build) are added to `names`.
    ReadValues(const Site& site, const SiteIndex& index, const InputFiles& files, const Digest& settings, ReadNames& names);

    // A page's or card's reads as numbers, sorted, each once.
    std::vector<uint32_t> ids(const ReadLog& log) const;
    // What the reads `ids` see now. A name the site no longer has reads as changed.
    Digest digest(const std::vector<uint32_t>& ids) const;
    // A page: what it is (its address, template and the items it lists) and what it read.
    Digest page(const PageJob& job, const std::vector<uint32_t>& ids) const;
    // A card: its template and what it read. A page listing the card reads this value.
    Digest card(const std::vector<uint32_t>& ids) const;
    // Called once each card has rendered (or kept its HTML), before any page's digest.
    void set_card(CardKind kind, size_t i, const Digest& value) { values_[ids_[fact_index(card_fact(kind))][i]] = value; }
    // An item's own record and its institution's, for what is made from them without
    // rendering through Views (the search index's entries, the open data).
    Digest item(CardKind kind, size_t i) const;
    // Shared by every page: settings, site.toml, templates, theme files, Commitment themes.
    Digest global() const { return global_; }

private:
    static size_t fact_index(Fact f) { return static_cast<size_t>(f); }
    void add(ReadNames& names, Fact fact, std::string key, const Digest& value);
    Digest file(const std::string& content_path) const;
    void add_records(ReadNames& names);
    void add_lists(ReadNames& names, const SiteIndex& index);

    const Site& site_;
    const InputFiles& files_;
    Digest global_;
    std::vector<Digest> values_;                               // by name number; none: not in this site
    std::array<std::vector<uint32_t>, fact_count> ids_;        // by Fact, then by Read::index
};

}  // namespace techpages
