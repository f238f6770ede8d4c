// A page depends on what it read while it rendered, and on nothing else: the reads Views
// records (render/reads.h) and the values the build cache compares (incremental/read_values.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "../test_support.h"
#include "incremental/read_values.h"
#include "build.h"
#include "model/load_site.h"
#include "model/site_index.h"
#include "render/markdown.h"
#include "render/pages.h"
#include "render/views.h"
#include "unit_helpers.h"

using namespace techpages;
using namespace techpages::testing;

namespace {

const fs::path sample = fs::path(TECHPAGES_TEST_DIR) / ".." / "content";

// The sample site loaded, its pages listed, and the content files' hashes, as a build has them.
struct SampleSite {
    SampleSite() {
        Diagnostics diagnostics;
        BuildOptions options;
        options.content_dir = sample;
        options.threads = 1;
        site = load_site(options, diagnostics);
        index = build_site_index(site);
        files = stat_inputs(sample, {});
        hash_inputs(files, {}, sample, 1);
        pages = list_pages(site, index);
    }

    // What `build` reads, as name numbers in `names`.
    std::vector<uint32_t> reads_of(const std::function<data(const Views&)>& build) {
        ReadValues values(site, index, files, Digest{}, names);
        Urls urls(site.config.base_url);
        MarkdownRenderer markdown(false, urls.base_path());
        ImageIndex images;
        CardHtml cards;  // none rendered: the reads are what is asked, not the HTML
        Views views(CardViews(site, index, urls, markdown, markdown, images), cards);
        ReadLog log;
        {
            RecordReads recording(log);
            build(views);
        }
        return values.ids(log);
    }

    const PageJob& page(const std::string& site_path) const {
        for (const auto& job : pages)
            if (job.site_path == site_path) return job;
        throw std::runtime_error("no page " + site_path);
    }

    size_t profile_index(const std::string& path) const {
        for (size_t i = 0; i < site.profiles.size(); ++i)
            if (site.profiles[i].origin.path == path) return i;
        throw std::runtime_error("no profile " + path);
    }

    // The page's digest for `reads`, with the content files `now`.
    Digest digest(const PageJob& job, const std::vector<uint32_t>& reads, const InputFiles& now) {
        return ReadValues(site, index, now, Digest{}, names).page(job, reads);
    }

    // The same files, one of them with other bytes.
    InputFiles with_changed(const std::string& path) const {
        InputFiles changed = files;
        changed.at(path).hash = hash_bytes("other bytes");
        return changed;
    }

    Site site;
    SiteIndex index;
    InputFiles files;
    std::vector<PageJob> pages;
    ReadNames names;
};

const std::string arjun = "institutions/leicester/profiles/arjun-bhatt.md";
const std::string kwame = "institutions/lstm/profiles/kwame-mensah.md";

TEST(ReadValues, APageDependsOnWhatItReadAndNothingElse) {
    SampleSite s;
    const PageJob& job = s.page("institutions/leicester/profiles/arjun-bhatt/");
    std::vector<uint32_t> reads = s.reads_of(job.build);
    Digest before = s.digest(job, reads, s.files);
    ASSERT_TRUE(before.known());
    EXPECT_NE(s.digest(job, reads, s.with_changed(arjun)), before) << "the page read its own profile";
    EXPECT_EQ(s.digest(job, reads, s.with_changed(kwame)), before) << "the page never read Kwame's profile";
}

TEST(ReadValues, APageThatReadsOneMoreValueDependsOnIt) {
    SampleSite s;
    const PageJob& job = s.page("institutions/leicester/profiles/arjun-bhatt/");
    size_t other = s.profile_index(kwame);
    // The same page builder, now also showing another technician's name.
    auto shows_more = [&](const Views& v) {
        data d = job.build(v);
        put(d, "colleague", v.profile(other).name);
        return d;
    };
    std::vector<uint32_t> reads = s.reads_of(shows_more);
    EXPECT_NE(s.digest(job, reads, s.with_changed(kwame)), s.digest(job, reads, s.files))
        << "nobody declared it: the read was recorded";
}

TEST(ReadValues, AReadOfAnItemTheSiteNoLongerHasIsNeverTheSame) {
    SampleSite s;
    const PageJob& job = s.page("technicians/");
    std::vector<uint32_t> reads = s.reads_of(job.build);
    Digest before = s.digest(job, reads, s.files);
    reads.push_back(s.names.intern("profile:institutions/gone/profiles/nobody.md"));
    EXPECT_NE(s.digest(job, reads, s.files), before);
}

TEST(ReadValues, ReadsAreKeptByNameSoAnAddedFileMovesNoPage) {
    SampleSite s;
    ReadValues first(s.site, s.index, s.files, Digest{}, s.names);
    size_t named = s.names.names.size();
    ReadValues again(s.site, s.index, s.files, Digest{}, s.names);
    EXPECT_EQ(s.names.names.size(), named) << "the same site names the same reads";
    EXPECT_THAT(s.names.names, ::testing::Contains("profile:" + arjun));
    EXPECT_THAT(s.names.names, ::testing::Contains("site:"));
}

}  // namespace
