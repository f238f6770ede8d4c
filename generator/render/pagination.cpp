#include "render/pagination.h"

#include <algorithm>

#include "render/urls.h"
#include "render/views.h"

namespace techpages {

std::vector<PageSlice> paginate(size_t total, size_t per_page) {
    per_page = std::max<size_t>(per_page, 1);
    size_t pages = std::max<size_t>(1, (total + per_page - 1) / per_page);
    std::vector<PageSlice> slices(pages);
    for (size_t n = 0; n < pages; ++n) {
        PageSlice& s = slices[n];
        s.number = n + 1;
        s.pages = pages;
        s.first = n * per_page;
        s.end = std::min(total, s.first + per_page);
        s.total = total;
    }
    return slices;
}

std::string page_of_list(const std::string& list_path, size_t number) {
    return number <= 1 ? list_path : list_path + "page/" + std::to_string(number) + "/";
}

std::vector<size_t> items_on(const std::vector<size_t>& all, const PageSlice& slice) {
    size_t first = std::min(slice.first, all.size()), end = std::min(slice.end, all.size());
    return {all.begin() + static_cast<std::ptrdiff_t>(first), all.begin() + static_cast<std::ptrdiff_t>(end)};
}

mustache::data pagination_view(const Urls& urls, const std::string& list_path, const PageSlice& slice,
                               const std::string& items_name) {
    if (!slice.is_split()) return mustache::data(false);
    // A page's entry in the navigation, or (gap) the mark for the pages left out between two.
    auto entry = [&](size_t number, bool gap = false) {
        mustache::data d;
        put(d, "number", gap ? std::string() : std::to_string(number));
        put(d, "url", gap ? std::string() : urls.link(page_of_list(list_path, number)));
        put(d, "current", !gap && number == slice.number);
        put(d, "gap", gap);
        return d;
    };
    std::vector<size_t> shown{1};  // the first page, two either side of this one, the last
    for (size_t n = std::max<size_t>(2, slice.number - std::min<size_t>(slice.number, 2)); n <= std::min(slice.pages, slice.number + 2); ++n)
        shown.push_back(n);
    if (shown.back() < slice.pages) shown.push_back(slice.pages);
    std::vector<mustache::data> numbers;
    for (size_t k = 0; k < shown.size(); ++k) {
        if (k > 0 && shown[k] > shown[k - 1] + 1) numbers.push_back(entry(0, true));
        numbers.push_back(entry(shown[k]));
    }
    mustache::data d;
    put(d, "label", "Pages of " + items_name);
    put(d, "summary", "Showing " + items_name + " " + std::to_string(slice.first + 1) + " to " + std::to_string(slice.end) +
                          " of " + std::to_string(slice.total) + " (page " + std::to_string(slice.number) + " of " +
                          std::to_string(slice.pages) + ")");
    put(d, "previous", slice.number > 1 ? entry(slice.number - 1) : mustache::data(false));
    put(d, "next", slice.number < slice.pages ? entry(slice.number + 1) : mustache::data(false));
    put(d, "pages", list_of(std::move(numbers)));
    return d;
}

}  // namespace techpages
