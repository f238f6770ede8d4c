// The preview server's workers: a thread per connection being answered, started when
// every worker is busy, up to a limit. Each open tab's live-reload stream and each slow
// client holds one, so a fixed pool lets a few of them keep out the person at the keyboard.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace techpages::serve {

class ConnectionPool : public httplib::TaskQueue {
public:
    explicit ConnectionPool(size_t max_threads) : max_threads_(max_threads) {}
    ~ConnectionPool() override { shutdown(); }

    void enqueue(std::function<void()> fn) override;
    // Finishes the connections queued and being answered, then joins every thread.
    void shutdown() override;

private:
    void work();

    const size_t max_threads_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;
    size_t idle_ = 0;
    bool stopping_ = false;
};

}  // namespace techpages::serve
