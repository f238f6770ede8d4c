// The fixed words of the Technician Commitment: theme ids, professional
// registrations, TALENT recommendations and RAG statuses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/site_model.h"

namespace techpages {

const std::vector<std::string>& commitment_theme_ids();
std::string default_commitment_theme_title(const std::string& id);

struct Registration {
    std::string name, full_name, body;
};
const std::vector<Registration>& registrations();
const Registration* find_registration(const std::string& name);
std::vector<std::string> registration_names();

// "R1" … "R16"; accepts "r3" and "R03" too, returning the canonical form.
std::optional<std::string> canonical_talent(const std::string& text);
constexpr int talent_count = 16;

// red/amber/green and the common words for them ("Complete", "In progress", "Not begun").
std::optional<Rag> rag_from_word(const std::string& word);
std::string rag_name(Rag rag);  // "green", … "none"
std::string rag_word(Rag rag);  // "Complete", "In progress", "Not begun", "Not reported"

}  // namespace techpages
