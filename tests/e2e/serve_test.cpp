// techpages serve as a user meets it: the real binary on a copy of the sample content,
// talked to over real sockets. Saves show up, browsers are told to reload, a broken
// save keeps the last good page with the error on it, and nothing outside the site,
// no foreign Host and no malformed request gets anything but a refusal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fcntl.h>
#include <functional>
#include <regex>
#include <thread>

#include "test_support.h"

using namespace techpages::testing;
using Clock = std::chrono::steady_clock;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

const fs::path source_dir = TECHPAGES_SOURCE_DIR;
const std::string binary = TECHPAGES_BINARY;
const std::string profile_page = "/institutions/lstm/profiles/tomasz-nowak/";
const std::string profile_file = "institutions/lstm/profiles/tomasz-nowak.md";

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A connection to the server; reads with a deadline so a hung server fails the test.
class Connection {
public:
    explicit Connection(int port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    }
    ~Connection() { ::close(fd_); }
    bool connected() const { return connected_; }
    void send(const std::string& bytes) {
        [[maybe_unused]] auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    }
    // Reads until `until` appears, the server closes, or the deadline passes.
    std::string read(double timeout_seconds, const std::string& until = "") {
        auto start = Clock::now();
        while (seconds_since(start) < timeout_seconds) {
            if (!until.empty() && received_.find(until) != std::string::npos) break;
            pollfd p{fd_, POLLIN, 0};
            int left = static_cast<int>((timeout_seconds - seconds_since(start)) * 1000) + 1;
            if (::poll(&p, 1, left) <= 0) break;
            char buffer[8192];
            ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            received_.append(buffer, static_cast<size_t>(n));
        }
        return received_;
    }

private:
    int fd_ = -1;
    bool connected_ = false;
    std::string received_;
};

struct Response {
    int status = 0;
    std::string head;
    std::string body;
};

Response parse_response(const std::string& raw) {
    Response r;
    size_t end = raw.find("\r\n\r\n");
    r.head = raw.substr(0, end);
    r.body = end == std::string::npos ? "" : raw.substr(end + 4);
    if (raw.rfind("HTTP/1.1 ", 0) == 0) r.status = std::atoi(raw.c_str() + 9);
    return r;
}

// Sends `target` as it is, byte for byte (no client tidies the path first).
Response get(int port, const std::string& target, const std::string& extra_headers = "",
             const std::string& host = "") {
    Connection c(port);
    c.send("GET " + target + " HTTP/1.1\r\nHost: " + (host.empty() ? "127.0.0.1:" + std::to_string(port) : host) +
           "\r\n" + extra_headers + "Connection: close\r\n\r\n");
    return parse_response(c.read(10));
}

// `techpages serve --port 0` on a copy of the sample content, stopped when the test ends.
class ServeProcess {
public:
    TempDir dir;
    fs::path content = dir / "content";
    fs::path out_file = dir / "serve.out";
    fs::path err_file = dir / "serve.err";
    pid_t pid = -1;
    int port = 0;

