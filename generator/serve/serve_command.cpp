#include "serve/serve_command.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <condition_variable>
#include <ctime>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <ostream>
#include <optional>
#include <thread>

#include "build.h"
#include "serve/file_watcher.h"
#include "serve/incremental_rebuilder.h"
#include "serve/preview_server.h"
#include "util/files.h"
#include "write/output_dir.h"

namespace techpages::serve {

namespace fs = std::filesystem;

namespace {

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f s", seconds);
    return text;
}

std::string clock_time() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

// "profiles/a.md", "a.md and b.md", "a.md, b.md and 3 more files".
std::string describe_changes(const std::vector<fs::path>& paths, const fs::path& content_dir) {
    std::string text;
    size_t shown = std::min<size_t>(paths.size(), 3);
    for (size_t i = 0; i < shown; ++i) {
        if (i) text += (i + 1 == shown && paths.size() == shown) ? " and " : ", ";
        text += relative_path(paths[i], content_dir);
    }
    if (paths.size() > shown) text += " and " + std::to_string(paths.size() - shown) + " more files";
    return text;
}

// Runs `work` on a thread of its own and waits for it at most `limit`; false if it is
// still running then (the caller must then end the process rather than return).
bool finish_within(std::chrono::seconds limit, std::function<void()> work) {
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> finished = done->get_future();
    std::thread([work = std::move(work), done] {
        work();
        done->set_value();
    }).detach();
    return finished.wait_for(limit) == std::future_status::ready;
}

void print_problems(const std::vector<Diagnostic>& diagnostics, std::ostream& err) {
    for (const auto& d : diagnostics) err << format_diagnostic(d) << '\n';
    err << std::flush;
}

// Every rebuild, in one line: what changed, how long it took, and any problems after it.
void print_rebuild(const std::vector<fs::path>& changed, const RebuildResult& result, double since_change,
                   const fs::path& content_dir, std::ostream& out, std::ostream& err) {
    std::string what = describe_changes(changed, content_dir);
    if (result.ok) {
        print_problems(result.diagnostics, err);  // warnings
        out << clock_time() << " changed: " << what << " — rebuilt " << result.pages_rendered << " pages in "
            << seconds_text(result.seconds) << "; reload sent " << seconds_text(since_change) << " after the change\n"
            << std::flush;
        return;
    }
    size_t errors = 0;
    for (const auto& d : result.diagnostics) errors += d.severity == Severity::error;
    out << clock_time() << " changed: " << what << " — " << errors << (errors == 1 ? " error" : " errors")
        << "; still serving the last good site, with the errors shown on every page\n"
        << std::flush;
    print_problems(result.diagnostics, err);
}

// The content folder, and the visual themes: beside the content, and the ones techpages ships.
void watch_sources(FileWatcher& watcher, const fs::path& content_dir) {
    std::error_code ec;
    watcher.watch(content_dir);
    fs::path visual_themes_beside = fs::absolute(content_dir, ec).lexically_normal().parent_path() / "themes";
    watcher.watch(visual_themes_beside);
    if (fs::weakly_canonical(visual_themes_beside, ec) != fs::weakly_canonical(TECHPAGES_BUILTIN_THEMES_DIR, ec))
        watcher.watch(TECHPAGES_BUILTIN_THEMES_DIR);
}

}  // namespace

