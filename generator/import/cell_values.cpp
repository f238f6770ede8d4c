#include "import/cell_values.h"

#include <algorithm>
#include <cctype>

#include "model/vocabulary.h"
#include "util/text.h"

namespace techpages {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// One ref: letters (at most five), digits, then an optional sub-letter or ".2" parts:
// V1, CD3, 1, V1a, R3.2, PRE4, 4.1.
bool is_single_ref(std::string_view t) {
    size_t i = 0;
    while (i < t.size() && is_letter(t[i])) ++i;
    if (i > 5) return false;
    if (i && i < t.size() && (t[i] == '.' || t[i] == '-')) ++i;  // "A.1", "V-1"
    size_t digits = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == digits || i - digits > 3) return false;
    if (i < t.size() && is_lower(t[i])) ++i;
    while (i + 1 < t.size() && t[i] == '.' && is_digit(t[i + 1])) {
        ++i;
        while (i < t.size() && is_digit(t[i])) ++i;
        if (i < t.size() && is_lower(t[i])) ++i;
    }
    if (i < t.size() && t[i] == '.' && i + 1 == t.size()) ++i;  // "1." as some plans number
    return i == t.size();
}

// Words of a cell in lower case: runs of letters and digits (any non-ASCII byte counts
// as a letter, so "Développement" stays one word).
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            word += static_cast<char>(std::tolower(u));
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(word);
    return words;
}

bool near(const std::string& word, std::string_view target, size_t allowed) {
    if (word.size() + allowed < target.size() || word.size() > target.size() + allowed) return false;
    return edit_distance(word, target) <= allowed;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

bool looks_like_ref(std::string_view text) {
    std::string t = trim(text);
    while (!t.empty() && t.front() == '*') t = trim(t.substr(1));
    if (t.empty() || t.size() > 24) return false;
    // "CD3 + V2": several refs joined
    size_t start = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
        if (i == t.size() || t[i] == '+' || t[i] == '&' || t[i] == ',' || t[i] == '/') {
            if (!is_single_ref(trim(std::string_view(t).substr(start, i - start)))) return false;
            start = i + 1;
        }
    }
    return true;
}

RefCell read_ref_cell(std::string_view text) {
    RefCell cell;
    std::string t = trim(text);
    while (!t.empty() && t.front() == '*') {
        cell.priority = true;
        t = trim(t.substr(1));
    }
    cell.ref = t;
    return cell;
}

std::optional<std::pair<std::string, std::string>> leading_ref(std::string_view text) {
    std::string t = trim(text);
    if (t.empty() || !is_upper(t[0])) return std::nullopt;
    size_t end = t.find_first_of(" \t\n");
    if (end == std::string::npos) return std::nullopt;
    std::string token = t.substr(0, end);
    std::string rest = trim(std::string_view(t).substr(end));
    bool punctuated = false;
    if (!token.empty() && (token.back() == '.' || token.back() == ':' || token.back() == ')')) {
        token.pop_back();
        punctuated = true;
    } else if (rest.rfind("- ", 0) == 0 || rest.rfind("\u2013 ", 0) == 0) {
        rest = trim(rest.substr(rest[0] == '-' ? 1 : 3));
        punctuated = true;
    }
    // Letters then digits: a ref, not a number starting a sentence.
    if (!punctuated || rest.empty() || !is_single_ref(token) || !is_letter(token[0]) || token.back() == '.')
        return std::nullopt;
    return std::make_pair(token, rest);
}

std::string parent_ref_of(std::string_view ref) {
    std::string r = trim(ref);
    if (r.size() >= 2 && is_lower(r.back()) && is_digit(r[r.size() - 2])) return r.substr(0, r.size() - 1);
    size_t dot = r.rfind('.');
    if (dot != std::string::npos && dot > 0 && dot + 1 < r.size() && is_digit(r[dot - 1]) &&
        std::all_of(r.begin() + dot + 1, r.end(), [](char c) { return is_digit(c); }))
        return r.substr(0, dot);
    return "";
}

CommitmentThemeWords read_commitment_theme_words(std::string_view text) {
    static const std::vector<std::string> connectors = {"and", "amp", "plus", "also", "the", "of", "theme", "themes"};
    CommitmentThemeWords out;
    auto add = [&](const std::string& id) {
        if (std::find(out.ids.begin(), out.ids.end(), id) == out.ids.end()) out.ids.push_back(id);
    };
    auto words = words_of(text);
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (near(w, "visibility", 2)) {
            add("visibility");
        } else if (near(w, "recognition", 2)) {
            add("recognition");
        } else if (near(w, "sustainability", 2) || w == "sustainable") {
            add("sustainability");
        } else if (near(w, "career", 1) || w == "careers") {
            add("career-development");
            if (i + 1 < words.size() && (words[i + 1] == "dev" || words[i + 1].rfind("develop", 0) == 0 ||
                                         near(words[i + 1], "development", 2)))
                ++i;
        } else if (std::find(connectors.begin(), connectors.end(), w) == connectors.end()) {
            out.other_words = true;
        }
    }
    return out;
}

