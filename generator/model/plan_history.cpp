#include "model/plan_history.h"

#include <algorithm>

#include "util/text.h"

namespace techpages {

StatusAtReview status_on(const Action& action, const Date& date) {
    StatusAtReview s;
    for (const auto& u : action.updates) {  // oldest first
        if (date < u.date) break;
        s = {u.status, u.rag};
    }
    return s;
}

PlanHistory plan_history(const Plan& plan) {
    PlanHistory h;
    for (const auto& a : plan.actions)
        for (const auto& u : a.updates) h.reviews.push_back(u.date);
    std::sort(h.reviews.begin(), h.reviews.end());
    h.reviews.erase(std::unique(h.reviews.begin(), h.reviews.end()), h.reviews.end());
    for (size_t i = 0; i < plan.actions.size(); ++i)
        if (plan.actions[i].children.empty()) h.leaves.push_back(i);
    for (const auto& date : h.reviews) {
        std::vector<StatusAtReview> row;
        row.reserve(plan.actions.size());
        for (const auto& a : plan.actions) row.push_back(status_on(a, date));
        Progress p;
        for (size_t i : h.leaves) p.add(row[i].rag);
        h.status.push_back(std::move(row));
        h.progress.push_back(p);
    }
    return h;
}

std::vector<StatusChange> PlanHistory::changes_at(size_t r, const Plan& plan) const {
    std::vector<StatusChange> changes;
    if (r >= reviews.size()) return changes;
    for (size_t i = 0; i < plan.actions.size(); ++i) {
        StatusAtReview before = r == 0 ? StatusAtReview{} : status[r - 1][i];
        const StatusAtReview& after = status[r][i];
        if (to_lower(before.status) == to_lower(after.status)) continue;
        StatusChange c{i, before, after, {}};
        for (const auto& u : plan.actions[i].updates)
            if (u.date == reviews[r]) c.note = u.note;
        changes.push_back(std::move(c));
    }
    return changes;
}

}  // namespace techpages
