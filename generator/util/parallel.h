// Runs independent jobs on all cores: loading files and rendering pages.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace techpages {

inline unsigned default_thread_count() {
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

// Calls fn(worker, index) for every index in [0, count). Workers take the next index as
// they finish, so uneven jobs still keep every core busy. `worker` is in [0, threads).
inline void parallel_for(size_t count, unsigned threads,
                         const std::function<void(unsigned worker, size_t index)>& fn) {
    threads = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(threads, count)));
    if (threads <= 1) {
        for (size_t i = 0; i < count; ++i) fn(0, i);
        return;
    }
    std::atomic<size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < threads; ++w) {
        pool.emplace_back([&, w] {
            for (size_t i; (i = next.fetch_add(1)) < count;) fn(w, i);
        });
    }
    for (auto& t : pool) t.join();
}

}  // namespace techpages
