#include "serve/file_watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace techpages::serve {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t watched_events =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ONLYDIR;

// Editors' swap and backup files: changes to them are not changes to the content.
bool is_editor_scratch(const std::string& name) {
    return name.empty() || name[0] == '.' || name.back() == '~' || name == "4913" ||
           (name.size() > 4 && name.compare(name.size() - 4, 4, ".swp") == 0) ||
           (name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0);
}

}  // namespace

FileWatcher::FileWatcher(std::chrono::milliseconds settle) : settle_(settle) {
    inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    stop_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (inotify_fd_ < 0 || stop_fd_ < 0) {
        if (inotify_fd_ >= 0) ::close(inotify_fd_);
        if (stop_fd_ >= 0) ::close(stop_fd_);
        throw std::runtime_error("cannot watch files (inotify): " + std::string(std::strerror(errno)));
    }
}

FileWatcher::~FileWatcher() {
    ::close(inotify_fd_);
    ::close(stop_fd_);
}

bool FileWatcher::watch(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return false;
    add_tree(folder);
    return true;
}

void FileWatcher::add_tree(const fs::path& folder) {
    int wd = ::inotify_add_watch(inotify_fd_, folder.c_str(), watched_events);
    if (wd < 0) return;
    folders_[wd] = folder;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && !it->is_symlink(ec)) add_tree(it->path());
}

void FileWatcher::stop() {
    uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(stop_fd_, &one, sizeof one);
}

bool FileWatcher::wait_readable(int timeout_ms) {
    pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    while (true) {
        int n = ::poll(fds, 2, timeout_ms);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        if (fds[1].revents) {
            stopped_ = true;
            return false;
        }
        return fds[0].revents & POLLIN;
    }
}

bool FileWatcher::read_events(std::set<fs::path>& changed) {
    alignas(inotify_event) char buffer[16384];
    bool any = false;
    while (true) {
        ssize_t n = ::read(inotify_fd_, buffer, sizeof buffer);
        if (n <= 0) break;
        for (char* p = buffer; p < buffer + n;) {
            auto* event = reinterpret_cast<inotify_event*>(p);
            p += sizeof(inotify_event) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                // Too many changes to list (the queue has no watch of its own): say the watched folders changed.
                for (const auto& [wd, folder] : folders_) changed.insert(folder);
                any = any || !folders_.empty();
                continue;
            }
            auto folder = folders_.find(event->wd);
            if (event->mask & IN_IGNORED) {
                if (folder != folders_.end()) folders_.erase(folder);
                continue;
            }
            if (folder == folders_.end()) continue;
            if (event->len == 0) {  // about the folder itself (it was deleted)
                changed.insert(folder->second);
                any = true;
                continue;
            }
            std::string name(event->name);
            if (is_editor_scratch(name)) continue;
            fs::path path = folder->second / name;
            // A new folder (made, or moved in) is watched too, with what is already in it.
            if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path);
            // A file renamed over another (how editors and sed save) changed only under its new name.
            if (event->mask & IN_MOVED_FROM) moved_from_[event->cookie] = path;
            if (event->mask & IN_MOVED_TO) {
                if (auto from = moved_from_.find(event->cookie); from != moved_from_.end()) {
                    changed.erase(from->second);
                    moved_from_.erase(from);
                    changed.insert(path);
                    any = true;
                    continue;
                }
            }
            changed.insert(path);
            any = true;
        }
    }
    return any;
}

FileWatcher::Changes FileWatcher::wait_for_changes() {
    std::set<fs::path> changed;
    while (!stopped_) {
        if (!wait_readable(-1)) continue;
        auto first_seen = std::chrono::steady_clock::now();
        if (!read_events(changed)) continue;
        // Settle: keep collecting until nothing has happened for the settle time.
        while (!stopped_ && wait_readable(static_cast<int>(settle_.count()))) read_events(changed);
        if (stopped_) break;
        moved_from_.clear();
        return {{changed.begin(), changed.end()}, first_seen};
    }
    return {};
}

}  // namespace techpages::serve
