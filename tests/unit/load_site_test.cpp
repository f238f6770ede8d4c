// Loading a whole (small) content tree and linking it; the derived site index.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "../test_support.h"
#include "build.h"
#include "model/load_site.h"
#include "model/site_index.h"
#include "unit_helpers.h"

using namespace techpages;
using namespace techpages::testing;

namespace {

// A small content folder: two institutions, three profiles (one a draft), a case
// study, a career story and a plan. Tests change or add files before loading.
struct Content {
    Content() {
        file("site.toml", R"(title = "Test Commitment"
base_url = "https://example.org/tc/"
theme_order = ["recognition", "visibility", "career-development", "sustainability"]
)");
        for (const char* id : {"visibility", "recognition", "career-development", "sustainability"})
            file(std::string("commitment-themes/") + id + ".md",
                 std::string("+++\ntitle = \"") + id + "\"\naim = \"The aim.\"\n+++\nIntro.\n");
        file("institutions/uni/institution.md",
             "+++\nname = \"University of Testing\"\nshort_name = \"UoT\"\n+++\nA university.\n");
        file("institutions/other/institution.md",
             "+++\nname = \"Another Institute\"\nshort_name = \"AI\"\n+++\nAn institute.\n");
        file("institutions/uni/profiles/amara-okafor.md", R"(+++
name = "Amara Okafor"
role = "Senior Research Technician"
themes = ["visibility"]
skills = ["qPCR", "Insectary management"]
registrations = ["RSciTech"]
+++
Amara runs the insectary.
)");
        file("institutions/uni/profiles/joe-bloggs.md", R"x(+++
name = "Joe Bloggs"
role = "Workshop Technician"
skills = ["QPCR", "Mass spectrometry (LC-MS)"]
+++
)x");
        file("institutions/uni/profiles/dana-draft.md", R"(+++
name = "Dana Draft"
role = "Technician"
published = false
+++
)");
        file("institutions/other/profiles/sam-smith.md", R"(+++
name = "Sam Smith"
role = "Research Technician"
+++
)");
        file("institutions/uni/case-studies/open-day.md", R"(+++
title = "Opening the insectary"
date = 2024-09-12
themes = ["visibility"]
technicians = ["amara-okafor", "other/sam-smith"]
+++
The story.
)");
        file("institutions/uni/career-stories/from-apprentice.md", R"(+++
title = "From apprentice to manager"
date = 2024-03-04
technician = "joe-bloggs"
themes = ["career-development"]
+++
)");
        file("institutions/uni/plans/2024-2027.toml", R"(title = "Action Plan"
[[actions]]
ref = "V1"
themes = ["visibility"]
action = "Events"
talent = ["R2", "R10"]
)");
    }

    void file(const std::string& rel, const std::string& text) { write_text(dir / ("content/" + rel), text); }
    void remove(const std::string& rel) { fs::remove(dir / ("content/" + rel)); }

    Site load(bool include_drafts = false) {
        BuildOptions options;
        options.content_dir = dir / "content";
        options.include_drafts = include_drafts;
        options.threads = 2;
        return load_site(options, diagnostics);
    }

    TempDir dir;
    Diagnostics diagnostics;
};

const Profile* profile_named(const Site& site, const std::string& name) {
    for (const auto& p : site.profiles)
        if (p.name == name) return &p;
    return nullptr;
}

size_t profile_index(const Site& site, const std::string& name) {
    for (size_t i = 0; i < site.profiles.size(); ++i)
        if (site.profiles[i].name == name) return i;
    ADD_FAILURE() << "no profile named " << name;
    return SIZE_MAX;
}

std::vector<std::string> profile_names(const Site& site, const std::vector<size_t>& indexes) {
    std::vector<std::string> names;
    for (size_t i : indexes) names.push_back(site.profiles.at(i).name);
    return names;
}

const Term* term_with_slug(const Taxonomy& taxonomy, const std::string& slug) {
    for (const auto& t : taxonomy.terms)
        if (t.slug == slug) return &t;
    return nullptr;
}

using Strings = std::vector<std::string>;

}  // namespace

// ---- load_site ---------------------------------------------------------------------

