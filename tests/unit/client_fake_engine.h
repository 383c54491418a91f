// A scripted Engine API server on a private Unix socket, for the client and CLI tests.
// Each connection gets handler(request)'s bytes as the answer; "HIJACK" answers 101 and
// echoes what it reads, "HOLD" starts a chunked stream and keeps it open until destroyed.
#pragma once

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "client/host.h"

namespace berth_test {

using berth::client::Host;
using berth::client::parse_host;
namespace fs = std::filesystem;

struct Seen {
    std::string request_line;
    std::string head;
    std::string body;
};

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
            (void)!::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
            ssize_t n = ::read(fd, buf, sizeof buf);
            if (n > 0) (void)!::send(fd, buf, static_cast<std::size_t>(n), MSG_NOSIGNAL);
            return;
        }
        if (reply == "HOLD") {
            const std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                     "Transfer-Encoding: chunked\r\n\r\n";
            const std::string chunk = "{\"status\":\"create\"}\n";
            char size[16];
            std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
            std::string out = head + size + chunk + "\r\n";
            (void)!::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
            while (!stop_) std::this_thread::sleep_for(std::chrono::milliseconds(20));
            return;
        }
        (void)!::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
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

inline std::string http(int status, const std::string &body, const std::string &extra = "") {
    return "HTTP/1.1 " + std::to_string(status) + " X\r\nConnection: close\r\nContent-Type: application/json\r\n" +
           extra + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

inline std::string chunked(const std::vector<std::string> &chunks) {
    std::string out = "HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (const auto &c : chunks) {
        char size[16];
        std::snprintf(size, sizeof size, "%zx\r\n", c.size());
        out += size + c + "\r\n";
    }
    return out + "0\r\n\r\n";
}

inline std::string ping_reply(const std::string &version) {
    return http(200, "OK", "API-Version: " + version + "\r\nOSType: linux\r\n");
}

inline bool is_ping(const Seen &s) { return s.request_line.rfind("GET /_ping", 0) == 0 || s.request_line.rfind("HEAD /_ping", 0) == 0; }

}  // namespace berth_test
