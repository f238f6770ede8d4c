// Checks shared by several kinds of file: theme ids, URLs, ORCID iDs, registrations.
#pragma once

#include <string>
#include <vector>

#include "model/field_reader.h"

namespace techpages {

// Keeps the ids that are Commitment themes; reports the others at `key`.
std::vector<std::string> checked_commitment_theme_ids(FieldReader& fields, const std::string& key);
// Only http(s) and mailto links may reach the page; reports others.
bool is_safe_url(const std::string& url);
std::string checked_url(FieldReader& fields, const std::string& key, bool required = false);
// 16 digits in four groups, the last a ISO 7064 MOD 11-2 check character.
bool is_valid_orcid(const std::string& orcid);
// name@domain.tld: one @, no spaces, a dot in the domain.
bool is_valid_email(const std::string& email);
// A GitHub user (@name: 1–39 letters, digits and single inner hyphens) or team
// (@org/team-slug: letters, digits, - and _).
bool is_github_owner(const std::string& name);
// Reviewers for CODEOWNERS: GitHub users and teams, or e-mail addresses of printable ASCII
// without #; any other entry (a space or line break would add a line of its own to
// CODEOWNERS) is reported at its line and left out.
std::vector<std::string> checked_reviewers(FieldReader& fields, const std::string& key);
// Free taxonomy terms (skills): a term with no letter or digit has no address of its own
// and is reported at its line and left out. `positions` gets where each kept one stands.
std::vector<std::string> checked_terms(FieldReader& fields, const std::string& key, std::vector<SourcePos>& positions);
std::vector<std::string> checked_registrations(FieldReader& fields, const std::string& key);
std::vector<std::string> checked_talent(FieldReader& fields, const std::string& key);
std::vector<Link> read_links(FieldReader& fields, const std::string& key);
// A file name beside the content file (no folders, nothing outside the tree).
std::string checked_local_file(FieldReader& fields, const std::string& key);

}  // namespace techpages
