#include "model/vocabulary.h"

#include "util/text.h"

namespace techpages {

const std::vector<std::string>& commitment_theme_ids() {
    static const std::vector<std::string> ids = {"visibility", "recognition", "career-development",
                                                 "sustainability"};
    return ids;
}

std::string default_commitment_theme_title(const std::string& id) {
    if (id == "visibility") return "Visibility";
    if (id == "recognition") return "Recognition";
    if (id == "career-development") return "Career Development";
    if (id == "sustainability") return "Sustainability";
    return id;
}

const std::vector<Registration>& registrations() {
    static const std::vector<Registration> list = {
        {"RSciTech", "Registered Science Technician", "Science Council"},
        {"RSci", "Registered Scientist", "Science Council"},
        {"CSci", "Chartered Scientist", "Science Council"},
        {"CSciTeach", "Chartered Science Teacher", "Science Council"},
        {"EngTech", "Engineering Technician", "Engineering Council"},
        {"IEng", "Incorporated Engineer", "Engineering Council"},
        {"CEng", "Chartered Engineer", "Engineering Council"},
        {"ICTTech", "ICT Technician", "Engineering Council"},
    };
    return list;
}

const Registration* find_registration(const std::string& name) {
    for (const auto& r : registrations())
        if (r.name == name) return &r;
    return nullptr;
}

std::vector<std::string> registration_names() {
    std::vector<std::string> names;
    for (const auto& r : registrations()) names.push_back(r.name);
    return names;
}

std::optional<std::string> canonical_talent(const std::string& text) {
    std::string t = trim(text);
    if (t.size() < 2 || (t[0] != 'R' && t[0] != 'r')) return std::nullopt;
    int value = 0;
    for (size_t i = 1; i < t.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(t[i])) || i > 3) return std::nullopt;
        value = value * 10 + (t[i] - '0');
    }
    if (value < 1 || value > talent_count) return std::nullopt;
    return "R" + std::to_string(value);
}

std::optional<Rag> rag_from_word(const std::string& word) {
    std::string w = to_lower(trim(word));
    if (w == "green" || w == "complete" || w == "completed" || w == "done") return Rag::green;
    if (w == "amber" || w == "in progress" || w == "in-progress" || w == "ongoing") return Rag::amber;
    if (w == "red" || w == "not begun" || w == "not started" || w == "limited progress") return Rag::red;
    return std::nullopt;
}

std::string rag_name(Rag rag) {
    switch (rag) {
        case Rag::green: return "green";
        case Rag::amber: return "amber";
        case Rag::red: return "red";
        case Rag::none: return "none";
    }
    return "none";
}

std::string rag_word(Rag rag) {
    switch (rag) {
        case Rag::green: return "Complete";
        case Rag::amber: return "In progress";
        case Rag::red: return "Not begun";
        case Rag::none: return "Not reported";
    }
    return "Not reported";
}

}  // namespace techpages
