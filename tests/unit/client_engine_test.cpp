// EngineClient against a scripted engine on a private Unix socket: version negotiation,
// error decoding, streams, cancellation, connection errors and a hijacked connection.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "client/engine_client.h"

using namespace berth::client;
namespace fs = std::filesystem;

namespace {

struct Seen {
    std::string request_line;
    std::string head;
    std::string body;
};

// Answers each connection with what `handler` returns for its request; "HIJACK" echoes
// bytes back after a 101 answer, "HOLD" keeps a stream open until the test ends.
class FakeEngine {
public:
    using Handler = std::function<std::string(const Seen &)>;

    explicit FakeEngine(Handler handler) : handler_(std::move(handler)) {
        dir_ = fs::temp_directory_path() / ("berth-client-test-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter_++));
        fs::create_directories(dir_);
        path_ = (dir_ / "engine.sock").string();
        listen_fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path_.c_str());
        EXPECT_EQ(::bind(listen_fd_, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        EXPECT_EQ(::listen(listen_fd_, 8), 0);
        thread_ = std::thread([this] { serve(); });
    }
    ~FakeEngine() {
        stop_ = true;
        ::shutdown(listen_fd_, SHUT_RDWR);
        thread_.join();
        ::close(listen_fd_);
        fs::remove_all(dir_);
    }
    Host host() const { return *parse_host("unix://" + path_); }
    std::vector<Seen> seen() {
        std::lock_guard lock(mu_);
        return seen_;
    }

private:
    void serve() {
        while (!stop_) {
            int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) return;
            handle(fd);
            ::close(fd);
        }
    }
    void handle(int fd) {
        std::string data;
        char buf[4096];
        std::size_t end;
        while ((end = data.find("\r\n\r\n")) == std::string::npos) {
            ssize_t n = ::read(fd, buf, sizeof buf);
            if (n <= 0) return;
            data.append(buf, static_cast<std::size_t>(n));
        }
        Seen s;
        s.head = data.substr(0, end);
        s.request_line = s.head.substr(0, s.head.find("\r\n"));
        s.body = data.substr(end + 4);
        if (auto cl = s.head.find("Content-Length: "); cl != std::string::npos) {
            std::size_t len = std::strtoul(s.head.c_str() + cl + 16, nullptr, 10);
            while (s.body.size() < len) {
                ssize_t n = ::read(fd, buf, sizeof buf);
                if (n <= 0) break;
                s.body.append(buf, static_cast<std::size_t>(n));
            }
        }
        {
            std::lock_guard lock(mu_);
            seen_.push_back(s);
        }
        std::string reply = handler_(s);
        if (reply == "HIJACK") {
            const std::string head = "HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nhello ";
            (void)!::write(fd, head.data(), head.size());
            ssize_t n = ::read(fd, buf, sizeof buf);
            if (n > 0) (void)!::write(fd, buf, static_cast<std::size_t>(n));
            return;
        }
        if (reply == "HOLD") {
            const std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                     "Transfer-Encoding: chunked\r\n\r\n";
            const std::string chunk = "{\"status\":\"create\"}\n";
            char size[16];
            std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
            std::string out = head + size + chunk + "\r\n";
            (void)!::write(fd, out.data(), out.size());
            while (!stop_) std::this_thread::sleep_for(std::chrono::milliseconds(20));
            return;
        }
        (void)!::write(fd, reply.data(), reply.size());
    }

    static inline std::atomic<int> counter_{0};
    Handler handler_;
    fs::path dir_;
    std::string path_;
    int listen_fd_ = -1;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::mutex mu_;
    std::vector<Seen> seen_;
};

std::string http(int status, const std::string &body, const std::string &extra = "") {
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nConnection: close\r\nContent-Type: application/json\r\n" +
           extra + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string chunked(const std::vector<std::string> &chunks) {
    std::string out = "HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (const auto &c : chunks) {
        char size[16];
        std::snprintf(size, sizeof size, "%zx\r\n", c.size());
        out += size + c + "\r\n";
    }
    return out + "0\r\n\r\n";
}

EngineClient client_for(const FakeEngine &engine) {
    ClientOptions o;
    o.host = engine.host();
    return EngineClient(std::move(o));
}

std::string ping_reply(const std::string &version) {
    return http(200, "OK", "API-Version: " + version + "\r\nOSType: linux\r\n");
}

}  // namespace

TEST(EngineClient, NegotiatesDownToTheEnginesVersion) {
    FakeEngine engine([](const Seen &s) {
        if (s.request_line.rfind("GET /_ping", 0) == 0) return ping_reply("1.41");
        return http(200, R"({"Version":"0.1.0","ApiVersion":"1.41"})");
    });
    auto c = client_for(engine);
    auto v = c.version();
    ASSERT_TRUE(v.ok()) << v.error().message();
    EXPECT_EQ((*v)["Version"], "0.1.0");
    auto seen = engine.seen();
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[1].request_line, "GET /v1.41/version HTTP/1.1");
}

