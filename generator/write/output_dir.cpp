#include "write/output_dir.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <string_view>

#include "util/files.h"

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

namespace {

// The marker's first line says what it is; the rest is for whoever opens the folder.
constexpr std::string_view marker_heading = "techpages site\n";
constexpr std::string_view marker_text =
    "techpages site\n"
    "This folder was built by techpages. The next build into it replaces the whole folder,\n"
    "so keep nothing else here. techpages replaces only a folder holding this file.\n";

// How many files (and folders) `dir` holds, counting no further than `cap`; links are not followed.
size_t count_files(const fs::path& dir, size_t cap) {
    size_t count = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end && count < cap; it.increment(ec))
        if (!it->is_directory(ec)) ++count;
    return count;
}

// What a site built before folders were marked has: the refusal then says how to go on.
bool looks_like_earlier_site(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "index.html", ec) && fs::is_regular_file(dir / "sitemap.xml", ec) &&
           fs::exists(dir / ".nojekyll", ec);
}

// "3 files that techpages did not make, e.g. 'notes.txt'": counted up to 1,000, so a home
// folder is not read through.
std::string what_it_holds(const fs::path& dir) {
    constexpr size_t cap = 1000;
    size_t files = count_files(dir, cap + 1);
    std::string example;
    std::error_code ec;
    for (const auto& e : sorted_entries(dir)) {
        example = e.path().filename().string() + (e.is_directory(ec) && !e.is_symlink(ec) ? "/" : "");
        break;
    }
    std::string how_many = files > cap ? "more than " + std::to_string(cap) + " files"
                           : files == 0 ? "folders"
                           : files == 1 ? "1 file"
                                        : std::to_string(files) + " files";
    return how_many + " that techpages did not make, e.g. '" + example + "'";
}

// An existing --out that is not a folder techpages made (and may not be replaced).
bool refuse_existing(const fs::path& out, bool force, Diagnostics& diagnostics) {
    std::error_code ec;
    fs::file_status status = fs::symlink_status(out, ec);
    std::string shown = out.string();
    if (ec || status.type() == fs::file_type::not_found) return true;
    if (fs::is_symlink(status)) {
        fs::path target = fs::read_symlink(out, ec);
        diagnostics.error(shown, {}, "the output folder '" + shown + "' is a symbolic link (to '" + target.string() +
                                         "'): a build replaces the output folder as a whole, so it would replace the link",
                          "give the folder itself, e.g. --out '" + fs::weakly_canonical(out, ec).string() + "'");
        return false;
    }
    if (!fs::is_directory(status)) {
        diagnostics.error(shown, {}, "'" + shown + "' is a file, not a folder; techpages never replaces a file with the site",
                          "choose a folder that does not exist yet, e.g. --out site");
        return false;
    }
    if (force || is_marked_output(out) || fs::is_empty(out, ec)) return true;
    if (looks_like_earlier_site(out)) {
        diagnostics.error(shown, {}, "the folder '" + shown + "' looks like a site an earlier techpages built, but it has no " +
                                         output_marker + " file saying techpages made it, so it is not replaced",
                          "if it is that site, build once with --force (the new site is marked, and later builds replace "
                          "it without asking); if not, choose another folder");
        return false;
    }
    diagnostics.error(shown, {}, "the folder '" + shown + "' holds " + what_it_holds(out) +
                                     ", and a build replaces the whole output folder",
                      "choose another folder (one that does not exist yet, or is empty), or add --force to replace it "
                      "and everything in it");
    return false;
}

}  // namespace

bool mark_as_output(const fs::path& dir) { return replace_file(dir / output_marker, marker_text); }

bool is_marked_output(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(dir, ec)) || !fs::is_regular_file(fs::symlink_status(dir / output_marker, ec)))
        return false;
    std::ifstream in(dir / output_marker, std::ios::binary);
    std::string heading(marker_heading.size(), '\0');
    in.read(heading.data(), static_cast<std::streamsize>(heading.size()));
    return in && heading == marker_heading;
}

bool output_dir_is_safe(const fs::path& out, const fs::path& content, bool force, Diagnostics& diagnostics) {
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
    // "site/" would name what a link leads to, not the link
    return refuse_existing(out.has_filename() || !out.has_parent_path() ? out : out.parent_path(), force, diagnostics);
}

StagedOutput::StagedOutput(fs::path out_dir) : out_(std::move(out_dir)) {
    if (!out_.has_filename() && out_.has_parent_path()) out_ = out_.parent_path();  // --out site/
    fs::path parent = out_.has_parent_path() ? out_.parent_path() : fs::path(".");
    // Beside the output, on the same file system, so the final rename is atomic.
    staging_ = parent / ("." + out_.filename().string() + ".staging-" + std::to_string(::getpid()));
}

StagedOutput::~StagedOutput() {
    if (made_staging_ && !committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

namespace {

// Only what techpages made: a marked folder, or an empty one (a build killed before marking it).
// Anything else of that name (a file, a link, someone's folder) stays as it is.
void remove_if_made_here(const fs::path& dir) {
    std::error_code ec;
    if (is_marked_output(dir)) fs::remove_all(dir, ec);
    else if (fs::is_directory(fs::symlink_status(dir, ec))) ::rmdir(dir.c_str());
}

fs::path parent_of(const fs::path& out) { return out.has_parent_path() ? out.parent_path() : fs::path("."); }

}  // namespace

// Staging folders left by builds (and previews) that were killed: their process no longer exists.
void remove_abandoned_staging(const fs::path& parent, const std::string& prefix) {
    std::error_code ec;
    for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        std::string rest = name.substr(prefix.size());
        pid_t pid = static_cast<pid_t>(std::atol(rest.c_str()));
        if (pid <= 0 || std::to_string(pid) != rest.substr(0, rest.find('-')) || ::kill(pid, 0) == 0 || errno != ESRCH)
            continue;
        remove_if_made_here(it->path());
    }
}

void remove_abandoned_staging(const fs::path& out_dir) {
    remove_abandoned_staging(parent_of(out_dir), "." + out_dir.filename().string() + ".staging-");
    remove_abandoned_staging(parent_of(out_dir), "." + out_dir.filename().string() + ".old-");
}

bool StagedOutput::begin(Diagnostics& diagnostics) {
    std::error_code ec;
    remove_abandoned_staging(out_);
    remove_if_made_here(staging_);
    if (out_.has_parent_path()) fs::create_directories(out_.parent_path(), ec);
    // A folder of that name that techpages did not make is still there: not ours to fill or delete.
    made_staging_ = fs::create_directories(staging_, ec) && !ec;
    if (!made_staging_ || !mark_as_output(staging_)) {
        diagnostics.error(staging_.string(), {}, "cannot create the build folder (" + (ec ? ec.message() : std::string(std::strerror(errno))) + ")",
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
    remove_if_made_here(old);
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
