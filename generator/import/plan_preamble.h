// The lines above a plan's table: its title, its introduction, and the key many plans
// put there — phases ("Phase 1 (P1) = Jan 24 to Dec 24"), abbreviations for owners
// ("GB = Gemma Black") and footnote marks ("¹ mentioned in feedback from technical staff").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import/csv_reader.h"
#include "model/site_model.h"

namespace techpages {

struct Preamble {
    std::string title;
    int title_line = 0;  // 0: no line looked like a title
    std::string intro;   // the other lines, as Markdown paragraphs
    std::vector<Phase> phases;
    std::vector<GlossaryEntry> glossary;
    std::vector<PlanFlag> flags;
};

// `rows` are the rows above the header; rows whose text is in `skip` (page headings
// repeated through the file) are left out of the introduction.
Preamble read_preamble(const std::vector<CsvRow>& rows, const std::vector<std::string>& skip);

// The phases a timescale names, given the plan's key: "P1-3" → P1, P2, P3; "P1 and P3" →
// P1, P3. Empty unless every phase it names is in the key.
std::vector<std::string> phases_in_timescale(std::string_view timescale, const std::vector<Phase>& phases);

}  // namespace techpages
