// Small string helpers shared by every stage.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace techpages {

// "Mass spectrometry (LC-MS)" -> "mass-spectrometry-lc-ms": the last part of a term's address.
std::string slugify(std::string_view text);
// True for names made of a-z, 0-9 and single inner hyphens.
bool is_valid_slug(std::string_view text);
std::string to_lower(std::string_view text);
std::string trim(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
// Escapes & < > " ' for text placed in HTML or XML.
std::string html_escape(std::string_view text);
// Offset of the first byte that is not valid UTF-8, or npos.
size_t find_invalid_utf8(std::string_view text);
// Levenshtein distance, for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word`, if close enough to be a plausible typo; else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
// "a", "a or b", "a, b or c" — for messages listing what is allowed.
std::string join_alternatives(const std::vector<std::string>& items, std::string_view last_word = "or");
std::string join(const std::vector<std::string>& items, std::string_view separator);
// The first sentence-ish of Markdown text as plain text, at most `limit` characters.
std::string plain_excerpt(std::string_view markdown, size_t limit);

}  // namespace techpages