TEST(EngineClient, NeverAsksForMoreThanItSpeaks) {
    FakeEngine engine([](const Seen &s) {
        if (s.request_line.rfind("GET /_ping", 0) == 0) return ping_reply("1.45");
        return http(200, "[]");
    });
    auto c = client_for(engine);
    ASSERT_TRUE(c.list_images(true, {{"dangling", {"true"}}}).ok());
    EXPECT_EQ(engine.seen()[1].request_line,
              "GET /v1.43/images/json?all=1&filters=%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D HTTP/1.1");
}

TEST(EngineClient, DecodesTheEnginesErrorMessageAndStatus) {
    FakeEngine engine([](const Seen &s) {
        if (s.request_line.rfind("GET /_ping", 0) == 0) return ping_reply("1.43");
        return http(404, R"({"message":"No such image: x:latest"})");
    });
    auto c = client_for(engine);
    auto r = c.inspect_image("x");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, berth::ErrorKind::NotFound);
    EXPECT_EQ(r.error().message(), "Error response from daemon: No such image: x:latest");
    EXPECT_EQ(r.error().detail, "No such image: x:latest");
}

TEST(EngineClient, PullDeliversProgressAndStopsAtAnErrorInTheStream) {
    FakeEngine engine([](const Seen &s) {
        if (s.request_line.rfind("GET /_ping", 0) == 0) return ping_reply("1.43");
        return chunked({"{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\n{\"stat",
                        "us\":\"Pulling fs layer\",\"id\":\"abc\"}\n",
                        "{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}\n"});
    });
    auto c = client_for(engine);
    std::vector<std::string> statuses;
    PullOptions o;
    o.image = "busybox";
    o.tag = "latest";
    auto r = c.pull(o, [&](const nlohmann::json &m) {
        statuses.push_back(m.value("status", ""));
        return true;
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message(), "Error response from daemon: unexpected EOF");
    EXPECT_EQ(statuses, (std::vector<std::string>{"Pulling from library/busybox", "Pulling fs layer"}));
    auto seen = engine.seen();
    EXPECT_EQ(seen[1].request_line, "POST /v1.43/images/create?fromImage=busybox&tag=latest HTTP/1.1");
    EXPECT_NE(seen[1].head.find("X-Registry-Auth: e30="), std::string::npos);
}

TEST(EngineClient, SaysWhenNoEngineIsListening) {
    ClientOptions o;
    o.host = *parse_host("unix:///nonexistent/berth-test.sock");
    EngineClient c(std::move(o));
    auto r = c.info();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message(),
              "Cannot connect to the Berth engine at unix:///nonexistent/berth-test.sock. Is berthd running?");
    EXPECT_EQ(r.error().kind, berth::ErrorKind::Unavailable);
}

TEST(EngineClient, SaysWhenTheEngineRefusesTheUser) {
    FakeEngine engine([](const Seen &) { return http(403, R"({"message":"forbidden"})"); });
    auto c = client_for(engine);
    auto r = c.info();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, berth::ErrorKind::Forbidden);
    EXPECT_NE(r.error().message().find("(are you in the 'berth' group?)"), std::string::npos);
}

TEST(EngineClient, CancelEndsAStreamThatNeverEnds) {
    FakeEngine engine([](const Seen &s) {
        if (s.request_line.rfind("GET /_ping", 0) == 0) return ping_reply("1.43");
        return std::string("HOLD");
    });
    auto c = client_for(engine);
    std::atomic<bool> cancel{false};
    int events = 0;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        cancel = true;
    });
    auto r = c.events({}, [&](const nlohmann::json &) {
        ++events;
        return true;
    }, &cancel);
    canceller.join();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, berth::ErrorKind::Cancelled);
    EXPECT_EQ(events, 1);
}

TEST(EngineClient, HijackedConnectionCarriesBytesBothWays) {
    FakeEngine engine([](const Seen &s) {
        if (s.request_line.rfind("GET /_ping", 0) == 0) return ping_reply("1.43");
        return std::string("HIJACK");
    });
    auto c = client_for(engine);
    auto conn = c.hijack("POST", "/containers/abc/attach", Query().add("stream", "1"));
    ASSERT_TRUE(conn.ok()) << conn.error().message();
    ASSERT_TRUE(conn->write_all("world").ok());
    std::string got;
    char buf[64];
    for (;;) {
        auto n = conn->read(buf, sizeof buf);
        ASSERT_TRUE(n.ok());
        if (*n == 0) break;
        got.append(buf, *n);
    }
    EXPECT_EQ(got, "hello world");
    auto seen = engine.seen();
    EXPECT_NE(seen[1].head.find("Upgrade: tcp"), std::string::npos);
}
