// A build deletes only what it made: `--out` at someone's folder, a file or a link is refused
// before any work, and the folders beside the output it tidies away must be its own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <thread>

#include "test_support.h"

using namespace techpages::testing;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;

struct Output {
    TempDir dir;
    fs::path content = dir / "content";
    Output() { copy_tree(source_dir / "content", content); }
    RunResult build(const fs::path& out, const std::string& extra = "") {
        return run(binary + " build --content " + quote(content) + " --out " + quote(out) + " " + extra);
    }
};

// Every file under `root` with its bytes, links as where they lead: to compare before and after.
std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        std::string rel = fs::relative(e.path(), root).generic_string();
        if (e.is_symlink()) files[rel] = "-> " + fs::read_symlink(e.path()).string();
        else if (e.is_regular_file()) files[rel] = read_text(e.path());
        else files[rel + "/"] = "";
    }
    return files;
}

// Someone's folder: a few files, one binary, one in a sub-folder.
void fill_with_someones_files(const fs::path& dir) {
    write_text(dir / "notes.txt", "my notes\n");
    write_text(dir / "photos/holiday.jpg", std::string("\xff\xd8\xff\xe0\0\x10JFIF", 10));
    write_text(dir / "themes/mine/style.css", "body { color: red }\n");
}

bool nothing_beside(const fs::path& dir, const std::string& name) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().rfind("." + name + ".", 0) == 0) return false;
    return true;
}

TEST(OutputSafety, AFolderWithSomeonesFilesIsRefusedBeforeAnyWorkAndKeptByteForByte) {
    Output site;
    fs::path home = site.dir / "home";
    fill_with_someones_files(home);
    auto before = snapshot(home);
    RunResult r = site.build(home);
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(home.string() + ":1:1: error: the folder '" + home.string() +
                  "' holds 3 files that techpages did not make, e.g. 'notes.txt', and a build replaces the whole "
                  "output folder — choose another folder (one that does not exist yet, or is empty), or add "
                  "--force to replace it and everything in it"))
        << r.output;
    EXPECT_EQ(snapshot(home), before) << "every file is still there, byte for byte";
    EXPECT_FALSE(fs::exists(home / ".techpages-site"));
    EXPECT_TRUE(nothing_beside(site.dir.path(), "home")) << "no staging folder was made";
    EXPECT_FALSE(fs::exists(site.dir / ".techpages-cache")) << "refused before any work: not even the cache was made";
}

TEST(OutputSafety, AnOrdinaryFileIsNeverReplacedEvenWithForce) {
    Output site;
    fs::path file = site.dir / "notes.txt";
    write_text(file, "my notes\n");
    for (const std::string extra : {"", "--force"}) {
        RunResult r = site.build(file, extra);
        EXPECT_EQ(r.status, 1) << r.output;
        EXPECT_THAT(long_text(r.output),
                    HasSubstr(file.string() + ":1:1: error: '" + file.string() +
                              "' is a file, not a folder; techpages never replaces a file with the site — choose a "
                              "folder that does not exist yet, e.g. --out site"))
            << r.output;
        ASSERT_TRUE(fs::is_regular_file(fs::symlink_status(file)));
        EXPECT_EQ(read_text(file), "my notes\n");
    }
}

TEST(OutputSafety, ASymbolicLinkIsRefusedAndWhatItLeadsToKept) {
    Output site;
    fs::path real = site.dir / "www", link = site.dir / "site";
    fill_with_someones_files(real);
    auto before = snapshot(real);
    fs::create_directory_symlink(real, link);
    for (const std::string extra : {"", "--force"}) {
        RunResult r = site.build(link, extra);
        EXPECT_EQ(r.status, 1) << r.output;
        EXPECT_THAT(long_text(r.output), HasSubstr(link.string() + ":1:1: error: the output folder '" + link.string() +
                                                   "' is a symbolic link (to '" + real.string() + "')"))
            << r.output;
        EXPECT_THAT(long_text(r.output), HasSubstr("give the folder itself, e.g. --out '" + real.string() + "'"));
        EXPECT_TRUE(fs::is_symlink(link));
        EXPECT_EQ(snapshot(real), before);
    }
    // --out site/ names the folder the link leads to: refused too, not followed.
    RunResult r = site.build(link.string() + "/");
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_EQ(snapshot(real), before);
}

TEST(OutputSafety, AnEmptyFolderOrANewOneIsBuiltIntoAndMarked) {
    Output site;
    fs::create_directories(site.dir / "empty");
    for (const char* name : {"empty", "new/deeper/site"}) {
        RunResult r = site.build(site.dir / name);
        ASSERT_EQ(r.status, 0) << r.output;
        EXPECT_TRUE(fs::is_regular_file(site.dir / name / "index.html"));
        EXPECT_EQ(read_text(site.dir / name / ".techpages-site"),
                  "techpages site\n"
                  "This folder was built by techpages. The next build into it replaces the whole folder,\n"
                  "so keep nothing else here. techpages replaces only a folder holding this file.\n");
    }
}

