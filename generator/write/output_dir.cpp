#include "write/output_dir.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>

namespace techpages {

namespace fs = std::filesystem;

namespace {

fs::path absolute_normal(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return abs.lexically_normal();
}

bool is_within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;  // trailing slash
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

}  // namespace

bool output_dir_is_safe(const fs::path& out, const fs::path& content, Diagnostics& diagnostics) {
    fs::path o = absolute_normal(out), c = absolute_normal(content);
    std::string shown = out.string();
    if (o == o.root_path()) {
        diagnostics.error(shown, {}, "the output folder cannot be the root of the file system", "use --out site");
        return false;
    }
    if (is_within(o, c)) {
        diagnostics.error(shown, {}, "the output folder is inside the content folder, so a build would overwrite content",
                          "choose a folder outside " + content.string() + ", e.g. --out site");
        return false;
    }
    if (is_within(c, o)) {
        diagnostics.error(shown, {}, "the output folder contains the content folder, so a build would delete it",
                          "choose a separate folder, e.g. --out site");
        return false;
    }
    return true;
}

StagedOutput::StagedOutput(fs::path out_dir) : out_(std::move(out_dir)) {
    fs::path parent = out_.has_parent_path() ? out_.parent_path() : fs::path(".");
    // Beside the output, on the same file system, so the final rename is atomic.
    staging_ = parent / ("." + out_.filename().string() + ".staging-" + std::to_string(::getpid()));
}

StagedOutput::~StagedOutput() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

// Staging folders left by builds (and previews) that were killed: their process no longer exists.
void remove_abandoned_staging(const fs::path& parent, const std::string& prefix) {
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        std::string rest = name.substr(prefix.size());
        pid_t pid = static_cast<pid_t>(std::atol(rest.c_str()));
        if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) {
            std::error_code remove_ec;
            fs::remove_all(it->path(), remove_ec);
        }
    }
}

namespace {

fs::path parent_of(const fs::path& out) { return out.has_parent_path() ? out.parent_path() : fs::path("."); }

}  // namespace

void remove_abandoned_staging(const fs::path& out_dir) {
    remove_abandoned_staging(parent_of(out_dir), "." + out_dir.filename().string() + ".staging-");
    remove_abandoned_staging(parent_of(out_dir), "." + out_dir.filename().string() + ".old-");
}

bool StagedOutput::begin(Diagnostics& diagnostics) {
    std::error_code ec;
    remove_abandoned_staging(out_);
    fs::remove_all(staging_, ec);
    if (out_.has_parent_path()) fs::create_directories(out_.parent_path(), ec);
    if (!fs::create_directories(staging_, ec) || ec) {
        diagnostics.error(staging_.string(), {}, "cannot create the build folder (" + ec.message() + ")",
                          "check that the folder containing the output is writable");
        return false;
    }
    return true;
}

namespace {

// Deleting the previous site (tens of thousands of files and folders) can take longer
// than an incremental build itself: a detached `rm -rf` does it after techpages returns.
// If it cannot be started, it is done here; if it is killed, the next build finishes it.
void remove_in_background(const fs::path& dir) {
    // sh puts rm in the background and exits at once, so no child is left to wait for.
    const char* argv[] = {"sh", "-c", "rm -rf -- \"$1\" </dev/null >/dev/null 2>&1 &", "sh", dir.c_str(), nullptr};
    pid_t pid;
    if (::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv), environ) == 0) {
        int status;
        ::waitpid(pid, &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
}

}  // namespace

bool StagedOutput::commit(Diagnostics& diagnostics) {
    std::error_code ec;
    // Not named "staging": it is a finished site on its way out.
    static std::atomic<int> commits{0};
    fs::path old = parent_of(out_) / ("." + out_.filename().string() + ".old-" + std::to_string(::getpid()) + "-" +
                                      std::to_string(commits++));
    fs::remove_all(old, ec);
    bool had_output = fs::exists(out_, ec);
    if (had_output) {
        fs::rename(out_, old, ec);
        if (ec) {
            diagnostics.error(out_.string(), {}, "cannot replace the output folder (" + ec.message() + ")",
                              "check that it is not open in another program and is writable");
            return false;
        }
    }
    fs::rename(staging_, out_, ec);
    if (ec) {
        if (had_output) fs::rename(old, out_, ec);  // put the previous site back
        diagnostics.error(out_.string(), {}, "cannot move the new site into place", "check the folder's permissions");
        return false;
    }
    committed_ = true;
    if (had_output) remove_in_background(old);
    return true;
}

}  // namespace techpages
