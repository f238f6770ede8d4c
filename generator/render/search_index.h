// The search index the /search/ page's script reads: one entry per technician profile,
// case study, career story and plan action, as JSON.
#pragma once

#include <string>

#include "model/site_model.h"
#include "render/urls.h"

namespace techpages {

constexpr const char* search_index_path = "search/index.json";

// [{"t": title, "u": link, "k": kind, "s": summary shown under the result,
//   "w": more words that match but are not shown (institution, skills, body text)}, …]
// in site order, one entry per line. Links are site links (under the base path).
std::string search_index_json(const Site& site, const Urls& urls);

}  // namespace techpages
