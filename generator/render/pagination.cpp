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
    auto link = [&](size_t number) {
        mustache::data d;
        put(d, "number", std::to_string(number));
        put(d, "url", urls.link(page_of_list(list_path, number)));
        put(d, "current", number == slice.number);
        put(d, "gap", false);
        return d;
    };
    std::vector<mustache::data> numbers;
    size_t shown = 0;  // the last page number shown
    for (size_t n = 1; n <= slice.pages; ++n) {
        bool near = n + 2 >= slice.number && n <= slice.number + 2;
        if (n != 1 && n != slice.pages && !near) continue;
        if (shown && n > shown + 1) {
            mustache::data gap;
            put(gap, "number", "");
            put(gap, "url", "");
            put(gap, "current", false);
            put(gap, "gap", true);
            numbers.push_back(std::move(gap));
        }
        numbers.push_back(link(n));
        shown = n;
    }
    mustache::data d;
    put(d, "label", "Pages of " + items_name);
    put(d, "summary", "Showing " + items_name + " " + std::to_string(slice.first + 1) + " to " + std::to_string(slice.end) +
                          " of " + std::to_string(slice.total) + " (page " + std::to_string(slice.number) + " of " +
                          std::to_string(slice.pages) + ")");
    put(d, "previous", slice.number > 1 ? link(slice.number - 1) : mustache::data(false));
    put(d, "next", slice.number < slice.pages ? link(slice.number + 1) : mustache::data(false));
    put(d, "pages", list_of(std::move(numbers)));
    return d;
}

}  // namespace techpages