TEST(LoadSite, SmallTreeLoadsWithoutProblems) {
    Content c;
    Site site = c.load();
    EXPECT_EQ(c.diagnostics.error_count() + c.diagnostics.warning_count(), 0u) << dump(c.diagnostics);
    EXPECT_EQ(site.config.title, "Test Commitment");
    ASSERT_EQ(site.institutions.size(), 2u);
    EXPECT_EQ(site.institutions[0].name, "Another Institute");  // sorted by name
    EXPECT_EQ(site.institutions[1].slug, "uni");
    ASSERT_EQ(site.profiles.size(), 3u);
    EXPECT_EQ(site.profiles[0].name, "Amara Okafor");
    EXPECT_EQ(site.profiles[1].name, "Joe Bloggs");
    EXPECT_EQ(site.profiles[2].name, "Sam Smith");
    EXPECT_EQ(site.case_studies.size(), 1u);
    EXPECT_EQ(site.career_stories.size(), 1u);
    EXPECT_EQ(site.plans.size(), 1u);
}

TEST(LoadSite, ThemesFollowTheConfiguredOrder) {
    Content c;
    Site site = c.load();
    ASSERT_EQ(site.commitment_themes.size(), 4u);
    EXPECT_EQ(site.commitment_themes[0].id, "recognition");
    EXPECT_EQ(site.commitment_themes[1].id, "visibility");
    EXPECT_EQ(site.commitment_themes[3].id, "sustainability");
}

TEST(LoadSite, RecordsKnowTheirInstitution) {
    Content c;
    Site site = c.load();
    const Profile* sam = profile_named(site, "Sam Smith");
    ASSERT_NE(sam, nullptr);
    EXPECT_EQ(site.institutions[sam->institution].slug, "other");
    EXPECT_EQ(site.institutions[site.case_studies[0].institution].slug, "uni");
    EXPECT_EQ(site.institutions[site.plans[0].institution].slug, "uni");
}

TEST(LoadSite, CaseStudyTechniciansResolveToProfilesInAnyInstitution) {
    Content c;
    Site site = c.load();
    ASSERT_EQ(site.case_studies.size(), 1u);
    EXPECT_EQ(profile_names(site, site.case_studies[0].technicians), (Strings{"Amara Okafor", "Sam Smith"}));
}

TEST(LoadSite, ProfilesListTheCaseStudiesFeaturingThem) {
    Content c;
    Site site = c.load();
    EXPECT_EQ(site.profiles[profile_index(site, "Amara Okafor")].case_studies, std::vector<size_t>{0});
    EXPECT_EQ(site.profiles[profile_index(site, "Sam Smith")].case_studies, std::vector<size_t>{0});
    EXPECT_TRUE(site.profiles[profile_index(site, "Joe Bloggs")].case_studies.empty());
}

TEST(LoadSite, CareerStoryLinksItsTechnicianAndTakesTheirName) {
    Content c;
    Site site = c.load();
    ASSERT_EQ(site.career_stories.size(), 1u);
    const CareerStory& story = site.career_stories[0];
    ASSERT_TRUE(story.technician.has_value());
    EXPECT_EQ(site.profiles[*story.technician].name, "Joe Bloggs");
    EXPECT_EQ(story.person, "Joe Bloggs");
    EXPECT_EQ(site.profiles[profile_index(site, "Joe Bloggs")].career_stories, std::vector<size_t>{0});
}

TEST(LoadSite, UnknownTechnicianIsAnErrorAtTheTechniciansLine) {
    Content c;
    c.file("institutions/uni/case-studies/open-day.md", R"(+++
title = "Opening the insectary"
date = 2024-09-12
themes = ["visibility"]
technicians = ["amara-okafor", "nobody-here"]
+++
)");
    Site site = c.load();
    auto errors = errors_with(c.diagnostics, "'nobody-here'");
    ASSERT_EQ(errors.size(), 1u) << dump(c.diagnostics);
    EXPECT_EQ(errors[0].path, "institutions/uni/case-studies/open-day.md");
    EXPECT_EQ(errors[0].pos.line, 5);
    EXPECT_EQ(c.diagnostics.error_count(), 1u) << dump(c.diagnostics);
    // The known technician is still linked.
    EXPECT_EQ(profile_names(site, site.case_studies[0].technicians), Strings{"Amara Okafor"});
}

TEST(LoadSite, MisspeltTechnicianGetsDidYouMean) {
    Content c;
    c.file("institutions/uni/career-stories/from-apprentice.md",
           "+++\ntitle = \"Story\"\ndate = 2024-03-04\ntechnician = \"joe-blogs\"\n+++\n");
    c.load();
    auto errors = errors_with(c.diagnostics, "'joe-blogs'");
    ASSERT_EQ(errors.size(), 1u) << dump(c.diagnostics);
    EXPECT_EQ(errors[0].pos.line, 4);
    EXPECT_EQ(errors[0].hint, "did you mean 'joe-bloggs'?");
}

