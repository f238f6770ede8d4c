#include <gtest/gtest.h>

#include "util/text.h"

using namespace techpages;

TEST(Slugify, TermsBecomeAddresses) {
    EXPECT_EQ(slugify("Mass spectrometry (LC-MS)"), "mass-spectrometry-lc-ms");
    EXPECT_EQ(slugify("  PCR  "), "pcr");
    EXPECT_EQ(slugify("R12"), "r12");
}

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
    EXPECT_EQ(html_escape("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}
