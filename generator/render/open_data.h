// Open data: every plan as JSON and CSV beside its page, and every action of every plan
// in one CSV, so funders and researchers can reuse what the pages show. The schema is
// docs/open-data.md; `open_data_version` changes whenever a column or key does.
#pragma once

#include <string>
#include <vector>

#include "model/site_model.h"
#include "render/site_files.h"
#include "render/urls.h"

namespace techpages {

constexpr int open_data_version = 1;
constexpr const char* all_actions_csv_path = "actions.csv";

namespace site_path {
// "institutions/lstm/plans/2024-2027/lstm-2024-2027.csv" (and .json): named after the
// institution and plan, so a downloaded file says what it is.
std::string plan_csv(const Institution& inst, const Plan& p);
std::string plan_json(const Institution& inst, const Plan& p);
}  // namespace site_path

std::string plan_open_json(const Site& site, const Plan& plan, const Urls& urls);
// One row per action of every plan, in the site's plan order.
std::string all_actions_csv(const Site& site, const Urls& urls);

// Each plan's CSV is the table `techpages export-plan` writes (plan_csv), so spreadsheet
// → site → spreadsheet loses nothing.
std::vector<SiteFile> open_data_files(const Site& site, const Urls& urls);

}  // namespace techpages
