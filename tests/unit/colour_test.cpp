// WCAG contrast arithmetic, and the nearest colour that passes, which `check` suggests
// for an institution's brand colour.
#include <gtest/gtest.h>

#include "util/colour.h"

namespace techpages {
namespace {

const Rgb white{255, 255, 255};
const Rgb black{0, 0, 0};

TEST(Colour, ParsesHexInEitherCaseAndRefusesTheRest) {
    auto c = parse_hex_colour("#1D4e89");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->r, 0x1d);
    EXPECT_EQ(c->g, 0x4e);
    EXPECT_EQ(c->b, 0x89);
    EXPECT_EQ(hex_colour(*c), "#1d4e89");
    for (const char* bad : {"", "#fff", "1d4e89", "#1d4e8g", "#1d4e891", "navy"}) EXPECT_FALSE(parse_hex_colour(bad)) << bad;
}

TEST(Colour, ContrastRatiosMatchWcagExamples) {
    EXPECT_NEAR(contrast_ratio(white, black), 21.0, 1e-9);
    EXPECT_NEAR(contrast_ratio(white, white), 1.0, 1e-9);
    // Values the WebAIM contrast checker gives.
    EXPECT_NEAR(contrast_ratio(*parse_hex_colour("#767676"), white), 4.54, 0.01);
    EXPECT_NEAR(contrast_ratio(*parse_hex_colour("#777777"), white), 4.48, 0.01);
    EXPECT_NEAR(contrast_ratio(*parse_hex_colour("#1d4e89"), white), 8.39, 0.01);
}

TEST(Colour, APassingColourIsKept) {
    Rgb navy = *parse_hex_colour("#1d4e89");
    EXPECT_EQ(hex_colour(nearest_contrasting_colour(navy, white, 4.5)), "#1d4e89");
}

TEST(Colour, NearestPassingColourIsDarkerBehindWhiteTextAndKeepsItsHue) {
    Rgb orange = *parse_hex_colour("#f39200");
    ASSERT_LT(contrast_ratio(orange, white), 4.5);
    Rgb fixed = nearest_contrasting_colour(orange, white, 4.5);
    EXPECT_GE(contrast_ratio(fixed, white), 4.5);
    EXPECT_LT(contrast_ratio(fixed, white), 4.7) << "no darker than it needs to be: " << hex_colour(fixed);
    EXPECT_GT(fixed.r, fixed.g) << "still orange: " << hex_colour(fixed);
    EXPECT_GT(fixed.g, fixed.b) << "still orange: " << hex_colour(fixed);
}

TEST(Colour, NearestPassingColourIsLighterBehindDarkText) {
    Rgb blue = *parse_hex_colour("#1d4e89");
    Rgb fixed = nearest_contrasting_colour(blue, black, 4.5);
    EXPECT_GE(contrast_ratio(fixed, black), 4.5);
    EXPECT_GT(relative_luminance(fixed), relative_luminance(blue));
}

}  // namespace
}  // namespace techpages
