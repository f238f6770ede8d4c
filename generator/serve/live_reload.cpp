#include "serve/live_reload.h"

#include "util/text.h"

namespace techpages::serve {

uint64_t LiveReload::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

void LiveReload::notify_reload() {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
    }
    changed_.notify_all();
}

std::optional<uint64_t> LiveReload::wait_for_reload(uint64_t seen, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return closed_ || generation_ > seen; });
    if (closed_ || generation_ <= seen) return std::nullopt;
    return generation_;
}

void LiveReload::close() {
    {
        std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

bool LiveReload::closed() const {
    std::lock_guard lock(mutex_);
    return closed_;
}

std::string LiveReload::reload_event(uint64_t generation) {
    return "event: reload\ndata: " + std::to_string(generation) + "\n\n";
}

std::string_view LiveReload::script() {
    // The stream starts from the generation the page was served at, so a rebuild that
    // finished while the page was loading still reloads it.
    // When the server refuses the stream (503: too many tabs listening), EventSource gives
    // up; the page opens it again after a while (retry_after_seconds; a test checks the
    // number below is the same).
    return R"JS((function () {
  var me = document.currentScript;
  var since = me ? me.getAttribute("data-generation") : "0";
  function listen() {
    var stream = new EventSource("/__techpages/live-reload?since=" + encodeURIComponent(since || "0"));
    stream.addEventListener("reload", function () { stream.close(); location.reload(); });
    stream.addEventListener("error", function () {
      if (stream.readyState === EventSource.CLOSED) setTimeout(listen, 10000 + Math.random() * 5000);
    });
  }
  listen();
})();
)JS";
}

std::string LiveReload::inject_script(std::string html, uint64_t generation) {
    std::string tag = "<script src=\"" + std::string(script_path) + "\" data-generation=\"" + std::to_string(generation) +
                      "\"></script>\n";
    return insert_before_body_end(std::move(html), tag);
}

std::string insert_before_body_end(std::string html, std::string_view fragment) {
    std::string lower = to_lower(html);
    size_t at = lower.rfind("</body>");
    if (at == std::string::npos) at = html.size();
    html.insert(at, fragment);
    return html;
}

}  // namespace techpages::serve
