// Each profile's, case study's, career story's and plan's card, rendered once before the
// pages that list them (a profile appears on about nine), in parallel.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <vector>

#include "render/templates.h"
#include "render/views.h"

namespace techpages {

// The technician directory is filtered in the browser only when it is all on one page
// (a filter over one page of many would mislead).
bool directory_is_filterable(const Site& site);

// Every card kind, in the enum's order (the rows of card_kind_rows in views.cpp).
constexpr std::array<CardKind, card_kind_count> card_kinds = [] {
    std::array<CardKind, card_kind_count> all{};
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<CardKind>(i);
    return all;
}();

// Calls `visit` with the record a card shows (a Profile, CaseStudy, CareerStory or Plan).
template <typename Visit>
decltype(auto) visit_card_record(const Site& site, CardKind kind, size_t i, Visit&& visit) {
    switch (kind) {
        case CardKind::profile:
        case CardKind::directory_profile: return visit(site.profiles[i]);
        case CardKind::case_study: return visit(site.case_studies[i]);
        case CardKind::career_story: return visit(site.career_stories[i]);
        case CardKind::plan: break;
    }
    return visit(site.plans[i]);
}

// The file a card shows, and its institution.
inline const Origin& card_origin(const Site& site, CardKind kind, size_t i) {
    return visit_card_record(site, kind, i, [](const auto& record) -> const Origin& { return record.origin; });
}
inline size_t card_institution(const Site& site, CardKind kind, size_t i) {
    return visit_card_record(site, kind, i, [](const auto& record) { return record.institution; });
}

// Renders the cards `wanted` says (every card when it is empty) into `html`, which is
// sized to the site's items; the others keep the HTML they have. Each card's reads
// (render/reads.h) go to `rendered`, called on the thread that rendered it.
using CardRendered = std::function<void(CardKind, size_t, const ReadLog&)>;
void render_cards(const Site& site, const CardViews& views, std::vector<std::unique_ptr<TemplateRenderer>>& renderers,
                  CardHtml& html, const std::function<bool(CardKind, size_t)>& wanted = {},
                  const CardRendered& rendered = {});

}  // namespace techpages
