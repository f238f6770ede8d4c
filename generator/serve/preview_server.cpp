#include "serve/preview_server.h"

#include <httplib.h>

#include <atomic>
#include <charconv>
#include <mutex>
#include <optional>

#include "serve/connection_pool.h"
#include "serve/error_overlay.h"
#include "serve/host_guard.h"
#include "serve/request_path.h"
#include "util/files.h"

namespace techpages::serve {

namespace fs = std::filesystem;

namespace {

// Bounds on what slow, idle or numerous connections may hold (docs/serve.md). A browser
// sends a request's head at once; a client that pauses longer than a second mid-request
// is dropped.
constexpr time_t read_timeout_seconds = 1;
constexpr time_t write_timeout_seconds = 5;
constexpr time_t keep_alive_seconds = 1;      // idle connections close soon, so stop() is quick
constexpr size_t keep_alive_requests = 100;
constexpr size_t max_workers = 256;           // connections answered at once; more wait their turn

}  // namespace

struct PreviewServer::Impl {
    httplib::Server http;
    LiveReload reload;
    std::optional<HostGuard> guard;
    std::string served_at;  // "http://127.0.0.1:8000/", for messages
    std::atomic<int> reload_streams{0};  // open now

    std::mutex mutex;
    fs::path root;                  // empty until the first good build
    std::vector<Diagnostic> errors;  // of the last build, when it failed

    void routes();
    void serve_file(const httplib::Request& req, httplib::Response& res);
    void serve_stream(const httplib::Request& req, httplib::Response& res);
};

PreviewServer::PreviewServer() : impl_(std::make_unique<Impl>()) {}
PreviewServer::~PreviewServer() = default;

LiveReload& PreviewServer::live_reload() { return impl_->reload; }

void PreviewServer::show_site(const fs::path& root) {
    std::lock_guard lock(impl_->mutex);
    impl_->root = root;
    impl_->errors.clear();
}

void PreviewServer::show_errors(std::vector<Diagnostic> errors) {
    std::lock_guard lock(impl_->mutex);
    impl_->errors = std::move(errors);
}

int PreviewServer::bind(const std::string& address, int port) {
    auto& http = impl_->http;
    // Each open tab holds a worker for its live-reload stream, each slow client one for
    // up to read_timeout_seconds a pause: workers are started as they are needed.
    http.new_task_queue = [] { return new ConnectionPool(max_workers); };
    http.set_keep_alive_timeout(keep_alive_seconds);
    http.set_keep_alive_max_count(keep_alive_requests);
    http.set_read_timeout(read_timeout_seconds);
    http.set_write_timeout(write_timeout_seconds);
    http.set_payload_max_length(64 * 1024);  // only GET and HEAD are answered
    int bound = port == 0 ? http.bind_to_any_port(address) : (http.bind_to_port(address, port) ? port : -1);
    if (bound <= 0) return -1;
    impl_->guard.emplace(address, bound);
    bool v6 = address.find(':') != std::string::npos;
    impl_->served_at = "http://" + (v6 ? "[" + address + "]" : address) + ":" + std::to_string(bound) + "/";
    impl_->routes();
    return bound;
}

void PreviewServer::run() { impl_->http.listen_after_bind(); }

void PreviewServer::stop() {
    impl_->reload.close();
    impl_->http.stop();
}

void PreviewServer::Impl::routes() {
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (guard->host_allowed(req.get_header_value("Host"))) return httplib::Server::HandlerResponse::Unhandled;
        res.status = 403;
        res.set_content("This preview server answers only to " + served_at + "\n", "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content("The preview server could not answer this request.\n", "text/plain; charset=utf-8");
    });
    http.Get(std::string(LiveReload::stream_path), [this](const httplib::Request& req, httplib::Response& res) {
        serve_stream(req, res);
    });
    http.Get(std::string(LiveReload::script_path), [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(std::string(LiveReload::script()), "text/javascript; charset=utf-8");
    });
    http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { serve_file(req, res); });
}

void PreviewServer::Impl::serve_stream(const httplib::Request& req, httplib::Response& res) {
    if (!guard->origin_allowed(req.get_header_value("Origin"))) {
        res.status = 403;
        res.set_content("Live reload is only for pages of " + served_at + "\n", "text/plain; charset=utf-8");
        return;
    }
    uint64_t since = reload.generation();
    if (req.has_param("since")) {
        std::string s = req.get_param_value("since");
        uint64_t page_generation = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), page_generation);
        if (ec == std::errc() && end == s.data() + s.size() && page_generation < since) since = page_generation;
    }
    res.set_header("Cache-Control", "no-store");
    if (++reload_streams > LiveReload::max_streams) {  // the script tries again after Retry-After
        --reload_streams;
        res.status = 503;
        res.set_header("Retry-After", std::to_string(LiveReload::retry_after_seconds));
        res.set_content("Too many pages are listening for reloads; this one will try again.\n", "text/plain; charset=utf-8");
        return;
    }
    auto provider = [this, since](size_t offset, httplib::DataSink& sink) mutable {
        if (offset == 0) {
            std::string hello = "retry: 500\n: techpages live reload\n\n";
            if (!sink.write(hello.data(), hello.size())) return false;
        }
        auto next = reload.wait_for_reload(since, std::chrono::seconds(15));
        if (reload.closed()) {
            sink.done();
            return true;
        }
        // A comment every 15 s finds out when the tab has gone, and frees its worker.
        std::string text = next ? LiveReload::reload_event(*next) : std::string(": still here\n\n");
        if (next) since = *next;
        return sink.write(text.data(), text.size());
    };
    res.set_chunked_content_provider("text/event-stream", std::move(provider), [this](bool) { --reload_streams; });
}

void PreviewServer::Impl::serve_file(const httplib::Request& req, httplib::Response& res) {
    fs::path site;
    std::vector<Diagnostic> shown_errors;
    {
        std::lock_guard lock(mutex);
        site = root;
        shown_errors = errors;
    }
    uint64_t generation = reload.generation();
    res.set_header("Cache-Control", "no-store");  // a preview is always fresh
    if (site.empty()) {
        res.status = 503;
        std::string page = shown_errors.empty() ? std::string("<!DOCTYPE html><title>Building…</title><p>Building…</p>")
                                                : error_page_html(shown_errors);
        res.set_content(LiveReload::inject_script(page, generation), "text/html; charset=utf-8");
        return;
    }
    ResolvedPath resolved = resolve_request_path(req.target, site);
    if (resolved.kind == ResolvedPath::Kind::add_slash) {
        res.set_redirect(resolved.location, 301);
        return;
    }
    fs::path file = resolved.file;
    if (resolved.kind == ResolvedPath::Kind::not_found) {
        res.status = 404;
        file = site / "404.html";
    }
    auto body = read_file(file);
    if (!body) {
        res.status = 404;
        res.set_content("Not found\n", "text/plain; charset=utf-8");
        return;
    }
    std::string type = content_type_for(file);
    if (type.rfind("text/html", 0) == 0) {
        if (!shown_errors.empty()) *body = inject_error_banner(std::move(*body), shown_errors);
        *body = LiveReload::inject_script(std::move(*body), generation);
    }
    res.set_content(std::move(*body), type);
}

}  // namespace techpages::serve
