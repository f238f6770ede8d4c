// Which external addresses `check --external` asks about, and where it says each was written.
#include "check/external_report.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace techpages {
namespace {

using namespace techpages::testing;

const Urls urls("https://example.github.io/techpages/");

PageLinks page(const std::string& site_path, const std::string& source, std::vector<std::string> links) {
    PageLinks p;
    p.site_path = site_path;
    p.source = source;
    p.template_file = "../themes/default/templates/profile.mustache";
    p.links = std::move(links);
    return p;
}

const ExternalLinkUse* use_of(const std::vector<ExternalLinkUse>& uses, const std::string& url) {
    for (const auto& u : uses)
        if (u.url == url) return &u;
    return nullptr;
}

std::string where(const ExternalLinkUse* u) {
    return u ? u->file + ":" + std::to_string(u->pos.line) + ":" + std::to_string(u->pos.column) : "(not collected)";
}

TEST(ExternalReport, EachAddressOnceAtTheLineThatHoldsIt) {
    TempDir dir;
    write_text(dir / "people/ada.md",
               "+++\nname = \"Ada\"\norcid = \"0000-0001-5268-6882\"\n[[links]]\nurl = \"https://lab.example.org/ada\"\n+++\n"
               "Read [the report](https://reports.example.org/2024/).\n");
    write_text(dir / "people/bo.md", "+++\nname = \"Bo\"\n+++\nAlso [the report](https://reports.example.org/2024/)\n");
    std::vector<PageLinks> pages = {
        page("people/ada/", "people/ada.md",
             {"/techpages/people/", "https://example.github.io/techpages/people/bo/", "mailto:ada@example.org",
              "https://lab.example.org/ada", "https://reports.example.org/2024/",
              "https://orcid.org/0000-0001-5268-6882", "https://www.w3.org/TR/WCAG22/"}),
        page("people/bo/", "people/bo.md", {"https://reports.example.org/2024/", "https://www.w3.org/TR/WCAG22/"}),
        page("people/", "", {"https://www.w3.org/TR/WCAG22/"}),
    };
    auto uses = collect_external_links(pages, urls, dir.path().string());

    // Only other sites' http(s) addresses: not the site's own, not mailto.
    ASSERT_EQ(uses.size(), 4u);
    EXPECT_EQ(uses[0].url, "https://lab.example.org/ada");
    EXPECT_EQ(where(use_of(uses, "https://lab.example.org/ada")), "people/ada.md:5:8");  // front matter
    EXPECT_EQ(where(use_of(uses, "https://reports.example.org/2024/")), "people/ada.md:7:19");  // Markdown
    EXPECT_EQ(use_of(uses, "https://reports.example.org/2024/")->pages, 2u);
    // A template turns the bare ORCID iD into a link: the iD's line is where to fix it.
    EXPECT_EQ(where(use_of(uses, "https://orcid.org/0000-0001-5268-6882")), "people/ada.md:3:10");
    // In no content file: the template, with the page it is on.
    const ExternalLinkUse* footer = use_of(uses, "https://www.w3.org/TR/WCAG22/");
    EXPECT_EQ(where(footer), "../themes/default/templates/profile.mustache:1:1");
    EXPECT_EQ(footer->page, "/techpages/people/ada/");
    EXPECT_EQ(footer->pages, 3u);
}

TEST(ExternalReport, SettingsBecomeCheckerOptions) {
    LinkCheckSettings settings;
    settings.skip = {"https://www.linkedin.com/*"};
    settings.timeout_seconds = 3;
    settings.deadline_seconds = 40;
    settings.max_connections = 8;
    settings.max_per_host = 2;
    settings.cache_expiry_days = 2;
    auto options = link_check_options(settings, "https://example.github.io/techpages/", "/tmp/x/links.tsv");
    EXPECT_EQ(options.skip_patterns, settings.skip);
    EXPECT_EQ(options.request_timeout, 3);
    EXPECT_EQ(options.connect_timeout, 3);
    EXPECT_EQ(options.deadline, 40);
    EXPECT_EQ(options.max_total, 8);
    EXPECT_EQ(options.max_per_host, 2);
    EXPECT_EQ(options.cache_expiry_seconds, 2 * 24 * 3600);
    EXPECT_EQ(options.cache_file, "/tmp/x/links.tsv");
    // Whose checker it is: the site's own address, unless a contact is set.
    EXPECT_EQ(options.user_agent, link_checker_user_agent("https://example.github.io/techpages/"));
    settings.contact = "web@example.ac.uk";
    EXPECT_EQ(link_check_options(settings, "/", "links.tsv").user_agent, link_checker_user_agent("web@example.ac.uk"));
    settings.contact.clear();
    EXPECT_EQ(link_check_options(settings, "/techpages/", "links.tsv").user_agent, link_checker_user_agent());
    // An expiry of 0 days keeps no cache at all.
    settings.cache_expiry_days = 0;
    EXPECT_TRUE(link_check_options(settings, "/", "links.tsv").cache_file.empty());
}

}  // namespace
}  // namespace techpages