int serve_command(const ServeOptions& options, std::ostream& out, std::ostream& err) {
    // Ctrl-C and SIGTERM are taken by sigwait below; blocked before any thread starts,
    // so no worker is interrupted in the middle of a write.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    std::error_code ec;
    if (!fs::is_directory(options.content_dir, ec)) {
        err << options.content_dir.string() << ": error: there is no content folder here — run serve from the folder "
            << "that holds content/, or give --content DIR\n";
        return 1;
    }

    // Watching starts before the first build, so a save during it is not missed.
    std::optional<FileWatcher> watching;
    try {
        watching.emplace();
    } catch (const std::exception& e) {
        err << "techpages serve: " << e.what() << "\n";
        return 1;
    }
    FileWatcher& watcher = *watching;
    watch_sources(watcher, options.content_dir);

    PreviewServer server;
    int port = server.bind(options.bind, options.port);
    if (port < 0) {
        err << "techpages serve: cannot listen on " << options.bind << " port " << options.port
            << " — another program may be using the port (try --port 0 for any free port), or the address is not "
               "one of this machine's\n";
        return 1;
    }
    bool v6 = options.bind.find(':') != std::string::npos;
    std::string host = v6 ? "[" + options.bind + "]" : options.bind;
    std::string address = "http://" + host + ":" + std::to_string(port) + "/";

    BuildOptions build;
    build.content_dir = options.content_dir;
    build.visual_theme = options.visual_theme;
    build.include_drafts = options.include_drafts;
    build.threads = options.threads;
    build.base_url = address;  // links lead around the preview, not to the published site
    fs::path cache_dir = default_cache_dir(options.content_dir);
    fs::path work_dir = cache_dir / ("serve-" + std::to_string(::getpid()));
    // Marked, so the next serve knows it may remove the folder once this process is gone.
    std::error_code work_ec;
    fs::create_directories(work_dir, work_ec);
    mark_as_output(work_dir);
    // Only what a change affects is rebuilt, in place, in the folder being served.
    std::unique_ptr<Rebuilder> rebuilder = std::make_unique<IncrementalRebuilder>(build, work_dir);

    // Deleting a big site can take minutes on some disks: never make anyone wait for it.
    std::thread tidy_up([cache_dir] { remove_abandoned_staging(cache_dir, "serve-"); });
    std::atomic<bool> stopping{false};
    std::thread http([&] {
        server.run();
        if (!stopping) ::kill(::getpid(), SIGTERM);  // the server ended by itself: stop the rest too
    });
    // The rebuild loop says when it has finished, so Ctrl-C during a long rebuild need not wait for it.
    std::mutex finished_mutex;
    std::condition_variable finished_changed;
    bool rebuilds_finished = false;
    // The first build runs here too, so Ctrl-C works at once even while a big site builds;
    // until it is done the server answers "Building…".
    std::thread rebuilds([&] {
        RebuildResult first = rebuilder->rebuild({});
        print_problems(first.diagnostics, err);
        if (first.ok) {
            server.show_site(first.site_root);
            out << "Built " << first.pages_rendered << " pages in " << seconds_text(first.seconds) << "\n";
        } else {
            server.show_errors(first.diagnostics);
            out << "The site could not be built; the errors are shown in the browser too. Waiting for a fix.\n";
        }
        server.live_reload().notify_reload();  // a tab that was waiting on "Building…"
        out << "Serving " << address << " — watching " << options.content_dir.string()
            << " and the themes; every save rebuilds and reloads the browser. Ctrl-C stops.\n"
            << std::flush;
        while (true) {
            FileWatcher::Changes changes = watcher.wait_for_changes();
            if (changes.paths.empty()) break;
            RebuildResult result = rebuilder->rebuild(changes.paths);
            if (result.ok) {
                server.show_site(result.site_root);
            } else {
                server.show_errors(result.diagnostics);
            }
            // Printed first, so the terminal has the news by the time the browser asks for it.
            double since_save =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - changes.first_seen).count();
            print_rebuild(changes.paths, result, since_save, options.content_dir, out, err);
            server.live_reload().notify_reload();
        }
        std::lock_guard lock(finished_mutex);
        rebuilds_finished = true;
        finished_changed.notify_all();
    });

    int signal = 0;
    while (sigwait(&stop_signals, &signal) != 0) {
    }
    stopping = true;
    out << "Stopping.\n" << std::flush;
    watcher.stop();
    server.stop();
    http.join();
    {
        std::unique_lock lock(finished_mutex);
        if (!finished_changed.wait_for(lock, std::chrono::seconds(2), [&] { return rebuilds_finished; })) {
            // A big site's rebuild can take a while: stop now. Its half-written folder is
            // removed by the next serve (its process is gone by then).
            out << "Stopped during a rebuild; the next serve removes " << work_dir.string() << ".\n" << std::flush;
            std::_Exit(0);
        }
    }
    rebuilds.join();
    bool tidy = finish_within(std::chrono::seconds(3), [&] {
        rebuilder.reset();  // it may still be removing old builds inside the work folder
        std::error_code remove_ec;
        fs::remove_all(work_dir, remove_ec);
        tidy_up.join();
    });
    if (!tidy) {
        out << "Stopped; the next serve finishes removing " << work_dir.string() << ".\n" << std::flush;
        std::_Exit(0);
    }
    return 0;
}

}  // namespace techpages::serve
