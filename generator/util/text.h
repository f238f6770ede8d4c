// Small string helpers shared by every stage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace techpages {

// "Mass spectrometry (LC-MS)" -> "mass-spectrometry-lc-ms": the last part of a term's address.
std::string slugify(std::string_view text);
// A taxonomy term's address: slugify with the signs that make it another term spelt out
// ("C++" -> "c-plus-plus", "C#" -> "c-sharp", ".NET" -> "dot-net"); "" when the term has
// no letter or digit.
std::string term_slug(std::string_view name);
// The signs of a term that its address leaves out but that still tell it from another
// ("Python 3.1" from "Python 3 1", "50%" from "50"): every character but letters, digits,
// white space, the separators - _ / , ; : ( ) [ ] ' " ! ? and a full stop not between two
// letters or digits. Two terms are the same when term_slug and term_signs both agree.
std::string term_signs(std::string_view name);
// True for names made of a-z, 0-9 and single inner hyphens.
bool is_valid_slug(std::string_view text);
std::string to_lower(std::string_view text);
std::string trim(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
// Escapes & < > " ' for text placed in HTML or XML, and drops every character
// forbidden_char_length finds (XML 1.0 would not parse the file with them).
std::string html_escape(std::string_view text);
// The length in bytes of a character at s[i] that may not reach a page or feed, or 0:
// C0 controls but tab, LF and CR, U+FFFE, U+FFFF and UTF-16 surrogates (XML 1.0 forbids
// them), DEL and the C1 controls U+0080–U+009F (HTML parse errors). `cp` gets its value.
size_t forbidden_char_length(std::string_view s, size_t i, uint32_t* cp = nullptr);
// Offset of the first such character, or npos.
size_t find_forbidden_char(std::string_view s, uint32_t* cp = nullptr);
// `text` without them.
std::string drop_forbidden_chars(std::string_view text);
// "U+0001": how a message names a character.
std::string code_point_name(uint32_t cp);
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
