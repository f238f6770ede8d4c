// Tells open browser tabs to reload after a rebuild, over Server-Sent Events.
// Only the preview server adds the script to pages; built sites never carry it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace techpages::serve {

class LiveReload {
public:
    static constexpr std::string_view stream_path = "/__techpages/live-reload";
    static constexpr std::string_view script_path = "/__techpages/live-reload.js";
    // Open streams at once (a tab each); more are refused with 503 and Retry-After this
    // long, which script() waits before it tries again.
    static constexpr int max_streams = 16;
    static constexpr int retry_after_seconds = 10;

    // Counts rebuilds; a page remembers the count it was served at.
    uint64_t generation() const;
    // After a rebuild (good or bad): every stream sends a reload event.
    void notify_reload();
    // Waits until the generation passes `seen`, for at most `timeout`. Returns the new
    // generation, or nullopt on timeout or once close() was called (see closed()).
    std::optional<uint64_t> wait_for_reload(uint64_t seen, std::chrono::milliseconds timeout);
    // Ends every stream, so the server can stop.
    void close();
    bool closed() const;

    // The text of one event sent on the stream.
    static std::string reload_event(uint64_t generation);
    // The browser side: listens to the stream and reloads the page.
    static std::string_view script();
    // `html` with the script added before </body> (or at the end), remembering `generation`.
    static std::string inject_script(std::string html, uint64_t generation);

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    uint64_t generation_ = 0;
    bool closed_ = false;
};

// Inserts `fragment` before the last </body>, or at the end when there is none.
std::string insert_before_body_end(std::string html, std::string_view fragment);

}  // namespace techpages::serve
