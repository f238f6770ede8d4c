// The search index the /search/ page's script reads: one entry per technician profile,
// case study, career story and plan action, as JSON.
#pragma once

#include <functional>
#include <string>

#include "model/site_model.h"
#include "render/urls.h"

namespace techpages {

constexpr const char* search_index_path = "search/index.json";

// What an item of the index is: each one's entries come from one content file.
enum class SearchItem { profile, case_study, career_story, plan };

// One item's entries (site.profiles[i], …): each entry on its own line, ending ",\n". A
// plan has one entry per action (none when it has no actions).
std::string search_index_entries(const Site& site, const Urls& urls, SearchItem kind, size_t i);

// Where search_index_json finds each item's entries: the live preview keeps them between
// builds and makes again only those of the items that changed.
using SearchEntries = std::function<const std::string&(SearchItem kind, size_t i)>;

// [{"t": title, "u": link, "k": kind, "s": summary shown under the result,
//   "w": more words that match but are not shown (institution, skills, body text)}, …]
// in site order, one entry per line. Links are site links (under the base path).
std::string search_index_json(const Site& site, const Urls& urls);
std::string search_index_json(const Site& site, const SearchEntries& entries);

}  // namespace techpages