    // `prepare` may change the copied content before serve starts.
    explicit ServeProcess(const std::function<void(const fs::path&)>& prepare = {}) {
        copy_tree(source_dir / "content", content);
        if (prepare) prepare(content);
        pid = ::fork();
        if (pid == 0) {
            int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(out, 1);
            ::dup2(err, 2);
            ::execl(binary.c_str(), binary.c_str(), "serve", "--content", content.c_str(), "--port", "0",
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // The first build takes a moment; the address is printed when it is ready.
        std::regex serving("Serving http://127\\.0\\.0\\.1:([0-9]+)/");
        auto start = Clock::now();
        while (seconds_since(start) < 60 && running()) {
            std::smatch m;
            std::string text = output();
            if (std::regex_search(text, m, serving)) {
                port = std::stoi(m[1]);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ~ServeProcess() {
        if (pid > 0 && running()) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
    std::string output() const { return read_text(out_file); }
    std::string errors() const { return read_text(err_file); }
    bool running() {
        if (exited_) return false;
        int status;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            exited_ = true;
            exit_status_ = status;
            return false;
        }
        return true;
    }
    // Sends `signal` and waits for the process to end; returns its wait status, or -1.
    int stop_with(int signal, double timeout_seconds) {
        ::kill(pid, signal);
        auto start = Clock::now();
        while (running() && seconds_since(start) < timeout_seconds)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return exited_ ? exit_status_ : -1;
    }
    // Saves a file the way an editor does: a new file renamed over the old one.
    void save(const std::string& rel, const std::string& text) {
        fs::path file = content / rel;
        std::string temp_name = ".";
        temp_name += file.filename().string();
        temp_name += ".tmp";
        fs::path temp = file.parent_path() / temp_name;
        write_text(temp, text);
        fs::rename(temp, file);
    }
    // Fetches `target` until its body contains `text`; returns the seconds it took, or -1.
    double wait_for_text(const std::string& target, const std::string& text, double timeout_seconds) {
        auto start = Clock::now();
        while (seconds_since(start) < timeout_seconds) {
            if (get(port, target).body.find(text) != std::string::npos) return seconds_since(start);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return -1;
    }

private:
    bool exited_ = false;
    int exit_status_ = 0;
};

// The live-reload stream, opened the way the injected script opens it.
class ReloadStream {
public:
    explicit ReloadStream(int port) : connection_(port) {
        connection_.send("GET /__techpages/live-reload HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                         "\r\nAccept: text/event-stream\r\nOrigin: http://127.0.0.1:" + std::to_string(port) + "\r\n\r\n");
        opened_ = connection_.read(10, "techpages live reload");
    }
    const std::string& opening() const { return opened_; }
    // Waits for the n-th reload event since the stream opened; returns the seconds it took, or -1.
    double wait_for_reload(size_t n, double timeout_seconds) {
        auto start = Clock::now();
        while (seconds_since(start) < timeout_seconds) {
            if (count_of(connection_.read(0.01), "event: reload\n") >= n) return seconds_since(start);
        }
        return -1;
    }

private:
    Connection connection_;
    std::string opened_;
};

}  // namespace

TEST(Serve, SavesShowWithinASecondBrokenSavesKeepTheLastGoodPageAndCtrlCStopsCleanly) {
    ServeProcess serve;
    ASSERT_GT(serve.port, 0) << serve.output() << serve.errors();

    Response page = get(serve.port, profile_page);
    ASSERT_EQ(page.status, 200) << page.head;
    EXPECT_THAT(long_text(page.head), HasSubstr("Content-Type: text/html; charset=utf-8")) << page.head;
    EXPECT_THAT(long_text(page.body), HasSubstr("Tomasz Nowak"));
    EXPECT_THAT(long_text(page.body), HasSubstr("<script src=\"/__techpages/live-reload.js\""))
        << "serve adds the live-reload script to pages";
    EXPECT_THAT(long_text(read_text(fs::path(source_dir / "content" / profile_file))), Not(HasSubstr("live-reload")));

    ReloadStream stream(serve.port);
    ASSERT_THAT(long_text(stream.opening()), HasSubstr("Content-Type: text/event-stream")) << stream.opening();

    // 1. An edit is served within a second, and open pages are told to reload. On a shared,
    // busy machine one rebuild can be slowed by others' work, so the best of three saves counts.
    std::string original = read_text(serve.content / profile_file);
    std::string edited;
    double best = 1e9;
    int reloads = 0;
    for (int attempt = 1; attempt <= 3 && best >= 1.0; ++attempt) {
        reloads = attempt;
        edited = original;
        std::string words = "Tomasz, edited just now (" + std::to_string(attempt) + "), is the technician";
        edited.replace(edited.find("Tomasz is the technician"), 24, words);
        auto saved = Clock::now();
        serve.save(profile_file, edited);
        double reload_after = stream.wait_for_reload(attempt, 10);
        double shown_after = serve.wait_for_text(profile_page, words, 10);
        double since_save = seconds_since(saved);
        ASSERT_GE(reload_after, 0) << "a reload event after the save";
        ASSERT_GE(shown_after, 0) << serve.output() << serve.errors();
        best = std::min(best, since_save);
        std::printf("[ serve    ] save to reload event %.3f s, save to new text served %.3f s\n", reload_after,
                    since_save);
    }
    EXPECT_LT(best, 1.0) << "the new text is served within a second of the save";
    EXPECT_THAT(long_text(serve.output()), HasSubstr("changed: " + profile_file + " — rebuilt "))
        << "serve prints what changed and how long it took:\n"
        << serve.output();

    // 2. A broken save: the last good page is still served, with the located error on it.
    std::string broken = edited;
    broken.replace(broken.find("name = \"Tomasz Nowak\""), 21, "name = \"Tomasz Nowak");
    serve.save(profile_file, broken);
    ASSERT_GE(stream.wait_for_reload(reloads + 1, 10), 0) << "browsers reload to show the error";
    Response kept = get(serve.port, profile_page);
    EXPECT_EQ(kept.status, 200);
    EXPECT_THAT(long_text(kept.body), HasSubstr("edited just now")) << "the last good page";
    EXPECT_THAT(long_text(kept.body), HasSubstr("techpages-build-errors"));
    EXPECT_THAT(long_text(kept.body), HasSubstr(profile_file + ":2:")) << kept.body.substr(0, 3000);
    EXPECT_THAT(long_text(serve.errors()), HasSubstr(profile_file + ":2:")) << "and in the terminal";
    EXPECT_THAT(long_text(serve.output()), HasSubstr("still serving the last good site"));
    EXPECT_TRUE(serve.running());

    // 3. Fixed again: the error goes away.
    serve.save(profile_file, original);
    ASSERT_GE(stream.wait_for_reload(reloads + 2, 10), 0);
    Response fixed = get(serve.port, profile_page);
    EXPECT_THAT(long_text(fixed.body), Not(HasSubstr("techpages-build-errors")));
    EXPECT_THAT(long_text(fixed.body), Not(HasSubstr("edited just now")));

    // 4. A file made by `techpages new` shows in the preview at once.
    RunResult made = run(binary + " new profile ada-lovelace --institution lstm --content " + quote(serve.content));
    ASSERT_EQ(made.status, 0) << made.output;
    EXPECT_GE(serve.wait_for_text("/institutions/lstm/profiles/ada-lovelace/", "Ada Lovelace", 10), 0)
        << serve.output() << serve.errors();

    // 5. Ctrl-C stops it cleanly: status 0, its working folder gone.
    fs::path work_dir = serve.dir / ".techpages-cache" / ("serve-" + std::to_string(serve.pid));
    EXPECT_TRUE(fs::is_directory(work_dir));
    int status = serve.stop_with(SIGINT, 15);
    ASSERT_NE(status, -1) << "serve did not stop after SIGINT";
    EXPECT_TRUE(WIFEXITED(status)) << "ended by the signal rather than stopping";
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_FALSE(fs::exists(work_dir));
}

TEST(Serve, ContentBrokenFromTheStartShowsItsErrorsUntilFixed) {
    std::string good;
    ServeProcess serve([&](const fs::path& content) {
        good = read_text(content / profile_file);
        std::string broken = good;
        broken.replace(broken.find("role = "), 7, "role = [");
        write_text(content / profile_file, broken);
    });
    ASSERT_GT(serve.port, 0) << serve.output() << serve.errors();
    EXPECT_THAT(long_text(serve.output()), HasSubstr("could not be built")) << serve.output();
    Response page = get(serve.port, profile_page);
    EXPECT_EQ(page.status, 503) << "no good build yet";
    EXPECT_THAT(long_text(page.body), HasSubstr(profile_file + ":4:1: error: this is not valid TOML")) << page.body;
    EXPECT_THAT(long_text(page.body), HasSubstr("live-reload.js")) << "it reloads itself once fixed";

    ReloadStream stream(serve.port);
    serve.save(profile_file, good);
    EXPECT_GE(stream.wait_for_reload(1, 10), 0);
    Response fixed = get(serve.port, profile_page);
    EXPECT_EQ(fixed.status, 200);
    EXPECT_THAT(long_text(fixed.body), Not(HasSubstr("techpages-build-errors")));
}

// One server for the refusals: none of them may disturb it.
class ServeRefuses : public ::testing::Test {
protected:
    static void SetUpTestSuite() { serve = new ServeProcess(); }
    static void TearDownTestSuite() {
        delete serve;
        serve = nullptr;
    }
    void SetUp() override { ASSERT_GT(serve->port, 0) << serve->output() << serve->errors(); }
    void TearDown() override {
        EXPECT_TRUE(serve->running()) << "the server survived";
        EXPECT_EQ(get(serve->port, "/").status, 200) << "and still answers";
    }
    static ServeProcess* serve;
};
ServeProcess* ServeRefuses::serve = nullptr;

TEST_F(ServeRefuses, PathTraversalRawAndEncoded) {
    // The served folder is .techpages-cache/serve-<pid>/a beside the content: three
    // levels up is the temporary folder holding content/site.toml.
    for (const std::string target :
         {"/../../../content/site.toml", "/%2e%2e/%2e%2e/%2e%2e/content/site.toml", "/%2E%2E/%2E%2E/%2E%2E/content/site.toml",
          "/..%2f..%2f..%2fcontent%2fsite.toml", "/.%2e/.%2e/.%2e/content/site.toml", "/..%5c..%5c..%5ccontent%5csite.toml",
          "/assets/../../../../content/site.toml", "/../../../../../../../../etc/passwd",
          "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2fetc%2fpasswd", "//etc/passwd",
          "/etc/passwd", "/index.html%00.txt"}) {
        Response r = get(serve->port, target);
        EXPECT_EQ(r.status, 404) << target;
        EXPECT_THAT(long_text(r.body), Not(HasSubstr("base_url"))) << target;
        EXPECT_THAT(long_text(r.body), Not(HasSubstr("root:"))) << target;
    }
    Response absolute_form = get(serve->port, "http://127.0.0.1:" + std::to_string(serve->port) + "/../../../content/site.toml");
    EXPECT_THAT(long_text(absolute_form.body), Not(HasSubstr("base_url")));
    EXPECT_THAT(long_text(get(serve->port, "/nowhere/").body), HasSubstr("<html")) << "the site's own 404 page";
}

TEST_F(ServeRefuses, ListensOnLoopbackOnly) {
    // /proc/net/tcp lists listening sockets (state 0A) as ADDRESS:PORT in hex.
    char port_hex[8];
    std::snprintf(port_hex, sizeof port_hex, "%04X", serve->port);
    std::string listening;
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        std::istringstream lines(read_text(table));
        std::string line;
        while (std::getline(lines, line)) {
            std::istringstream fields(line);
            std::string slot, local, remote, state;
            fields >> slot >> local >> remote >> state;
            if (state == "0A" && local.size() > 5 && local.substr(local.size() - 4) == port_hex)
                listening += local + " ";
        }
    }
    EXPECT_EQ(listening, "0100007F:" + std::string(port_hex) + " ") << "only 127.0.0.1";
}

TEST_F(ServeRefuses, ForeignHostsForDnsRebinding) {
    std::string port = std::to_string(serve->port);
    for (const std::string& host : std::vector<std::string>{"evil.example:" + port, "127.0.0.1.evil.example:" + port, "localhost.evil:" + port,
                                   "127.0.0.1:1", "127.0.0.1", ""}) {
        Response r = get(serve->port, "/", "", host.empty() ? " " : host);
        EXPECT_EQ(r.status, 403) << "Host: " << host;
        EXPECT_THAT(long_text(r.body), Not(HasSubstr("Technician")));
    }
    Connection no_host(serve->port);
    no_host.send("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    EXPECT_NE(parse_response(no_host.read(10)).status, 200) << "no Host at all";
    EXPECT_EQ(get(serve->port, "/", "", "localhost:" + port).status, 200);
}

TEST_F(ServeRefuses, LiveReloadFromAForeignOrigin) {
    std::string port = std::to_string(serve->port);
    EXPECT_EQ(get(serve->port, "/__techpages/live-reload", "Origin: http://evil.example\r\n").status, 403);
    EXPECT_EQ(get(serve->port, "/__techpages/live-reload", "Origin: null\r\n").status, 403);
    EXPECT_EQ(get(serve->port, "/__techpages/live-reload", "Origin: http://127.0.0.1:" + port + ".evil\r\n").status, 403);
    ReloadStream own(serve->port);
    EXPECT_THAT(long_text(own.opening()), HasSubstr("HTTP/1.1 200")) << own.opening();
}

TEST_F(ServeRefuses, MalformedRequestsAndSurvives) {
    std::string port = std::to_string(serve->port);
    std::vector<std::string> garbage = {
        std::string("\x00\x01\x02\xff\r\n\r\n", 8),
        "GET\r\n\r\n",
        "GET / HTTP/9.9\r\nHost: 127.0.0.1:" + port + "\r\n\r\n",
        "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Long: " + std::string(20000, 'b') + "\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nbroken header line\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 99999999999\r\n\r\nxx",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "GET /%%%%/ HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port,  // never finished
    };
    for (const auto& request : garbage) {
        Connection c(serve->port);
        ASSERT_TRUE(c.connected());
        c.send(request);
        std::string answer = c.read(0.5);  // an answer, a close or silence, but never a crash
        EXPECT_THAT(long_text(parse_response(answer).body), Not(HasSubstr("base_url")));
        ASSERT_TRUE(serve->running()) << "after: " << request.substr(0, 60);
    }
    // Connections opened and dropped without a word.
    for (int i = 0; i < 20; ++i) Connection c(serve->port);
    EXPECT_EQ(get(serve->port, profile_page).status, 200);
}

// Slow and idle connections cannot keep the person at the keyboard out: 40 clients
// sending a request's head one line every 2 s (slowloris) and 40 idle live-reload
// streams, and a page still answers within 2 s. Streams beyond the limit are refused
// with 503 and Retry-After at once. Only 127.0.0.1; every loop bounded.
TEST(ServeUnderLoad, SlowlorisAndIdleReloadStreamsDoNotStarveAPage) {
    ServeProcess serve;
    ASSERT_GT(serve.port, 0) << serve.output() << serve.errors();
    std::string host = "Host: 127.0.0.1:" + std::to_string(serve.port) + "\r\n";
    std::vector<std::unique_ptr<Connection>> slow;
    for (int i = 0; i < 40; ++i) {
        slow.push_back(std::make_unique<Connection>(serve.port));
        ASSERT_TRUE(slow.back()->connected());
        slow.back()->send("GET / HTTP/1.1\r\n");
    }
    std::vector<std::unique_ptr<Connection>> streams;
    for (int i = 0; i < 40; ++i) {
        streams.push_back(std::make_unique<Connection>(serve.port));
        ASSERT_TRUE(streams.back()->connected());
        streams.back()->send("GET /__techpages/live-reload HTTP/1.1\r\n" + host +
                             "Accept: text/event-stream\r\nOrigin: http://127.0.0.1:" + std::to_string(serve.port) + "\r\n\r\n");
    }
    auto trickle = [&] {
        for (auto& c : slow) c->send("X-Slow: 1\r\n");
    };
    // Three rounds of trickling, 2 s apart, with a page asked for in each.
    for (int round = 0; round < 3; ++round) {
        auto start = Clock::now();
        Response page = get(serve.port, profile_page);
        double took = seconds_since(start);
        EXPECT_EQ(page.status, 200) << "round " << round;
        EXPECT_LT(took, 2.0) << "round " << round << ": the page took " << took << " s";
        std::this_thread::sleep_for(std::chrono::milliseconds(2000) - (Clock::now() - start));
        trickle();
    }
    size_t open = 0, refused = 0;
    for (auto& s : streams) {
        std::string got = s->read(0.2, "\r\n\r\n");
        if (got.rfind("HTTP/1.1 200", 0) == 0) ++open;
        if (got.rfind("HTTP/1.1 503", 0) == 0) {
            ++refused;
            EXPECT_THAT(long_text(got), HasSubstr("Retry-After: 10")) << got;
        }
    }
    EXPECT_EQ(open, 16u) << "as many streams as the limit stay open";
    EXPECT_EQ(refused, 24u) << "the others are refused";
    // The slow clients were dropped: none got a page.
    for (auto& c : slow) EXPECT_THAT(long_text(c->read(0.05)), Not(HasSubstr("200 OK")));
    EXPECT_TRUE(serve.running());
}
