#include "render/plan_extras.h"

#include <algorithm>
#include <cmath>

#include "model/plan_history.h"
#include "model/vocabulary.h"
#include "render/open_data.h"
#include "util/text.h"

namespace techpages {

namespace {

// The chart: one row per review, its date above one shape per action, sorted complete →
// not reported, so each row reads like a bar. Colour, shape and the legend's word all say
// the status. Narrow enough (20 shapes a line) to stay legible when a phone shrinks it.
constexpr int label_height = 20;  // the review date, above its shapes
constexpr int mark_step = 18;     // a 14-unit shape and its gap
constexpr int marks_per_line = 20;
constexpr int row_gap = 12;

std::string number(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", std::round(x * 100) / 100);
    return buffer;
}

// Outline points of the amber triangle and the red octagon around (cx, cy), radius 7.
std::string shape_points(Rag rag, double cx, double cy) {
    std::vector<std::pair<double, double>> pts;
    if (rag == Rag::amber) pts = {{0, -7}, {7, 6}, {-7, 6}};
    else pts = {{-3, -7}, {3, -7}, {7, -3}, {7, 3}, {3, 7}, {-3, 7}, {-7, 3}, {-7, -3}};
    std::string out;
    for (const auto& [x, y] : pts) out += (out.empty() ? "" : " ") + number(cx + x) + "," + number(cy + y);
    return out;
}

data mark(Rag rag, double cx, double cy) {
    data m;
    put(m, "rag", rag_name(rag));
    put(m, "cx", number(cx));
    put(m, "cy", number(cy));
    put(m, "x", number(cx - 6));
    put(m, "y", number(cy - 6));
    put(m, "is_circle", rag == Rag::green);
    put(m, "is_polygon", rag == Rag::amber || rag == Rag::red);
    put(m, "is_square", rag == Rag::none);
    put(m, "points", rag == Rag::amber || rag == Rag::red ? shape_points(rag, cx, cy) : std::string());
    return m;
}

// An action's status at a review, with every key the status partial reads.
data status_view(const StatusAtReview& s) {
    data d;
    put(d, "status", s.reported() ? s.status : rag_word(Rag::none));
    put(d, "has_status", s.reported());
    put(d, "rag", rag_name(s.rag));
    put(d, "rag_word", rag_word(s.rag));
    return d;
}

data review_ref(const Date& date) {
    data d;
    put(d, "date", date.iso());
    put(d, "date_display", date.display());
    return d;
}

// The action as plain text, without a closing full stop: it is followed by a colon.
std::string action_phrase(const Action& a, size_t limit) {
    std::string text = plain_excerpt(a.action, limit);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

}  // namespace

data plan_history_view(const Views& v, const Plan& plan) {
    PlanHistory history = plan_history(plan);
    if (history.empty()) return data(false);
    data d;
    size_t n = history.leaves.size();
    size_t lines = std::max<size_t>(1, (n + marks_per_line - 1) / marks_per_line);
    int row_height = label_height + static_cast<int>(lines) * mark_step + row_gap;
    int width = std::max(160, static_cast<int>(std::min<size_t>(std::max<size_t>(n, 1), marks_per_line)) * mark_step);
    put(d, "width", std::to_string(width));
    put(d, "height", std::to_string(static_cast<int>(history.reviews.size()) * row_height));
    put(d, "action_count", std::to_string(n));

    std::vector<data> rows;
    std::vector<std::string> sentences;
    const Rag order[] = {Rag::green, Rag::amber, Rag::red, Rag::none};
    for (size_t r = 0; r < history.reviews.size(); ++r) {
        data row = review_ref(history.reviews[r]);
        const Progress& p = history.progress[r];
        double top = static_cast<double>(r) * row_height;
        put(row, "text_y", number(top + 14));
        std::vector<data> marks;
        size_t k = 0;
        for (Rag rag : order) {
            int count = rag == Rag::green ? p.green : rag == Rag::amber ? p.amber : rag == Rag::red ? p.red : p.none;
            for (int c = 0; c < count; ++c, ++k) {
                double cx = static_cast<double>(k % marks_per_line) * mark_step + 8;
                double cy = top + label_height + static_cast<double>(k / marks_per_line) * mark_step + mark_step / 2.0;
                marks.push_back(mark(rag, cx, cy));
            }
        }
        put(row, "marks", list_of(std::move(marks)));
        put(row, "progress", v.progress(p));
        sentences.push_back(history.reviews[r].display() + ": " + to_lower(progress_sentence(p)));
        rows.push_back(row);
    }
    put(d, "rows", list_of(std::move(rows)));
    put(d, "summary", "Status of the plan's actions at each review. " + join(sentences, "; ") + ".");
    std::vector<data> legend;
    for (Rag rag : order) {
        data l;
        put(l, "rag", rag_name(rag));
        put(l, "word", rag_word(rag));
        legend.push_back(l);
    }
    put(d, "legend", list_of(std::move(legend)));

    // What changed at the latest review, against the one before it.
    size_t last = history.reviews.size() - 1;
    put(d, "latest", review_ref(history.reviews[last]));
    put(d, "has_previous", last > 0);
    put(d, "previous", last > 0 ? review_ref(history.reviews[last - 1]) : data(false));
    std::vector<data> changes;
    if (last > 0)
        for (const auto& c : history.changes_at(last, plan)) {
            const Action& a = plan.actions[c.action];
            data e;
            put(e, "ref", a.ref);
            put(e, "anchor", site_path::action_anchor(a));
            put(e, "action_text", action_phrase(a, 160));
            put(e, "before", status_view(c.before));
            put(e, "after", status_view(c.after));
            put(e, "note_html", c.note.empty() ? std::string() : v.md_inline(c.note));
            changes.push_back(e);
        }
    put(d, "change_count", std::to_string(changes.size()));
    put(d, "one_change", changes.size() == 1);
    set_list(d, "changes", list_of(std::move(changes)));

    // Every counted action at every review: the chart's shapes, one by one.
    std::vector<data> reviews;
    for (const auto& date : history.reviews) reviews.push_back(review_ref(date));
    put(d, "reviews", list_of(std::move(reviews)));
    std::vector<data> actions;
    for (size_t i : history.leaves) {
        const Action& a = plan.actions[i];
        data e;
        put(e, "ref", a.ref);
        put(e, "anchor", site_path::action_anchor(a));
        put(e, "action_text", action_phrase(a, 120));
        std::vector<data> cells;
        for (size_t r = 0; r < history.reviews.size(); ++r) cells.push_back(status_view(history.status[r][i]));
        put(e, "cells", list_of(std::move(cells)));
        actions.push_back(e);
    }
    put(d, "actions", list_of(std::move(actions)));
    return d;
}

data plan_downloads_view(const Views& v, const Plan& plan) {
    data d;
    const Institution& inst = v.institution(plan.institution);
    put(d, "csv_url", v.urls().link(site_path::plan_csv(inst, plan)));
    put(d, "json_url", v.urls().link(site_path::plan_json(inst, plan)));
    put(d, "all_actions_url", v.urls().link(all_actions_csv_path));
    return d;
}

}  // namespace techpages
