// What the cells of a plan's spreadsheet mean, one cell at a time: refs and their
// priority marks, Commitment theme names ("Career Dev, sustainability"), TALENT
// recommendation lists ("R1 R2", "R1, R9"), owner lists and status words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/site_model.h"

namespace techpages {

// Ref-shaped: "V1", "CD3", "1", "V1a", "R3.2", "*SD1", "CD3 + V2" — short, no sentence.
bool looks_like_ref(std::string_view text);

struct RefCell {
    std::string ref;
    bool priority = false;  // the plan marks priorities with a leading *
};
RefCell read_ref_cell(std::string_view text);

// "V1a. Encourage and support …" → {"V1a", "Encourage and support …"}: sub-activities
// that carry their ref at the start of their text rather than in the ref column.
std::optional<std::pair<std::string, std::string>> leading_ref(std::string_view text);

// The ref V1a is a sub-action of: "V1" for "V1a", "R3" for "R3.2"; "" when none.
std::string parent_ref_of(std::string_view ref);

struct CommitmentThemeWords {
    std::vector<std::string> ids;  // Commitment theme ids, in the order written
    bool other_words = false;      // the cell says more than theme names
};
// Reads theme names, abbreviated ("Career Dev") or misspelt ("VISBILITY") as plans write
// them, separated by anything ("Visibility; Recognition", "Career Development Sustainability").
CommitmentThemeWords read_commitment_theme_words(std::string_view text);

// A grouping cell as plans write it: "VISBILITY - Ensure that …" is a title and an aim;
// "Workstream: Visibility" is the title "Visibility".
struct GroupingCell {
    std::string title, aim;
};
GroupingCell read_grouping_cell(std::string_view text);

struct TalentCell {
    std::vector<std::string> ids;  // canonical R1 … R16
    bool other_words = false;      // something that is not a recommendation
};
// "R1 R2", "R1, R9", "R1-R3", "R1 and R5".
TalentCell read_talent_cell(std::string_view text);

// Owners split at commas, semicolons, line breaks and " / ".
std::vector<std::string> read_owner_cell(std::string_view text);

// The RAG colour a status word means: red/amber/green, R/A/G, and the common words
// ("Complete", "In progress, near completion", "Not begun, limited progress", "Delayed").
std::optional<Rag> rag_of_status(std::string_view text);

// "yes", "x", "*", "true" → "true"; "no", "" → ""; anything else is the plan's word ("High").
std::string read_priority_cell(std::string_view text);

}  // namespace techpages