GroupingCell read_grouping_cell(std::string_view text) {
    static const std::vector<std::string> heading_words = {"workstream", "work stream", "theme", "category", "area",
                                                           "key area", "pillar", "strand", "section"};
    GroupingCell cell;
    std::string t = trim(text);
    size_t at = std::string::npos, len = 0;
    for (std::string_view sep : {" - ", " \u2013 ", " \u2014 ", ": "}) {
        size_t p = t.find(sep);
        if (p != std::string::npos && p < at) {
            at = p;
            len = sep.size();
        }
    }
    if (at == std::string::npos && !t.empty() && t.back() == ':') {
        cell.title = trim(t.substr(0, t.size() - 1));
        return cell;
    }
    if (at == std::string::npos) {
        cell.title = t;
        return cell;
    }
    std::string prefix = trim(t.substr(0, at)), rest = trim(t.substr(at + len));
    std::string key = join(words_of(prefix), " ");
    if (std::find(heading_words.begin(), heading_words.end(), key) != heading_words.end() && !rest.empty()) {
        cell.title = rest;
    } else if (words_of(prefix).size() <= 6 && !rest.empty()) {
        cell.title = prefix;
        cell.aim = rest;
    } else {
        cell.title = t;
    }
    return cell;
}

TalentCell read_talent_cell(std::string_view text) {
    TalentCell out;
    auto add = [&](const std::string& id) {
        if (std::find(out.ids.begin(), out.ids.end(), id) == out.ids.end()) out.ids.push_back(id);
    };
    std::string t = trim(text);
    // En and em dashes as plain hyphens, so "R1–R3" is a range like "R1-R3".
    for (std::string_view dash : {"\u2013", "\u2014"})
        for (size_t p; (p = t.find(dash)) != std::string::npos;) t.replace(p, dash.size(), "-");
    std::vector<std::string> tokens;
    std::string token;
    for (char c : t + " ") {
        if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';' || c == '/' || c == '&' || c == '+') {
            if (!token.empty()) tokens.push_back(token);
            token.clear();
        } else {
            token += c;
        }
    }
    for (const auto& tk : tokens) {
        if (to_lower(tk) == "and") continue;
        if (auto id = canonical_talent(tk)) {
            add(*id);
            continue;
        }
        size_t dash = tk.find('-');
        if (dash != std::string::npos) {
            std::string to = tk.substr(dash + 1);
            if (!to.empty() && is_digit(to[0])) to = "R" + to;
            auto a = canonical_talent(tk.substr(0, dash)), b = canonical_talent(to);
            if (a && b) {
                int from = std::stoi(a->substr(1)), until = std::stoi(b->substr(1));
                if (from <= until) {
                    for (int k = from; k <= until; ++k) add("R" + std::to_string(k));
                    continue;
                }
            }
        }
        out.other_words = true;
    }
    return out;
}

std::vector<std::string> read_owner_cell(std::string_view text) {
    std::vector<std::string> owners;
    std::string current;
    auto flush = [&] {
        std::string o = trim(current);
        if (!o.empty()) owners.push_back(o);
        current.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == ',' || c == ';' || c == '\n') {
            flush();
        } else if (c == '/' && i > 0 && i + 1 < text.size() && text[i - 1] == ' ' && text[i + 1] == ' ') {
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return owners;
}

std::optional<Rag> rag_of_status(std::string_view text) {
    std::string t = to_lower(trim(text));
    while (!t.empty() && (t.back() == '.' || t.back() == '!')) t.pop_back();
    if (t.empty()) return std::nullopt;
    if (auto rag = rag_from_word(t)) return rag;
    if (t == "r") return Rag::red;
    if (t == "a") return Rag::amber;
    if (t == "g") return Rag::green;
    auto words = words_of(t);
    if (!words.empty()) {
        if (words[0] == "red") return Rag::red;
        if (words[0] == "amber") return Rag::amber;
        if (words[0] == "green") return Rag::green;
    }
    for (std::string_view w : {"not begun", "not started", "not yet started", "not yet begun", "limited progress",
                               "delayed", "overdue", "behind", "stalled", "not complete", "incomplete"})
        if (contains(t, w)) return Rag::red;
    for (std::string_view w : {"in progress", "progress", "ongoing", "on-going", "underway", "under way", "started",
                               "on track", "partially", "partly", "near completion"})
        if (contains(t, w)) return Rag::amber;
    for (std::string_view w : {"complete", "done", "achieved", "finished", "met"})
        if (std::find(words.begin(), words.end(), std::string(w)) != words.end() || contains(t, "completed"))
            return Rag::green;
    return std::nullopt;
}

std::string read_priority_cell(std::string_view text) {
    std::string t = trim(text);
    std::string l = to_lower(t);
    if (l.empty() || l == "no" || l == "n" || l == "false" || l == "-" || l == "none") return "";
    if (l == "yes" || l == "y" || l == "x" || l == "true" || l == "*" || l == "\u2713" || l == "\u2714" ||
        l == "priority")
        return "true";
    return t;
}

}  // namespace techpages
