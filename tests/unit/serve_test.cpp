// The preview server's parts: which request paths name a file of the site (never
// anything outside it), which Host and Origin headers it answers, the reload signal,
// the error banner, and the file watcher on a real folder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "serve/error_overlay.h"
#include "serve/file_watcher.h"
#include "serve/host_guard.h"
#include "serve/live_reload.h"
#include "serve/request_path.h"
#include "test_support.h"

using namespace techpages;
using namespace techpages::serve;
using techpages::testing::TempDir;
using techpages::testing::write_text;
using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

namespace {

// A small built site beside a secret that must never be served.
struct ServedSite {
    TempDir dir;
    fs::path root = dir / "site";
    ServedSite() {
        write_text(root / "index.html", "home");
        write_text(root / "404.html", "missing");
        write_text(root / "institutions/lstm/index.html", "lstm");
        write_text(root / "assets/style.css", "body{}");
        write_text(root / "a b.txt", "space");
        write_text(dir / "secret.txt", "secret");
    }
    ResolvedPath get(std::string_view target) const { return resolve_request_path(target, root); }
    bool refused(std::string_view target) const { return get(target).kind == ResolvedPath::Kind::not_found; }
};

}  // namespace

TEST(ServeRequestPath, FoldersServeTheirIndexAndFilesThemselves) {
    ServedSite site;
    EXPECT_EQ(site.get("/").file, fs::canonical(site.root / "index.html"));
    EXPECT_EQ(site.get("/institutions/lstm/").file, fs::canonical(site.root / "institutions/lstm/index.html"));
    EXPECT_EQ(site.get("/assets/style.css?v=2#top").file, fs::canonical(site.root / "assets/style.css"));
    EXPECT_EQ(site.get("/a%20b.txt").file, fs::canonical(site.root / "a b.txt"));
}

TEST(ServeRequestPath, AFolderWithoutItsSlashIsRedirectedToIt) {
    ServedSite site;
    ResolvedPath r = site.get("/institutions/lstm?x=1");
    EXPECT_EQ(r.kind, ResolvedPath::Kind::add_slash);
    EXPECT_EQ(r.location, "/institutions/lstm/");
}

TEST(ServeRequestPath, MissingFilesAreNotFound) {
    ServedSite site;
    EXPECT_TRUE(site.refused("/nothing-here/"));
    EXPECT_TRUE(site.refused("/assets/nothing.css"));
}

TEST(ServeRequestPath, RawTraversalIsRefused) {
    ServedSite site;
    EXPECT_TRUE(site.refused("/../secret.txt"));
    EXPECT_TRUE(site.refused("/assets/../../secret.txt"));
    EXPECT_TRUE(site.refused("/assets/../style.css")) << "a .. is refused, not tidied away";
    EXPECT_TRUE(site.refused("/./index.html"));
    EXPECT_TRUE(site.refused("/..\\secret.txt"));
}

TEST(ServeRequestPath, EncodedTraversalIsRefused) {
    ServedSite site;
    for (const char* target : {"/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
                               "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt",
                               "/..%5csecret.txt", "/%2e%2e%5c%2e%2e%5csecret.txt", "/%2e"})
        EXPECT_TRUE(site.refused(target)) << target;
    EXPECT_FALSE(decode_request_path("/%2e%2e/secret.txt"));
}

TEST(ServeRequestPath, AbsolutePathsNulAndBadEscapesAreRefused) {
    ServedSite site;
    std::string secret = (site.dir / "secret.txt").string();
    EXPECT_TRUE(site.refused("/" + secret)) << "a file-system path is read inside the site, where it does not exist";
    EXPECT_TRUE(site.refused("/%2F" + secret.substr(1)));
    EXPECT_TRUE(site.refused("//" + secret.substr(1)));
    EXPECT_TRUE(site.refused(secret)) << "only paths starting with one /";
    EXPECT_TRUE(site.refused("http://127.0.0.1/index.html"));
    EXPECT_TRUE(site.refused("*"));
    EXPECT_TRUE(site.refused("/index.html%00.css"));
    EXPECT_TRUE(site.refused(std::string("/index.html\0.css", 16)));
    EXPECT_TRUE(site.refused("/index.html%"));
    EXPECT_TRUE(site.refused("/index.html%2"));
    EXPECT_TRUE(site.refused("/index%zz.html"));
}