TEST(LoadSite, OtherInstitutionsProfileNeedsItsInstitutionInTheRef) {
    Content c;
    c.file("institutions/uni/case-studies/open-day.md",
           "+++\ntitle = \"Open day\"\ndate = 2024-09-12\ntechnicians = [\"sam-smith\"]\n+++\n");
    c.load();
    auto errors = errors_with(c.diagnostics, "'sam-smith'");
    ASSERT_EQ(errors.size(), 1u) << dump(c.diagnostics);
    EXPECT_TRUE(contains(errors[0].hint, "for another institution's, write institution/profile")) << errors[0].hint;
}

TEST(LoadSite, DraftsAreLeftOutUnlessIncluded) {
    Content c;
    c.file("institutions/uni/case-studies/draft-story.md",
           "+++\ntitle = \"Not yet\"\ndate = 2025-01-01\npublished = false\n+++\n");
    Site published = c.load();
    EXPECT_EQ(published.profiles.size(), 3u);
    EXPECT_EQ(profile_named(published, "Dana Draft"), nullptr);
    EXPECT_EQ(published.case_studies.size(), 1u);

    Diagnostics again;
    BuildOptions options;
    options.content_dir = c.dir / "content";
    options.include_drafts = true;
    Site with_drafts = load_site(options, again);
    EXPECT_EQ(with_drafts.profiles.size(), 4u);
    EXPECT_NE(profile_named(with_drafts, "Dana Draft"), nullptr);
    EXPECT_EQ(with_drafts.case_studies.size(), 2u);
}

TEST(LoadSite, ReferenceToADraftProfileIsOnlyAWarning) {
    Content c;
    c.file("institutions/uni/case-studies/open-day.md",
           "+++\ntitle = \"Open day\"\ndate = 2024-09-12\ntechnicians = [\"dana-draft\"]\n+++\n");
    Site site = c.load();
    EXPECT_EQ(c.diagnostics.error_count(), 0u) << dump(c.diagnostics);
    auto warnings = warnings_with(c.diagnostics, "'dana-draft' has a draft profile");
    ASSERT_EQ(warnings.size(), 1u) << dump(c.diagnostics);
    EXPECT_EQ(warnings[0].pos.line, 4);
    EXPECT_TRUE(site.case_studies[0].technicians.empty());
}

TEST(LoadSite, InstitutionListsAreFilled) {
    Content c;
    Site site = c.load();
    const Institution& uni = site.institutions[1];
    ASSERT_EQ(uni.slug, "uni");
    EXPECT_EQ(profile_names(site, uni.profiles), (Strings{"Amara Okafor", "Joe Bloggs"}));
    EXPECT_EQ(uni.case_studies, std::vector<size_t>{0});
    EXPECT_EQ(uni.career_stories, std::vector<size_t>{0});
    EXPECT_EQ(uni.plans, std::vector<size_t>{0});
    const Institution& other = site.institutions[0];
    EXPECT_EQ(profile_names(site, other.profiles), Strings{"Sam Smith"});
    EXPECT_TRUE(other.case_studies.empty());
    EXPECT_TRUE(other.plans.empty());
}

TEST(LoadSite, CaseStudiesAreNewestFirst) {
    Content c;
    c.file("institutions/uni/case-studies/older.md", "+++\ntitle = \"Older\"\ndate = 2023-01-10\n+++\n");
    c.file("institutions/other/case-studies/newer.md", "+++\ntitle = \"Newer\"\ndate = 2025-02-01\n+++\n");
    Site site = c.load();
    ASSERT_EQ(site.case_studies.size(), 3u) << dump(c.diagnostics);
    EXPECT_EQ(site.case_studies[0].title, "Newer");
    EXPECT_EQ(site.case_studies[1].title, "Opening the insectary");
    EXPECT_EQ(site.case_studies[2].title, "Older");
    // Back-references use the sorted positions.
    EXPECT_EQ(site.profiles[profile_index(site, "Amara Okafor")].case_studies, std::vector<size_t>{1});
}

