#include "model/field_rules.h"

#include <algorithm>

#include "load/limits.h"
#include "model/vocabulary.h"
#include "util/text.h"

namespace techpages {

std::vector<std::string> checked_commitment_theme_ids(FieldReader& fields, const std::string& key) {
    std::vector<std::string> out;
    for (const auto& raw : fields.text_list(key)) {
        std::string id = to_lower(raw);
        for (char& c : id)
            if (c == ' ' || c == '_') c = '-';
        const auto& ids = commitment_theme_ids();
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
            if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
            continue;
        }
        std::string suggestion = closest_match(id, ids);
        fields.error(key, "'" + raw + "' is not a Technician Commitment theme",
                     suggestion.empty() ? "use one of " + join_alternatives(ids)
                                        : "did you mean '" + suggestion + "'? The themes are " + join_alternatives(ids, "and"));
    }
    return out;
}

bool is_safe_url(const std::string& url) {
    return starts_with_ci(url, "https://") || starts_with_ci(url, "http://") || starts_with_ci(url, "mailto:");
}

std::string checked_url(FieldReader& fields, const std::string& key, bool required) {
    std::string url = fields.text(key, required);
    if (url.empty()) return url;
    if (!is_safe_url(url) || url.find_first_of(" \t\n<>\"") != std::string::npos) {
        fields.error(key, "'" + url + "' is not a web address this site can link to",
                     "write a full address starting with https:// (or mailto: for e-mail)");
        return {};
    }
    return url;
}

bool is_valid_orcid(const std::string& orcid) {
    if (orcid.size() != 19) return false;
    int total = 0;
    std::string digits;
    for (size_t i = 0; i < orcid.size(); ++i) {
        char c = orcid[i];
        if (i == 4 || i == 9 || i == 14) {
            if (c != '-') return false;
            continue;
        }
        if (i == 18 && c == 'X') {
            digits += c;
            continue;
        }
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        digits += c;
    }
    for (size_t i = 0; i + 1 < digits.size(); ++i) total = (total + (digits[i] - '0')) * 2;
    int remainder = total % 11;
    int result = (12 - remainder) % 11;
    char check = result == 10 ? 'X' : static_cast<char>('0' + result);
    return digits.back() == check;
}

bool is_valid_email(const std::string& email) {
    auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos) return false;
    std::string domain = email.substr(at + 1);
    auto dot = domain.find('.');
    if (dot == std::string::npos || dot == 0 || domain.back() == '.') return false;
    for (unsigned char c : email)
        if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '(' || c == ')') return false;
    return true;
}

namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// A GitHub user or organisation name.
bool is_github_login(std::string_view name) {
    if (name.empty() || name.size() > 39 || name.front() == '-' || name.back() == '-') return false;
    for (size_t i = 0; i < name.size(); ++i)
        if (!is_ascii_alnum(name[i]) && !(name[i] == '-' && name[i - 1] != '-')) return false;
    return true;
}

// The entry as a message can show it: a line break or control character as \n or <U+0001>.
std::string shown_visibly(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) out.append("<").append(code_point_name(c)).append(">");
        else out += static_cast<char>(c);
    }
    return out;
}

}  // namespace

bool is_github_owner(const std::string& name) {
    if (name.size() < 2 || name[0] != '@') return false;
    std::string_view rest = std::string_view(name).substr(1);
    size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return is_github_login(rest);
    std::string_view team = rest.substr(slash + 1);
    if (!is_github_login(rest.substr(0, slash)) || team.empty() || team.size() > 100) return false;
    return std::all_of(team.begin(), team.end(), [](char c) { return is_ascii_alnum(c) || c == '-' || c == '_'; });
}

