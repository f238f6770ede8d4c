// Where a build spends its time: with TECHPAGES_TIMINGS=1 in the environment, each
// phase's milliseconds go to standard error (for profiling; nothing else reads them);
// with TECHPAGES_TIMINGS=pages, each page rendered too.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace techpages {

class PhaseTimer {
public:
    PhaseTimer() : last_(std::chrono::steady_clock::now()) {
        const char* setting = std::getenv("TECHPAGES_TIMINGS");
        on_ = setting != nullptr;
        pages_ = on_ && std::string_view(setting) == "pages";
    }
    bool each_page() const { return pages_; }
    // The time since the previous mark (or the start), under `phase`.
    void mark(const char* phase) {
        if (!on_) return;
        auto now = std::chrono::steady_clock::now();
        std::fprintf(stderr, "  %-28s %8.1f ms\n", phase, std::chrono::duration<double, std::milli>(now - last_).count());
        last_ = now;
    }

private:
    bool on_ = false, pages_ = false;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace techpages