TEST(OutputSafety, BuildingTwiceIntoTheSameFolderWorksAndIsIncremental) {
    Output site;
    fs::path out = site.dir / "site";
    ASSERT_EQ(site.build(out).status, 0);
    struct stat first;
    ASSERT_EQ(::stat((out / "about/index.html").c_str(), &first), 0);
    RunResult again = site.build(out);
    ASSERT_EQ(again.status, 0) << again.output;
    EXPECT_THAT(long_text(again.output), HasSubstr("Rendered 0 of ")) << again.output;
    write_text(site.content / "pages/about.md", read_text(site.content / "pages/about.md") + "\nOne more line.\n");
    RunResult changed = site.build(out);
    ASSERT_EQ(changed.status, 0) << changed.output;
    EXPECT_THAT(long_text(changed.output), HasSubstr(" unchanged)")) << changed.output;
    EXPECT_THAT(long_text(changed.output), Not(HasSubstr("(0 unchanged)")))
        << "pages that did not change were kept: " << changed.output;
    EXPECT_THAT(long_text(read_text(out / "about/index.html")), HasSubstr("One more line."));
    EXPECT_TRUE(fs::exists(out / ".techpages-site"));
    // --out site/ is the same folder.
    RunResult slash = site.build(out.string() + "/");
    ASSERT_EQ(slash.status, 0) << slash.output;
    EXPECT_TRUE(fs::exists(out / ".techpages-site"));
}

TEST(OutputSafety, ForceReplacesAFolderTechpagesDidNotMakeOnce) {
    Output site;
    fs::path out = site.dir / "public";
    fill_with_someones_files(out);
    RunResult r = site.build(out, "--force");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_FALSE(fs::exists(out / "notes.txt"));
    EXPECT_FALSE(fs::exists(out / "photos"));
    EXPECT_TRUE(fs::exists(out / ".techpages-site"));
    // From then on it is techpages' own folder: no --force needed.
    RunResult again = site.build(out);
    EXPECT_EQ(again.status, 0) << again.output;
}

TEST(OutputSafety, ASiteAnEarlierVersionBuiltIsRefusedSayingExactlyWhatToDo) {
    Output site;
    fs::path out = site.dir / "site";
    ASSERT_EQ(site.build(out).status, 0);
    fs::remove(out / ".techpages-site");  // what the earlier version left
    auto before = snapshot(out);
    RunResult r = site.build(out);
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_THAT(
        long_text(r.output),
        HasSubstr(out.string() + ":1:1: error: the folder '" + out.string() +
                  "' looks like a site an earlier techpages built, but it has no .techpages-site file saying "
                  "techpages made it, so it is not replaced — if it is that site, build once with --force (the "
                  "new site is marked, and later builds replace it without asking); if not, choose another folder"))
        << r.output;
    EXPECT_EQ(snapshot(out), before);
    ASSERT_EQ(site.build(out, "--force").status, 0);
    EXPECT_EQ(site.build(out).status, 0);
}

TEST(OutputSafety, FoldersBesideTheOutputAreDeletedOnlyIfTechpagesMadeThem) {
    Output site;
    fs::path out = site.dir / "site";
    ASSERT_EQ(site.build(out).status, 0);
    // Named like what a killed build leaves, by a process that no longer exists, but not techpages'.
    fs::path someones_old = site.dir / ".site.old-99999999", someones_staging = site.dir / ".site.staging-99999999";
    fill_with_someones_files(someones_old);
    fill_with_someones_files(someones_staging);
    fs::create_directory_symlink(site.dir / "site", site.dir / ".site.old-99999997");
    // What a killed build does leave: a marked folder, and an empty one (killed before marking it).
    fs::path killed = site.dir / ".site.staging-99999998", killed_early = site.dir / ".site.staging-99999996";
    copy_tree(out, killed);
    fs::create_directories(killed_early);
    auto before = snapshot(someones_old), before_staging = snapshot(someones_staging);
    RunResult r = site.build(out, "--base-url https://changed.example/");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(snapshot(someones_old), before);
    EXPECT_EQ(snapshot(someones_staging), before_staging);
    EXPECT_TRUE(fs::is_symlink(site.dir / ".site.old-99999997"));
    EXPECT_TRUE(fs::exists(out / "index.html")) << "the link's removal did not reach the site it leads to";
    EXPECT_FALSE(fs::exists(killed));
    EXPECT_FALSE(fs::exists(killed_early));
}

TEST(OutputSafety, TheContentFolderAndItsParentsAreStillRefusedWithForce) {
    Output site;
    for (const fs::path& out : {site.content, site.content / "pages", site.dir.path()}) {
        RunResult r = site.build(out, "--force");
        EXPECT_EQ(r.status, 1) << out << r.output;
        EXPECT_TRUE(fs::exists(site.content / "site.toml"));
    }
}

TEST(OutputSafety, ServeRemovesOnlyItsOwnAbandonedWorkFolders) {
    Output site;
    fs::path cache = site.dir / ".techpages-cache";
    fs::path someones = cache / "serve-99999999", killed = cache / "serve-99999998";
    fill_with_someones_files(someones);
    auto before = snapshot(someones);
    // What a killed serve leaves: its marked work folder with the site inside.
    ASSERT_EQ(site.build(killed / "site").status, 0);
    write_text(killed / ".techpages-site", read_text(killed / "site/.techpages-site"));
    pid_t pid = ::fork();
    if (pid == 0) {
        ::execl("/bin/sh", "sh", "-c", ("exec " + binary + " serve --port 0 --content " + quote(site.content) + " >/dev/null 2>&1").c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    fs::path own;
    for (int i = 0; i < 600 && (fs::exists(killed) || own.empty()); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        for (const auto& e : fs::directory_iterator(cache))
            if (e.path().filename().string().rfind("serve-", 0) == 0 && e.path() != someones && e.path() != killed)
                own = e.path();
    }
    EXPECT_FALSE(fs::exists(killed)) << "a killed serve's folder is removed";
    EXPECT_EQ(snapshot(someones), before) << "a folder of that name techpages did not make is not";
    EXPECT_FALSE(own.empty());
    if (!own.empty()) {
        EXPECT_TRUE(fs::exists(own / ".techpages-site")) << "serve marks its own work folder";
    }
    ::kill(pid, SIGTERM);  // serve itself: sh exec-ed it
    int status;
    ::waitpid(pid, &status, 0);
}

}  // namespace
