// Golden-file tests: each page type rendered from tests/fixtures/golden-site with the
// default theme, compared byte for byte with tests/golden/expected/. After an intended
// change, regenerate with UPDATE_GOLDEN=1 build/tests/golden_tests and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>

#include "build.h"
#include "test_support.h"

using namespace techpages;
using namespace techpages::testing;

namespace {

const fs::path fixture = fs::path(TECHPAGES_TEST_DIR) / "fixtures/golden-site";
const fs::path expected_dir = fs::path(TECHPAGES_TEST_DIR) / "golden/expected";

class GoldenPages : public ::testing::TestWithParam<std::string> {
protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir();
        BuildOptions options;
        options.content_dir = fixture;
        options.out_dir = dir_->path() / "site";
        options.cache_dir = dir_->path() / "cache";  // not beside the fixture, in the source tree
        options.visual_theme = "default";
        Diagnostics diagnostics;
        ok_ = build_site(options, diagnostics).ok;
        for (const auto& d : diagnostics.sorted()) messages_ += format_diagnostic(d) + "\n";
    }
    static void TearDownTestSuite() { delete dir_; }
    static TempDir* dir_;
    static bool ok_;
    static std::string messages_;
};

TempDir* GoldenPages::dir_ = nullptr;
bool GoldenPages::ok_ = false;
std::string GoldenPages::messages_;

std::string golden_name(const std::string& page) {
    std::string name = page;
    for (char& c : name)
        if (c == '/') c = '_';
    return name;
}

TEST_P(GoldenPages, MatchesExpected) {
    ASSERT_TRUE(ok_) << messages_;
    EXPECT_EQ(messages_, "") << "the fixture builds with no warnings";
    const std::string page = GetParam();
    std::string actual = read_text(dir_->path() / "site" / page);
    ASSERT_FALSE(actual.empty()) << page << " was not written";
    fs::path golden = expected_dir / golden_name(page);
    if (std::getenv("UPDATE_GOLDEN")) {
        write_text(golden, actual);
        GTEST_SKIP() << "updated " << golden;
    }
    ASSERT_TRUE(fs::exists(golden)) << "no expected file " << golden << "; run with UPDATE_GOLDEN=1";
    EXPECT_EQ(actual, read_text(golden)) << page << " differs from " << golden;
}

INSTANTIATE_TEST_SUITE_P(EveryPageType, GoldenPages,
                         ::testing::Values("index.html", "themes/index.html", "themes/recognition/index.html",
                                           "institutions/index.html", "institutions/example/index.html",
                                           "institutions/example/plans/plan/index.html",
                                           "institutions/example/profiles/ada-example/index.html",
                                           "institutions/example/case-studies/shared-kit/index.html",
                                           "institutions/example/career-stories/ada-path/index.html",
                                           "technicians/index.html", "skills/index.html", "skills/python/index.html",
                                           "registrations/rscitech/index.html", "talent/r10/index.html",
                                           "about/index.html", "search/index.html", "404.html", "search/index.json",
                                           // the plan's open data, beside its page, and every action
                                           "institutions/example/plans/plan/example-plan.csv",
                                           "institutions/example/plans/plan/example-plan.json", "actions.csv"),
                         [](const auto& info) {
                             std::string name = info.param;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

}  // namespace
