// Long card lists split into pages: page 1 at the list's own address, page N at
// "<list>page/N/" (as Hugo and Zola do), with a short navigation between them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "render/templates.h"

namespace techpages {

class Urls;

// One page of a list: items [first, end) of `total`, page `number` of `pages`.
struct PageSlice {
    size_t number = 1, pages = 1;
    size_t first = 0, end = 0, total = 0;
    bool is_first() const { return number == 1; }
    bool is_split() const { return pages > 1; }
};

// The pages a list of `total` items takes, `per_page` to a page (one page when empty).
std::vector<PageSlice> paginate(size_t total, size_t per_page);

// Where page `number` of the list at `list_path` ("skills/welding/") is.
std::string page_of_list(const std::string& list_path, size_t number);

// The items of `all` on one page.
std::vector<size_t> items_on(const std::vector<size_t>& all, const PageSlice& slice);

// The navigation under a split list, or false when the list fits on one page:
// {label, summary, previous{url}, next{url}, pages[{number, url, current, gap}]}.
// The page numbers shown are the first, the last and two either side of the current
// one, with a gap marked between (2,000 pages must not mean 2,000 links on each).
mustache::data pagination_view(const Urls& urls, const std::string& list_path, const PageSlice& slice,
                               const std::string& items_name);

}  // namespace techpages
