// A small HTTP server for tests, on 127.0.0.1 only (POSIX sockets, one thread per
// connection). A handler decides each answer, with an optional delay; the server counts
// requests per path and per "METHOD path", so a test can tell exactly what a link checker
// asked for. It stops when the test ends, or by itself after a minute at the most.
// Used by the unit tests of the external link checker and by the end-to-end
// `techpages check --external` tests.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace techpages::testing {

using namespace std::chrono_literals;

// What the server was asked.
struct Request {
    std::string method, path, user_agent;
    int count = 0;  // how many requests this path has had, this one included
};

// What it answers: after `delay`, the status, headers and body (no body for HEAD).
// A delay longer than the client waits is a server that never answers.
struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::chrono::milliseconds delay{0};
};

// Answers every request with the handler's Response, on 127.0.0.1 at a free port.
class TestServer {
public:
    using Clock = std::chrono::steady_clock;
    using Handler = std::function<Response(const Request&)>;

    explicit TestServer(Handler handler) : handler_(std::move(handler)) {
        listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 128) != 0)
            throw std::runtime_error("test server: cannot listen on 127.0.0.1");
        socklen_t len = sizeof addr;
        ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        accept_thread_ = std::thread([this] { accept_loop(); });
    }

    ~TestServer() {
        stop_ = true;
        accept_thread_.join();
        std::vector<std::thread> threads;
        {
            std::lock_guard lock(mutex_);
            threads.swap(connections_);
        }
        for (auto& t : threads) t.join();
        ::close(listen_fd_);
    }

    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    int port() const { return port_; }

    int count(const std::string& path) const {
        std::lock_guard lock(mutex_);
        auto it = counts_.find(path);
        return it == counts_.end() ? 0 : it->second;
    }
    int count(const std::string& method, const std::string& path) const { return count(method + " " + path); }
    int total() const {
        std::lock_guard lock(mutex_);
        return total_;
    }
    int max_in_flight() const { return max_in_flight_; }
    std::string last_user_agent() const {
        std::lock_guard lock(mutex_);
        return last_user_agent_;
    }

private:
    static constexpr auto kLifetime = 60s;  // stops by itself even if a test forgets to

    bool stopping() const { return stop_ || Clock::now() - started_ > kLifetime; }

    void accept_loop() {
        while (!stopping()) {
            pollfd p{listen_fd_, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            int fd = ::accept(listen_fd_, nullptr, nullptr);
            if (fd < 0) continue;
            std::lock_guard lock(mutex_);
            connections_.emplace_back([this, fd] {
                serve(fd);
                ::close(fd);
            });
        }
    }

    // Sleeps in small steps so a stopping server never waits for a slow reply.
    bool sleep_for(std::chrono::milliseconds delay) {
        auto until = Clock::now() + delay;
        while (Clock::now() < until) {
            if (stopping()) return false;
            std::this_thread::sleep_for(5ms);
        }
        return true;
    }

    void serve(int fd) {
        std::string buffer;
        while (!stopping()) {
            size_t end = buffer.find("\r\n\r\n");
            if (end == std::string::npos) {
                pollfd p{fd, POLLIN, 0};
                int ready = ::poll(&p, 1, 20);
                if (ready == 0) continue;
                char chunk[4096];
                ssize_t n = ready > 0 ? ::recv(fd, chunk, sizeof chunk, 0) : -1;
                if (n <= 0) return;
                buffer.append(chunk, static_cast<size_t>(n));
                continue;
            }
            std::string head = buffer.substr(0, end);
            buffer.erase(0, end + 4);
            Request request;
            size_t sp1 = head.find(' '), sp2 = head.find(' ', sp1 + 1);
            request.method = head.substr(0, sp1);
            request.path = head.substr(sp1 + 1, sp2 - sp1 - 1);
            if (auto ua = head.find("\r\nUser-Agent: "); ua != std::string::npos) {
                size_t start = ua + 14;
                request.user_agent = head.substr(start, head.find("\r\n", start) - start);
            }
            {
                std::lock_guard lock(mutex_);
                ++total_;
                request.count = ++counts_[request.path];
                ++counts_[request.method + " " + request.path];
                last_user_agent_ = request.user_agent;
            }
            int now_in_flight = ++in_flight_;
            for (int seen = max_in_flight_;
                 now_in_flight > seen && !max_in_flight_.compare_exchange_weak(seen, now_in_flight);) {
            }
            Response response = handler_(request);
            bool ok = sleep_for(response.delay);
            --in_flight_;
            if (!ok) return;
            std::string out = "HTTP/1.1 " + std::to_string(response.status) + " Test\r\n";
            for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
            out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n\r\n";
            if (request.method != "HEAD") out += response.body;
            for (size_t sent = 0; sent < out.size();) {
                ssize_t n = ::send(fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
                if (n <= 0) return;
                sent += static_cast<size_t>(n);
            }
        }
    }

    Handler handler_;
    int listen_fd_ = -1;
    int port_ = 0;
    Clock::time_point started_ = Clock::now();
    std::atomic<bool> stop_{false};
    std::atomic<int> in_flight_{0}, max_in_flight_{0};
    std::thread accept_thread_;
    mutable std::mutex mutex_;
    std::vector<std::thread> connections_;
    std::map<std::string, int> counts_;
    int total_ = 0;
    std::string last_user_agent_;
};

inline Response redirect(int status, const std::string& location) { return {status, {{"Location", location}}, "", 0ms}; }

inline std::string http_date(std::time_t t) {
    char buffer[64];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buffer;
}

// A loopback port that refuses connections: bound (so nobody else takes it) but not listening.
class RefusingPort {
public:
    RefusingPort() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
    }
    ~RefusingPort() { ::close(fd_); }
    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace techpages::testing