TEST(LoadSite, MissingInstitutionMdIsAnErrorAndItsFilesAreSkipped) {
    Content c;
    c.file("institutions/orphan/profiles/lost-person.md", "+++\nname = \"Lost Person\"\nrole = \"Technician\"\n+++\n");
    Site site = c.load();
    // Said at the file itself, where a pull request's diff can show it.
    auto errors = errors_with(c.diagnostics, "which has no institution.md");
    ASSERT_EQ(errors.size(), 1u) << dump(c.diagnostics);
    EXPECT_EQ(errors[0].path, "institutions/orphan/profiles/lost-person.md");
    EXPECT_TRUE(contains(errors[0].hint, "add institutions/orphan/institution.md"));
    EXPECT_EQ(profile_named(site, "Lost Person"), nullptr);
    EXPECT_EQ(site.institutions.size(), 2u);
}

TEST(LoadSite, BrokenInstitutionMdDoesNotCascadeIntoItsProfiles) {
    Content c;
    c.file("institutions/uni/institution.md", "+++\nshort_name = \"UoT\"\n+++\n");  // no name
    Site site = c.load();
    EXPECT_EQ(errors_with(c.diagnostics, "the required field 'name' is missing").size(), 1u) << dump(c.diagnostics);
}

TEST(LoadSite, MissingSiteTomlAndThemeFileAreErrors) {
    Content c;
    c.remove("site.toml");
    c.remove("commitment-themes/sustainability.md");
    Site site = c.load();
    EXPECT_EQ(errors_with(c.diagnostics, "the content folder has no site.toml").size(), 1u) << dump(c.diagnostics);
    auto theme = errors_with(c.diagnostics, "the Commitment theme 'sustainability' has no file");
    ASSERT_EQ(theme.size(), 1u) << dump(c.diagnostics);
    EXPECT_EQ(theme[0].path, "commitment-themes/sustainability.md");
    // The site still has all four themes, the missing one under its usual title.
    ASSERT_EQ(site.commitment_themes.size(), 4u);
    EXPECT_NE(site.find_commitment_theme("sustainability"), nullptr);
    EXPECT_EQ(site.find_commitment_theme("sustainability")->title, "Sustainability");
}

TEST(LoadSite, MissingContentFolderIsAnError) {
    TempDir dir;
    Diagnostics diagnostics;
    BuildOptions options;
    options.content_dir = dir / "no-such-folder";
    Site site = load_site(options, diagnostics);
    EXPECT_EQ(errors_with(diagnostics, "the content folder does not exist").size(), 1u) << dump(diagnostics);
    EXPECT_TRUE(site.profiles.empty());
}

TEST(LoadSite, TechnicianNamedTwiceIsLinkedOnce) {
    Content c;
    c.file("institutions/uni/case-studies/open-day.md",
           "+++\ntitle = \"Open day\"\ndate = 2024-09-12\ntechnicians = [\"amara-okafor\", \"uni/amara-okafor\"]\n+++\n");
    Site site = c.load();
    EXPECT_EQ(profile_names(site, site.case_studies[0].technicians), Strings{"Amara Okafor"});
    EXPECT_EQ(site.profiles[profile_index(site, "Amara Okafor")].case_studies, std::vector<size_t>{0});
}

// ---- build_site_index ----------------------------------------------------------------

TEST(SiteIndex, SkillsInDifferentCapitalisationShareOneTerm) {
    Content c;
    Site site = c.load();
    SiteIndex index = build_site_index(site);
    const Term* qpcr = term_with_slug(index.skills, "qpcr");
    ASSERT_NE(qpcr, nullptr);
    EXPECT_EQ(qpcr->name, "qPCR");  // the first spelling, from the first profile by name
    EXPECT_EQ(profile_names(site, qpcr->profiles), (Strings{"Amara Okafor", "Joe Bloggs"}));
    size_t qpcr_terms = std::count_if(index.skills.terms.begin(), index.skills.terms.end(),
                                      [](const Term& t) { return t.slug == "qpcr"; });
    EXPECT_EQ(qpcr_terms, 1u);
}

TEST(SiteIndex, SkillTermsAreSortedByNameWithAddressSlugs) {
    Content c;
    Site site = c.load();
    SiteIndex index = build_site_index(site);
    Strings names, slugs;
    for (const auto& t : index.skills.terms) {
        names.push_back(t.name);
        slugs.push_back(t.slug);
    }
    EXPECT_EQ(names, (Strings{"Insectary management", "Mass spectrometry (LC-MS)", "qPCR"}));
    EXPECT_EQ(slugs, (Strings{"insectary-management", "mass-spectrometry-lc-ms", "qpcr"}));
}

TEST(SiteIndex, OneProfileListingASkillTwiceIsCountedOnce) {
    Site site;
    Profile p;
    p.name = "Amara";
    p.skills = {"qPCR", "QPCR"};
    site.profiles.push_back(p);
    SiteIndex index = build_site_index(site);
    ASSERT_EQ(index.skills.terms.size(), 1u);
    EXPECT_EQ(index.skills.terms[0].profiles, std::vector<size_t>{0});
}

