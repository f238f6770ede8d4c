#include "util/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <cstdio>

namespace techpages {

namespace {

// Decodes one UTF-8 sequence at s[i] (already validated); returns its length.
size_t decode_utf8(std::string_view s, size_t i, uint32_t& cp) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (i + len > s.size()) len = 1;
    cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return len;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Lower case for the scripts names on this site are written in: Latin, Greek, Cyrillic.
uint32_t lower_code_point(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F) {
        bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
        if (odd_upper) return (cp % 2 == 1) ? cp + 1 : cp;
        return (cp % 2 == 0) ? cp + 1 : cp;
    }
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    return cp;
}

// Punctuation, symbols, spaces and invisible characters outside ASCII: an address leaves
// them out like ASCII punctuation ("—", "«", "©", "…", "€", emoji, variation selectors).
bool is_unicode_sign(uint32_t cp) {
    if (cp >= 0x80 && cp <= 0xBF)  // Latin-1 signs, but ª ² ³ µ ¹ º
        return cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 && cp != 0xB9 && cp != 0xBA;
    return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x2BFF) ||
           (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xE000 && cp <= 0xF8FF) ||
           (cp >= 0xFE00 && cp <= 0xFE6F) || cp == 0xFEFF || (cp >= 0xFF00 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
           (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE0000 && cp <= 0xE007F);
}

bool is_word_code_point(uint32_t cp) {
    if (cp >= 0x80) return !is_unicode_sign(cp);
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');  // isalnum in the C locale
}

}  // namespace

std::string slugify(std::string_view text) {
    std::string out;
    bool pending_hyphen = false;
    for (size_t i = 0; i < text.size();) {
        uint32_t cp = static_cast<unsigned char>(text[i]);
        i += cp < 0x80 ? 1 : decode_utf8(text, i, cp);
        if (!is_word_code_point(cp)) {
            pending_hyphen = true;
            continue;
        }
        if (pending_hyphen && !out.empty()) out += '-';
        pending_hyphen = false;
        // Keep non-ASCII letters ("café" stays readable), in lower case like ASCII ones.
        if (cp < 0x80) out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        else append_utf8(out, lower_code_point(cp));
    }
    return out;
}

namespace {

// The word a term's address spells a sign at name[i] out as, or nullptr.
const char* spelt_sign(std::string_view name, size_t i) {
    auto word_at = [&](size_t k) { return k < name.size() && std::isalnum(static_cast<unsigned char>(name[k])); };
    bool after_word = i > 0 && word_at(i - 1);
    if (name[i] == '+') return " plus ";
    if (name[i] == '#' && after_word) return " sharp ";
    if (name[i] == '.' && !after_word && word_at(i + 1)) return " dot ";
    return nullptr;
}

}  // namespace

std::string term_slug(std::string_view name) {
    std::string plain = slugify(name);
    // Only signs beside letters or digits make a word: "++" alone has no address.
    if (plain.empty() || name.find_first_of("+#.") == std::string_view::npos) return plain;
    std::string spelt;
    for (size_t i = 0; i < name.size(); ++i) {
        if (const char* word = spelt_sign(name, i)) spelt += word;
        else spelt += name[i];
    }
    return slugify(spelt);
}

std::string term_signs(std::string_view name) {
    std::string signs;
    for (size_t i = 0; i < name.size();) {
        uint32_t cp;
        size_t len = decode_utf8(name, i, cp);
        bool inner_dot = cp == '.' && i > 0 && i + 1 < name.size() &&
                         std::isalnum(static_cast<unsigned char>(name[i - 1])) &&
                         std::isalnum(static_cast<unsigned char>(name[i + 1]));
        bool separator = (cp < 0x80 && (std::isspace(static_cast<int>(cp)) ||
                                        std::string_view("-_/,;:()[]'\"!?.").find(static_cast<char>(cp)) != std::string_view::npos)) ||
                         (cp >= 0x2000 && cp <= 0x206F);  // Unicode spaces, dashes and quotes
        if (!is_word_code_point(cp) && !spelt_sign(name, i) && (inner_dot || !separator)) signs += name.substr(i, len);
        i += len;
    }
    return signs;
}

bool is_valid_slug(std::string_view text) {
    if (text.empty() || text.front() == '-' || text.back() == '-') return false;
    char prev = 0;
    for (char c : text) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view text) {
    size_t b = 0, e = text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    return std::string(text.substr(b, e - b));
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    }
    return true;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (size_t skip = forbidden_char_length(text, i)) i += skip - 1;
                else out += c;
        }
    }
    return out;
}

