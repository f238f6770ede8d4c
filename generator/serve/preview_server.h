// The HTTP side of serve (cpp-httplib): files of the last good build, the site's own
// 404.html, the live-reload stream, build errors shown on pages, and requests from
// foreign hosts and origins refused.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "serve/live_reload.h"
#include "util/diagnostics.h"

namespace techpages::serve {

class PreviewServer {
public:
    PreviewServer();
    ~PreviewServer();

    // Binds the listening socket (port 0: any free port). Returns the port, or -1.
    int bind(const std::string& address, int port);
    // Answers requests until stop(); call after bind().
    void run();
    // Ends the live-reload streams and stops answering; safe from any thread.
    void stop();

    // A good build: serve it, and clear any errors shown.
    void show_site(const std::filesystem::path& root);
    // A failed build: keep the last good site, and show these on every page.
    void show_errors(std::vector<Diagnostic> errors);
    LiveReload& live_reload();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace techpages::serve
