// Writes an action plan as a TOML file in the format of docs/content-model.md: strings
// escaped so any text survives (multi-line text as """ strings), fields always in the
// same order, so the same plan gives the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/site_model.h"

namespace techpages {

// A TOML string: "…" on one line, or """ … """ for text with line breaks.
std::string toml_string(std::string_view text);
// A key: bare when it can be (ref, Resources), quoted otherwise ("Lead Person(s)").
std::string toml_key(std::string_view key);

// Comments written into the file: at the top, and above each action (parallel to plan.actions).
struct PlanFileNotes {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> actions;
};

std::string write_plan_toml(const Plan& plan, const PlanFileNotes& notes = {});

}  // namespace techpages
