// Splitting a list into pages, and the navigation between them.
#include <gtest/gtest.h>

#include "render/pagination.h"
#include "render/urls.h"

using namespace techpages;

namespace {

TEST(Pagination, ListsSplitIntoFullPagesAndARemainder) {
    auto pages = paginate(103, 50);
    ASSERT_EQ(pages.size(), 3u);
    EXPECT_EQ(pages[0].first, 0u);
    EXPECT_EQ(pages[0].end, 50u);
    EXPECT_EQ(pages[2].first, 100u);
    EXPECT_EQ(pages[2].end, 103u);
    for (const auto& p : pages) {
        EXPECT_EQ(p.pages, 3u);
        EXPECT_EQ(p.total, 103u);
    }
    EXPECT_EQ(paginate(100, 50).size(), 2u) << "exactly two pages' worth";
    EXPECT_EQ(paginate(50, 50).size(), 1u);
}

TEST(Pagination, AnEmptyListIsOnePageWithNothingOnIt) {
    auto pages = paginate(0, 50);
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].first, pages[0].end);
    EXPECT_FALSE(pages[0].is_split());
}

TEST(Pagination, PageOneIsTheListsOwnAddress) {
    EXPECT_EQ(page_of_list("skills/welding/", 1), "skills/welding/");
    EXPECT_EQ(page_of_list("skills/welding/", 2), "skills/welding/page/2/");
    EXPECT_EQ(page_of_list("technicians/", 2000), "technicians/page/2000/");
}

TEST(Pagination, ItemsOnAPageAreThatPagesSlice) {
    std::vector<size_t> all{7, 3, 9, 1, 4};
    auto pages = paginate(all.size(), 2);
    EXPECT_EQ(items_on(all, pages[0]), (std::vector<size_t>{7, 3}));
    EXPECT_EQ(items_on(all, pages[2]), (std::vector<size_t>{4}));
}

// The page numbers a navigation shows, with 0 for a gap.
std::vector<int> numbers_shown(size_t number, size_t pages) {
    Urls urls("/");
    PageSlice slice = paginate(pages * 10, 10).at(number - 1);
    mustache::data nav = pagination_view(urls, "technicians/", slice, "technicians");
    std::vector<int> out;
    for (const auto& entry : nav.get("pages")->list_value()) {
        const std::string& n = entry.get("number")->is_string() ? entry.get("number")->string_value() : std::string();
        out.push_back(n.empty() ? 0 : std::stoi(n));
    }
    return out;
}

TEST(Pagination, TheNavigationShowsTheEndsAndTwoPagesEitherSide) {
    EXPECT_EQ(numbers_shown(1000, 2000), (std::vector<int>{1, 0, 998, 999, 1000, 1001, 1002, 0, 2000}));
    EXPECT_EQ(numbers_shown(1, 2000), (std::vector<int>{1, 2, 3, 0, 2000}));
    EXPECT_EQ(numbers_shown(4, 10), (std::vector<int>{1, 2, 3, 4, 5, 6, 0, 10}));
    EXPECT_EQ(numbers_shown(2, 3), (std::vector<int>{1, 2, 3}));
}

TEST(Pagination, ANavigationSaysWhereItIsAndLinksOnward) {
    Urls urls("https://example.org/site/");
    PageSlice slice = paginate(120, 50).at(1);
    mustache::data nav = pagination_view(urls, "skills/pcr/", slice, "technicians");
    EXPECT_EQ(nav.get("summary")->string_value(), "Showing technicians 51 to 100 of 120 (page 2 of 3)");
    EXPECT_EQ(nav.get("previous")->get("url")->string_value(), "/site/skills/pcr/");
    EXPECT_EQ(nav.get("next")->get("url")->string_value(), "/site/skills/pcr/page/3/");
    PageSlice only = paginate(20, 50).at(0);
    EXPECT_TRUE(pagination_view(urls, "skills/pcr/", only, "technicians").is_false()) << "one page: no navigation";
}

}  // namespace
