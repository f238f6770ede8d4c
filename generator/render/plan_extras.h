// What a plan page shows besides its actions: the status of every action at each review
// (a chart, with the same numbers in a table), what changed since the previous review,
// and links to the plan's open data. docs/themes.md lists the keys.
#pragma once

#include "render/views.h"

namespace techpages {

// `false` when no action has a dated update.
data plan_history_view(const Views& v, const Plan& plan);
// {csv_url, json_url, all_actions_url}
data plan_downloads_view(const Views& v, const Plan& plan);

}  // namespace techpages
