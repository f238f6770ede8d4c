#include "import/plan_preamble.h"

#include <algorithm>
#include <regex>

#include "util/text.h"

namespace techpages {

namespace {

const std::vector<std::string> footnote_marks = {"\u00B9", "\u00B2", "\u00B3", "\u2070", "\u2074", "\u2075", "\u2076",
                                                 "\u2077", "\u2078", "\u2079", "\u2020", "\u2021"};

bool is_separator(const CsvRow& row) {
    for (const auto& cell : row.cells)
        for (char c : cell)
            if (c != '-' && c != '=' && c != '_' && !std::isspace(static_cast<unsigned char>(c))) return false;
    return true;
}

std::string row_text(const CsvRow& row) {
    std::vector<std::string> cells;
    for (const auto& c : row.cells)
        if (std::string t = trim(c); !t.empty()) cells.push_back(t);
    return join(cells, " \u00B7 ");
}

bool has_upper(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

Preamble read_preamble(const std::vector<CsvRow>& rows, const std::vector<std::string>& skip) {
    static const std::regex phase_line(R"(^(Phase\s*\d+)\s*\(\s*([A-Za-z]{0,3}\d+)\s*\)\s*[=:]\s*(.+)$)", std::regex::icase);
    static const std::regex glossary_line(R"(^([^=]{1,30}?)\s+=\s+(.+)$)");
    Preamble p;
    std::vector<std::string> paragraphs;
    for (const auto& row : rows) {
        if (row.blank() || is_separator(row)) continue;
        std::string text = row_text(row);
        bool single = row.filled() == 1;
        if (single && std::find(skip.begin(), skip.end(), text) != skip.end()) {
            if (p.title.empty()) {  // the plan's name, repeated at the top of every page
                p.title = text;
                p.title_line = row.line;
            }
            continue;
        }
        std::smatch m;
        // A phase or glossary line is short; std::regex recurses once per character of a long one.
        single = single && text.size() <= 400;
        if (single && std::regex_match(text, m, phase_line)) {
            std::string id = m[2].str();
            if (std::none_of(p.phases.begin(), p.phases.end(), [&](const Phase& ph) { return ph.id == id; }))
                p.phases.push_back({id, trim(m[1].str()), trim(m[3].str())});
            continue;
        }
        if (single && std::regex_match(text, m, glossary_line)) {
            std::string abbr = trim(m[1].str());
            size_t words = std::count(abbr.begin(), abbr.end(), ' ') + 1;
            if (has_upper(abbr) && words <= 4) {
                if (std::none_of(p.glossary.begin(), p.glossary.end(), [&](const GlossaryEntry& g) { return g.abbr == abbr; }))
                    p.glossary.push_back({abbr, trim(m[2].str())});
                continue;
            }
        }
        if (single) {
            auto mark = std::find_if(footnote_marks.begin(), footnote_marks.end(),
                                     [&](const std::string& mk) { return text.rfind(mk, 0) == 0; });
            if (mark != footnote_marks.end() && text.size() > mark->size() + 2) {
                std::string label = trim(text.substr(mark->size()));
                std::string id = slugify(label);
                id.erase(std::remove_if(id.begin(), id.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }),
                         id.end());
                if (id.size() > 48) id = id.substr(0, id.rfind('-', 48));
                if (id.empty()) id = "flag-" + std::to_string(p.flags.size() + 1);
                p.flags.push_back({id, *mark, label});
                continue;
            }
        }
        bool title_like = single && text.size() <= 120 && text.find('\n') == std::string::npos &&
                          text.back() != '.' && text.back() != ':' && text.back() != '?';
        if (p.title.empty() && title_like) {
            p.title = text;
            p.title_line = row.line;
            continue;
        }
        paragraphs.push_back(text);
    }
    // A lone "Key" heading says nothing once its entries are read into the plan's key.
    bool key_read = !p.phases.empty() || !p.glossary.empty() || !p.flags.empty();
    paragraphs.erase(std::remove_if(paragraphs.begin(), paragraphs.end(),
                                    [&](const std::string& t) { return key_read && (t == "Key" || t == "Key:" || t == "KEY"); }),
                     paragraphs.end());
    p.intro = join(paragraphs, "\n\n");
    return p;
}

std::vector<std::string> phases_in_timescale(std::string_view timescale, const std::vector<Phase>& phases) {
    if (phases.empty()) return {};
    // Key ids are a prefix and a number ("P1"); ranges write the prefix once ("P1-3").
    static const std::regex ref(R"(\b([A-Za-z]{1,3})(\d+)(?:\s*(?:-|\u2013|to)\s*(?:[A-Za-z]{1,3})?(\d+))?\b)");
    std::vector<std::string> found;
    std::string text(timescale);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        std::string prefix = m[1].str();
        int from = std::stoi(m[2].str()), until = m[3].matched ? std::stoi(m[3].str()) : from;
        if (until < from || until - from > 20) return {};
        for (int k = from; k <= until; ++k) {
            std::string id = prefix + std::to_string(k);
            if (std::none_of(phases.begin(), phases.end(), [&](const Phase& ph) { return ph.id == id; })) return {};
            if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
        }
    }
    std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    return found;
}

}  // namespace techpages