size_t forbidden_char_length(std::string_view s, size_t i, uint32_t* cp) {
    auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    unsigned char c = at(0);
    uint32_t value = 0;
    size_t length = 0;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        value = c, length = 1;
    } else if (c == 0xC2 && at(1) >= 0x80 && at(1) <= 0x9F) {
        value = at(1), length = 2;  // U+0080–U+009F
    } else if (c == 0xEF && at(1) == 0xBF && (at(2) == 0xBE || at(2) == 0xBF)) {
        value = 0xFF00 | (at(2) & 0x3F) | 0xC0, length = 3;  // U+FFFE, U+FFFF
    } else if (c == 0xED && at(1) >= 0xA0 && at(1) <= 0xBF && (at(2) & 0xC0) == 0x80) {
        value = 0xD000 | ((at(1) & 0x3F) << 6) | (at(2) & 0x3F), length = 3;  // a surrogate, in text not checked as UTF-8
    }
    if (cp && length) *cp = value;
    return length;
}

namespace {

// The bytes a forbidden character can start with: C0 controls, DEL, and the lead bytes of
// C1 controls (0xC2), surrogates (0xED) and U+FFFE/U+FFFF (0xEF). Every other byte is
// passed over with one look-up: every value and page the build makes is scanned.
constexpr std::array<bool, 256> forbidden_lead = [] {
    std::array<bool, 256> lead{};
    for (int c = 0; c < 0x20; ++c) lead[c] = c != '\t' && c != '\n' && c != '\r';
    lead[0x7F] = lead[0xC2] = lead[0xED] = lead[0xEF] = true;
    return lead;
}();

// Whether eight bytes hold one below 0x20, DEL or one above: only those can start a
// forbidden character (exact for each test: "has a byte less than n" with n <= 128).
bool word_may_hold_forbidden(uint64_t w) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t del = w ^ (ones * 0x7F);
    return (((w - ones * 0x20) & ~w) | w | ((del - ones) & ~del)) & highs;
}

}  // namespace

size_t find_forbidden_char(std::string_view s, uint32_t* cp) {
    size_t i = 0;
    for (uint64_t w; i + 8 <= s.size(); i += 8) {
        std::memcpy(&w, s.data() + i, 8);
        if (!word_may_hold_forbidden(w)) continue;
        for (size_t k = i; k < i + 8; ++k)
            if (forbidden_lead[static_cast<unsigned char>(s[k])] && forbidden_char_length(s, k, cp)) return k;
    }
    for (; i < s.size(); ++i)
        if (forbidden_lead[static_cast<unsigned char>(s[i])] && forbidden_char_length(s, i, cp)) return i;
    return std::string_view::npos;
}

std::string drop_forbidden_chars(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (size_t skip = forbidden_char_length(text, i)) i += skip - 1;
        else out += text[i];
    }
    return out;
}

std::string code_point_name(uint32_t cp) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
    return name;
}

size_t find_invalid_utf8(std::string_view s) {
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        // Eight ASCII bytes at a time: most text is ASCII.
        uint64_t word;
        while (i + 8 <= n && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ull) == 0)) i += 8;
        if (i >= n) break;
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        size_t len;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (size_t k = 1; k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += len;
    }
    return std::string_view::npos;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                                  std::tolower(static_cast<unsigned char>(b[j - 1]))
                              ? 0
                              : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = std::string::npos;
    for (const auto& c : candidates) {
        size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    // A typo is a few edits away; anything further is a different word.
    size_t allowed = std::max<size_t>(2, word.size() / 3);
    return best_distance <= allowed ? best : std::string();
}

std::string join_alternatives(const std::vector<std::string>& items, std::string_view last_word) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += (i + 1 == items.size()) ? " " + std::string(last_word) + " " : ", ";
        out += items[i];
    }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

std::string plain_excerpt(std::string_view markdown, size_t limit) {
    // Markdown to plain text: link and image addresses dropped, markup characters removed,
    // white space folded.
    std::string plain;
    bool space = false;
    for (size_t i = 0; i < markdown.size(); ++i) {
        char c = markdown[i];
        if (c == ']' && i + 1 < markdown.size() && markdown[i + 1] == '(') {
            size_t close = markdown.find(')', i + 2);
            if (close != std::string_view::npos) {
                i = close;
                continue;
            }
        }
        if (c == '*' || c == '_' || c == '#' || c == '`' || c == '[' || c == ']' || c == '>' ||
            (c == '!' && i + 1 < markdown.size() && markdown[i + 1] == '['))
            continue;
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !plain.empty();
            continue;
        }
        if (space) plain += ' ';
        space = false;
        plain += c;
        // Past the limit, the rest cannot change what is kept: stop reading (a body is
        // thousands of characters; the search index and the cards want a few hundred).
        if (plain.size() > limit) break;
    }
    if (plain.size() <= limit) return plain;
    // Cut at a word boundary when there is one in the second half, never inside a character.
    size_t cut = plain.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) {
        cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(plain[cut]) & 0xC0) == 0x80) --cut;
    }
    plain.resize(cut);
    while (!plain.empty() && plain.back() == ' ') plain.pop_back();
    return plain + "\u2026";
}

}  // namespace techpages
