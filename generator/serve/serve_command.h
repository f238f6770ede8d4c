// techpages serve: build, serve on loopback, rebuild on every save, reload the browser.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace techpages::serve {

struct ServeOptions {
    std::filesystem::path content_dir = "content";
    std::string bind = "127.0.0.1";  // loopback unless --bind says otherwise
    int port = 8000;                 // 0: any free port (the address is printed)
    std::string visual_theme;  // empty: the site's configured visual theme
    bool include_drafts = false;
    unsigned threads = 0;
};

// Runs until SIGINT or SIGTERM (Ctrl-C), then stops cleanly and returns 0.
// Returns 1 when the server cannot start (the port is taken, the address is not this machine's).
int serve_command(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace techpages::serve
