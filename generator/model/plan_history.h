// Progress over time: a plan's reviews are the dates its actions' status updates carry.
// At each review every action has the status of its latest update on or before that
// date; what changed at a review is every action whose status differs from the review
// before. Like Plan::progress, counts take leaf actions only.
#pragma once

#include <string>
#include <vector>

#include "model/site_model.h"

namespace techpages {

// An action's status as a review found it; "" and Rag::none before its first update.
struct StatusAtReview {
    std::string status;
    Rag rag = Rag::none;
    bool reported() const { return !status.empty(); }
};

struct StatusChange {
    size_t action = 0;  // index into the plan's actions
    StatusAtReview before, after;
    std::string note;  // the note of the update that made the change, if it has one
};

struct PlanHistory {
    std::vector<Date> reviews;                        // oldest first, no repeats
    std::vector<std::vector<StatusAtReview>> status;  // [review][action]
    std::vector<Progress> progress;                   // [review], leaf actions
    std::vector<size_t> leaves;                       // the actions counted, in plan order

    bool empty() const { return reviews.empty(); }
    // Actions whose status at review `r` differs from review `r - 1` (for r = 0: every
    // action the first review reported), in plan order.
    std::vector<StatusChange> changes_at(size_t r, const Plan& plan) const;
};

StatusAtReview status_on(const Action& action, const Date& date);
PlanHistory plan_history(const Plan& plan);

}  // namespace techpages