TEST(ServeRequestPath, SymbolicLinksLeadingOutOfTheSiteAreRefused) {
    ServedSite site;
    fs::create_symlink(site.dir / "secret.txt", site.root / "leak.txt");
    fs::create_directory_symlink(site.dir.path(), site.root / "up");
    EXPECT_TRUE(site.refused("/leak.txt"));
    EXPECT_TRUE(site.refused("/up/secret.txt"));
}

TEST(ServeRequestPath, ContentTypesFollowTheExtension) {
    EXPECT_EQ(content_type_for("a/index.html"), "text/html; charset=utf-8");
    EXPECT_EQ(content_type_for("style.CSS"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type_for("photo.jpg"), "image/jpeg");
    EXPECT_EQ(content_type_for("logo.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_for("feed.xml"), "application/xml");
    EXPECT_EQ(content_type_for("CNAME"), "application/octet-stream");
}

TEST(ServeHostGuard, LoopbackAnswersItsOwnNamesOnItsPort) {
    HostGuard guard("127.0.0.1", 8000);
    EXPECT_TRUE(guard.host_allowed("127.0.0.1:8000"));
    EXPECT_TRUE(guard.host_allowed("localhost:8000"));
    EXPECT_TRUE(guard.host_allowed("LOCALHOST:8000"));
    EXPECT_TRUE(guard.host_allowed("[::1]:8000"));
    EXPECT_FALSE(guard.host_allowed("127.0.0.1:8001"));
    EXPECT_FALSE(guard.host_allowed("127.0.0.1")) << "no port means 80";
    EXPECT_FALSE(guard.host_allowed(""));
    EXPECT_FALSE(guard.host_allowed("127.0.0.1:8000x"));
    EXPECT_FALSE(guard.host_allowed("127.0.0.1:"));
}

TEST(ServeHostGuard, DnsRebindingNamesAreRefused) {
    HostGuard guard("127.0.0.1", 8000);
    EXPECT_FALSE(guard.host_allowed("evil.example:8000"));
    EXPECT_FALSE(guard.host_allowed("127.0.0.1.evil.example:8000"));
    EXPECT_FALSE(guard.host_allowed("localhost.evil.example:8000"));
    EXPECT_FALSE(guard.host_allowed("192.168.1.5:8000")) << "loopback only answers to loopback names";
}

TEST(ServeHostGuard, AllInterfacesAnswerAnyAddressButNoName) {
    HostGuard guard("0.0.0.0", 8000);
    EXPECT_TRUE(guard.host_allowed("192.168.1.5:8000"));
    EXPECT_TRUE(guard.host_allowed("[fe80::1]:8000"));
    EXPECT_TRUE(guard.host_allowed("localhost:8000"));
    EXPECT_FALSE(guard.host_allowed("evil.example:8000"));
    EXPECT_FALSE(guard.host_allowed("fe80::1:8000")) << "an IPv6 address needs its brackets";
}

TEST(ServeHostGuard, AnAddressAnswersItsOwnName) {
    HostGuard guard("192.168.1.5", 80);
    EXPECT_TRUE(guard.host_allowed("192.168.1.5"));
    EXPECT_TRUE(guard.host_allowed("192.168.1.5:80"));
    EXPECT_FALSE(guard.host_allowed("localhost"));
    EXPECT_FALSE(guard.host_allowed("192.168.1.6"));
}

TEST(ServeHostGuard, LiveReloadOnlyForPagesOfThisServer) {
    HostGuard guard("127.0.0.1", 8000);
    EXPECT_TRUE(guard.origin_allowed("")) << "same-origin requests may carry no Origin";
    EXPECT_TRUE(guard.origin_allowed("http://127.0.0.1:8000"));
    EXPECT_TRUE(guard.origin_allowed("http://localhost:8000"));
    EXPECT_FALSE(guard.origin_allowed("http://evil.example:8000"));
    EXPECT_FALSE(guard.origin_allowed("https://127.0.0.1:8000"));
    EXPECT_FALSE(guard.origin_allowed("http://127.0.0.1:9999"));
    EXPECT_FALSE(guard.origin_allowed("null"));
    EXPECT_FALSE(guard.origin_allowed("http://127.0.0.1:8000/x"));
}

TEST(ServeLiveReload, TheScriptGoesBeforeTheEndOfTheBody) {
    std::string html = LiveReload::inject_script("<html><body><p>x</p></body></html>", 7);
    EXPECT_EQ(html, "<html><body><p>x</p><script src=\"/__techpages/live-reload.js\" data-generation=\"7\"></script>\n"
                    "</body></html>");
    EXPECT_THAT(LiveReload::inject_script("no body", 0), HasSubstr("live-reload.js"));
}

// Refused (503, too many tabs), the script opens the stream again after Retry-After.
TEST(ServeLiveReload, TheScriptTriesAgainAfterARefusal) {
    std::string script(LiveReload::script());
    EXPECT_THAT(script, HasSubstr("EventSource.CLOSED")) << script;
    EXPECT_THAT(script, HasSubstr("setTimeout(listen, " + std::to_string(LiveReload::retry_after_seconds * 1000)))
        << script;
}

TEST(ServeLiveReload, WaitersHearOfRebuildsAndOfClosing) {
    LiveReload reload;
    EXPECT_FALSE(reload.wait_for_reload(0, std::chrono::milliseconds(1)));
    reload.notify_reload();
    EXPECT_EQ(reload.wait_for_reload(0, std::chrono::milliseconds(1)), 1u);
    reload.close();
    EXPECT_FALSE(reload.wait_for_reload(1, std::chrono::seconds(10)));
    EXPECT_TRUE(reload.closed());
}

TEST(ServeErrorOverlay, ErrorsAreLocatedAndEscaped) {
    Diagnostic d;
    d.path = "institutions/lstm/profiles/a.md";
    d.pos = {2, 8};
    d.message = "<script>alert(1)</script> is not valid";
    std::string html = inject_error_banner("<html><body class=\"x\"><main>page</main></body></html>", {d});
    EXPECT_THAT(html, HasSubstr("institutions/lstm/profiles/a.md:2:8: error: &lt;script&gt;")) << html;
    EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
    EXPECT_LT(html.find("techpages-build-errors"), html.find("<main>page</main>")) << "above the last good page";
    EXPECT_THAT(error_page_html({d}), HasSubstr("a.md:2:8"));
}

TEST(ServeFileWatcher, ReportsSavesInNewFoldersTooUnderTheirFinalNames) {
    TempDir dir;
    fs::create_directories(dir / "content/profiles");
    FileWatcher watcher(std::chrono::milliseconds(50));
    ASSERT_TRUE(watcher.watch(dir / "content"));

    write_text(dir / "content/profiles/a.md", "one");
    auto changes = watcher.wait_for_changes();
    EXPECT_EQ(changes.paths, std::vector<fs::path>{dir / "content/profiles/a.md"});

    // An editor's save: a scratch file renamed over the real one is one change, to the real one.
    write_text(dir / "content/profiles/.a.md.swp", "x");
    write_text(dir / "content/profiles/a.md.tmp1", "two");
    fs::rename(dir / "content/profiles/a.md.tmp1", dir / "content/profiles/a.md");
    changes = watcher.wait_for_changes();
    EXPECT_EQ(changes.paths, std::vector<fs::path>{dir / "content/profiles/a.md"});

    // A folder made after watching began is watched as well.
    fs::create_directories(dir / "content/institutions/new");
    watcher.wait_for_changes();
    write_text(dir / "content/institutions/new/institution.md", "x");
    changes = watcher.wait_for_changes();
    EXPECT_EQ(changes.paths, std::vector<fs::path>{dir / "content/institutions/new/institution.md"});
}

TEST(ServeFileWatcher, StopEndsTheWait) {
    TempDir dir;
    FileWatcher watcher;
    ASSERT_TRUE(watcher.watch(dir.path()));
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        watcher.stop();
    });
    EXPECT_TRUE(watcher.wait_for_changes().paths.empty());
    stopper.join();
    EXPECT_FALSE(watcher.watch(dir / "missing"));
}
