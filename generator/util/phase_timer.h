// Where a build spends its time: with TECHPAGES_TIMINGS=1 in the environment, each
// phase's milliseconds go to standard error (for profiling; nothing else reads them).
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace techpages {

class PhaseTimer {
public:
    PhaseTimer() : on_(std::getenv("TECHPAGES_TIMINGS") != nullptr), last_(std::chrono::steady_clock::now()) {}
    // The time since the previous mark (or the start), under `phase`.
    void mark(const char* phase) {
        if (!on_) return;
        auto now = std::chrono::steady_clock::now();
        std::fprintf(stderr, "  %-28s %8.1f ms\n", phase, std::chrono::duration<double, std::milli>(now - last_).count());
        last_ = now;
    }

private:
    bool on_;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace techpages