TEST(SiteIndex, RegistrationWrittenTwiceListsTheProfileOnce) {
    Content c;
    c.file("institutions/uni/profiles/amara-okafor.md",
           "+++\nname = \"Amara Okafor\"\nrole = \"Technician\"\nregistrations = [\"RSciTech\", \"rscitech\"]\n+++\n");
    Site site = c.load();
    EXPECT_EQ(c.diagnostics.error_count(), 0u) << dump(c.diagnostics);
    SiteIndex index = build_site_index(site);
    const Term* rscitech = term_with_slug(index.registrations, "rscitech");
    ASSERT_NE(rscitech, nullptr);
    EXPECT_EQ(profile_names(site, rscitech->profiles), Strings{"Amara Okafor"});
}

TEST(SiteIndex, AllSixteenTalentTermsExistInNumericOrder) {
    Site empty;
    SiteIndex index = build_site_index(empty);
    ASSERT_EQ(index.talent.terms.size(), 16u);
    for (int r = 1; r <= 16; ++r) {
        std::string number = std::to_string(r);
        EXPECT_EQ(index.talent.terms[r - 1].name, std::string("R").append(number));
        EXPECT_EQ(index.talent.terms[r - 1].slug, std::string("r").append(number));
        EXPECT_TRUE(index.talent.terms[r - 1].actions.empty());
    }
}

TEST(SiteIndex, TalentTermsCollectTheActionsCitingThem) {
    Content c;
    Site site = c.load();
    SiteIndex index = build_site_index(site);
    ASSERT_EQ(index.talent.terms.size(), 16u);
    const Term& r2 = index.talent.terms[1];
    const Term& r10 = index.talent.terms[9];
    EXPECT_EQ(r2.name, "R2");
    EXPECT_EQ(r10.name, "R10");
    ASSERT_EQ(r2.actions.size(), 1u);
    ASSERT_EQ(r10.actions.size(), 1u);
    EXPECT_EQ(site.plans[r10.actions[0].plan].actions[r10.actions[0].action].ref, "V1");
    EXPECT_TRUE(index.talent.terms[2].actions.empty());
}

TEST(SiteIndex, ThemeMembersCollectProfilesStoriesAndActions) {
    Content c;
    Site site = c.load();
    SiteIndex index = build_site_index(site);
    const CommitmentThemeMembers& visibility = index.by_commitment_theme.at("visibility");
    EXPECT_EQ(profile_names(site, visibility.profiles), Strings{"Amara Okafor"});
    EXPECT_EQ(visibility.case_studies, std::vector<size_t>{0});
    EXPECT_EQ(visibility.actions.size(), 1u);
    EXPECT_EQ(index.by_commitment_theme.at("career-development").career_stories, std::vector<size_t>{0});
    EXPECT_TRUE(index.by_commitment_theme.at("sustainability").profiles.empty());
}

TEST(SiteIndex, ThemeProgressCountsOnlyLeafActions) {
    Site site;
    CommitmentTheme theme;
    theme.id = "visibility";
    site.commitment_themes.push_back(theme);
    Plan plan;
    Action heading, done, started, other;
    heading.id = "V1";
    heading.commitment_themes = {"visibility"};
    heading.rag = Rag::green;
    heading.children = {1, 2};
    done.id = "V1a";
    done.parent = "V1";
    done.commitment_themes = {"visibility"};
    done.rag = Rag::green;
    started.id = "V1b";
    started.parent = "V1";
    started.commitment_themes = {"visibility"};
    started.rag = Rag::amber;
    other.id = "R1";
    other.commitment_themes = {"recognition"};
    other.rag = Rag::red;
    plan.actions = {heading, done, started, other};
    site.plans.push_back(plan);

    SiteIndex index = build_site_index(site);
    const CommitmentThemeMembers& visibility = index.by_commitment_theme.at("visibility");
    EXPECT_EQ(visibility.actions.size(), 3u);  // the heading is listed, but not counted
    EXPECT_EQ(visibility.progress.total(), 2);
    EXPECT_EQ(visibility.progress.green, 1);
    EXPECT_EQ(visibility.progress.amber, 1);
    EXPECT_EQ(index.by_commitment_theme.at("recognition").progress.red, 1);
    EXPECT_EQ(index.by_commitment_theme.at("recognition").progress.total(), 1);
}
