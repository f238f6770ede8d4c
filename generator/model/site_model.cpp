#include "model/site_model.h"

#include <cstdio>
#include <tuple>

namespace techpages {

std::string Date::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::string Date::display() const {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    if (month < 1 || month > 12) return iso();
    return std::to_string(day) + " " + months[month - 1] + " " + std::to_string(year);
}

bool Date::operator<(const Date& o) const {
    return std::tie(year, month, day) < std::tie(o.year, o.month, o.day);
}

void Progress::add(Rag rag) {
    switch (rag) {
        case Rag::green: ++green; break;
        case Rag::amber: ++amber; break;
        case Rag::red: ++red; break;
        case Rag::none: ++none; break;
    }
}

void Progress::add(const Progress& o) {
    green += o.green;
    amber += o.amber;
    red += o.red;
    none += o.none;
}

const std::string& Action::current_status() const {
    return status.empty() && !updates.empty() ? updates.back().status : status;
}

std::string Plan::label(const std::string& field, const std::string& fallback) const {
    auto it = labels.find(field);
    return it == labels.end() ? fallback : it->second;
}

const PlanGroup* Plan::find_group(const std::string& id) const {
    for (const auto& g : groups)
        if (g.id == id) return &g;
    return nullptr;
}

Progress Plan::progress() const {
    Progress p;
    for (const auto& a : actions)
        if (a.children.empty()) p.add(a.rag);
    return p;
}

Progress Plan::progress_for_commitment_theme(const std::string& commitment_theme_id) const {
    Progress p;
    for (const auto& a : actions)
        if (a.children.empty())
            for (const auto& t : a.commitment_themes)
            if (t == commitment_theme_id) {
                p.add(a.rag);
                break;
            }
    return p;
}

std::optional<Date> Plan::last_changed() const {
    std::optional<Date> latest = adopted;
    for (const auto& a : actions)
        for (const auto& u : a.updates)
            if (!latest || *latest < u.date) latest = u.date;
    return latest;
}

const CommitmentTheme* Site::find_commitment_theme(const std::string& id) const {
    for (const auto& t : commitment_themes)
        if (t.id == id) return &t;
    return nullptr;
}

}  // namespace techpages
