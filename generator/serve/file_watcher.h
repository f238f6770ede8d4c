// Watches folders (and every folder inside them, including ones created later)
// with Linux inotify, and hands over the files that changed once the writes have
// settled: an editor's save is often several events (write, rename, chmod), and
// one save should give one rebuild. An editor's events come within a millisecond
// or two of each other, so 20 ms of quiet is enough, and short enough not to be felt.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace techpages::serve {

class FileWatcher {
public:
    // Throws std::runtime_error when inotify cannot be used.
    explicit FileWatcher(std::chrono::milliseconds settle = std::chrono::milliseconds(20));
    ~FileWatcher();
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    // Watches `folder` and everything below it; returns false if it cannot be watched.
    bool watch(const std::filesystem::path& folder);

    struct Changes {
        std::vector<std::filesystem::path> paths;  // sorted, no repeats; empty once stopped
        std::chrono::steady_clock::time_point first_seen;  // when the first of them was noticed
    };
    // Blocks until files changed and then stayed quiet for the settle time, and returns
    // them; returns no paths once stop() was called.
    Changes wait_for_changes();
    // Makes wait_for_changes() return; safe from any thread.
    void stop();

private:
    void add_tree(const std::filesystem::path& folder);
    // Reads the pending events; returns true if any named a file worth rebuilding for.
    bool read_events(std::set<std::filesystem::path>& changed);
    // Waits for an event or stop for at most `timeout` (-1: forever); true if events are ready.
    bool wait_readable(int timeout_ms);

    int inotify_fd_ = -1;
    int stop_fd_ = -1;  // eventfd written by stop()
    std::chrono::milliseconds settle_;
    std::map<int, std::filesystem::path> folders_;  // watch descriptor → folder
    std::map<uint32_t, std::filesystem::path> moved_from_;  // rename cookie → old name
    bool stopped_ = false;
};

}  // namespace techpages::serve