std::vector<std::string> checked_reviewers(FieldReader& fields, const std::string& key) {
    std::vector<std::string> out;
    for (const auto& [r, pos] : fields.located_text_list(key)) {
        bool printable = std::all_of(r.begin(), r.end(), [](char c) { return c > ' ' && c < 0x7F && c != '#'; });
        if (is_github_owner(r) || (printable && r[0] != '@' && is_valid_email(r))) {
            out.push_back(r);
            continue;
        }
        std::string what = "'";  // built in steps: GCC 12 warns wrongly (-Wrestrict) on "'" + text
        what.append(shown_visibly(r)).append("' is not a GitHub user, team or e-mail address");
        fields.error_at(pos, what,
                        "write each reviewer in its own quotes: a user as @name (letters, digits and single hyphens, "
                        "at most 39), a team as @org/team-name, or an e-mail address, e.g. "
                        "reviewers = [\"@lstm-comms\", \"@my-org/web-team\"]");
    }
    return out;
}

std::vector<std::string> checked_terms(FieldReader& fields, const std::string& key, std::vector<SourcePos>& positions) {
    std::vector<std::string> out;
    positions.clear();
    for (const auto& [term, pos] : fields.located_text_list(key)) {
        std::string slug = term_slug(term);
        if (slug.empty()) {
            fields.error_at(pos, "'" + term + "' has no letter or digit, so it cannot have a page of its own",
                            "write it in words, e.g. \"C++\", \"Cell culture\", or remove it");
            continue;
        }
        if (slug.size() > limits::term_address_bytes) {
            fields.error_at(pos, "this " + key.substr(0, key.size() - 1) + " is too long to be a page's address (" +
                                     std::to_string(slug.size()) + " characters, at most " +
                                     std::to_string(limits::term_address_bytes) + ")",
                            "keep it to a few words, and say the rest in the text below the fields");
            continue;
        }
        out.push_back(term);
        positions.push_back(pos);
    }
    return out;
}

std::vector<std::string> checked_registrations(FieldReader& fields, const std::string& key) {
    std::vector<std::string> out;
    for (const auto& raw : fields.text_list(key)) {
        // Accept any capitalisation but publish the body's own spelling.
        const Registration* match = nullptr;
        for (const auto& r : registrations())
            if (to_lower(r.name) == to_lower(raw)) match = &r;
        if (match) {
            if (std::find(out.begin(), out.end(), match->name) == out.end()) out.push_back(match->name);
            continue;
        }
        auto names = registration_names();
        std::string suggestion = closest_match(raw, names);
        fields.error(key, "'" + raw + "' is not a professional registration this site knows",
                     suggestion.empty() ? "use one of " + join_alternatives(names)
                                        : "did you mean '" + suggestion + "'?");
    }
    return out;
}

std::vector<std::string> checked_talent(FieldReader& fields, const std::string& key) {
    std::vector<std::string> out;
    for (const auto& raw : fields.text_list(key)) {
        if (auto r = canonical_talent(raw)) {
            if (std::find(out.begin(), out.end(), *r) == out.end()) out.push_back(*r);
        } else {
            fields.error(key, "'" + raw + "' is not a TALENT Commission recommendation",
                         "write R1 to R" + std::to_string(talent_count) + ", for example talent = [\"R1\", \"R5\"]");
        }
    }
    return out;
}

std::vector<Link> read_links(FieldReader& fields, const std::string& key) {
    std::vector<Link> out;
    for (auto& entry : fields.tables(key)) {
        Link link;
        link.title = entry.text("title", true);
        link.url = checked_url(entry, "url", true);
        entry.report_unknown_fields("a link");
        if (!link.title.empty() && !link.url.empty()) out.push_back(link);
    }
    return out;
}

std::string checked_local_file(FieldReader& fields, const std::string& key) {
    std::string name = fields.text(key);
    if (name.empty()) return name;
    if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos || name == "." || name == "..") {
        fields.error(key, "'" + name + "' should be just a file name",
                     "put the file in the same folder as this one and write only its name, e.g. " + key + " = \"photo.jpg\"");
        return {};
    }
    return name;
}

}  // namespace techpages
