// Each profile's, case study's, career story's and plan's card, rendered once before the
// pages that list them (a profile appears on about nine), in parallel.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "render/templates.h"
#include "render/views.h"

namespace techpages {

// Renders the cards `wanted` says (every card when it is empty) into `html`, which is
// sized to the site's items; the others keep the HTML they have.
void render_cards(const Views& views, std::vector<std::unique_ptr<TemplateRenderer>>& renderers, CardHtml& html,
                  const std::function<bool(CardKind, size_t)>& wanted = {});

}  // namespace techpages
