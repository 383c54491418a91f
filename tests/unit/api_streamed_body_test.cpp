// Request bodies over a real connection (serve_connection on a socketpair): routes with
// BodyMode::Streamed read any size, chunked or not, as it arrives; every other route keeps
// the buffered body and its limit.
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "api/router.h"
#include "api/server.h"

using namespace berth;
using namespace berth::api;

namespace {

constexpr std::size_t kLimit = 1 << 20;  // the buffered limit in these tests

// Sends everything; false once the server stopped reading (it answered and closed).
bool send_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

struct Response {
    int status = 0;
    std::string head;
    std::string body;
};

// One response with a Content-Length body ({} when the connection ends first).
Response read_response(int fd, std::string &pending) {
    Response r;
    auto fill = [&] {
        char buf[65536];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return false;
        pending.append(buf, static_cast<std::size_t>(n));
        return true;
    };
    std::size_t end;
    while ((end = pending.find("\r\n\r\n")) == std::string::npos)
        if (!fill()) return {};
    r.head = pending.substr(0, end);
    pending.erase(0, end + 4);
    r.status = std::stoi(r.head.substr(9, 3));
    std::size_t length = 0;
    if (const auto at = r.head.find("Content-Length: "); at != std::string::npos)
        length = std::stoul(r.head.substr(at + 16));
    while (pending.size() < length)
        if (!fill()) return {};
    r.body = pending.substr(0, length);
    pending.erase(0, length);
    return r;
}

// The byte at offset i of the test bodies: a pattern that catches lost or doubled data.
char pattern(std::size_t i) { return static_cast<char>('a' + (i * 7 + i / 4093) % 26); }

std::string chunked(std::size_t total, std::size_t chunk) {
    std::string out;
    char size_line[32];
    for (std::size_t off = 0; off < total; off += chunk) {
        const std::size_t n = std::min(chunk, total - off);
        std::snprintf(size_line, sizeof size_line, "%zx\r\n", n);
        out += size_line;
        for (std::size_t i = 0; i < n; ++i) out += pattern(off + i);
        out += "\r\n";
    }
    return out + "0\r\n\r\n";
}

class StreamedBodyTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Reads the body in pieces, checks the pattern, answers with the count.
        router.add("PUT", "/upload", [this](Request &req, ResponseWriter &w) {
            if (req.body_reader == nullptr) return w.error(Error::internal("no body reader"));
            std::string buf(100000, '\0');
            std::size_t total = 0;
            bool intact = true;
            for (;;) {
                auto n = req.body_reader->read(buf.data(), buf.size());
                if (!n) return w.error(n.error());
                if (*n == 0) break;
                for (std::size_t i = 0; i < *n; ++i) intact = intact && buf[i] == pattern(total + i);
                total += *n;
                max_piece = std::max(max_piece, *n);
            }
            w.json(Status::ok, {{"bytes", total}, {"intact", intact}});
        }, BodyMode::Streamed);
        // Gives up after the first piece, as a handler does on a bad tar.
        router.add("PUT", "/refuse", [](Request &req, ResponseWriter &w) {
            char buf[4096];
            (void)req.body_reader->read(buf, sizeof buf);
            w.error(Error::invalid("not a tar"));
        }, BodyMode::Streamed);
        router.add("POST", "/buffered", [](Request &req, ResponseWriter &w) {
            w.json(Status::ok, {{"bytes", req.body.size()}, {"reader", req.body_reader != nullptr}});
        });
        router.add("GET", "/_ping", [](Request &, ResponseWriter &w) { w.text(Status::ok, "text/plain", "OK"); });

        int fds[2];
        ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
        client = fds[0];
        server_fd = fds[1];
        options.body_limit = kLimit;
        options.allowed_group = ::getgid();
        server = std::thread([this] { serve_connection(server_fd, router, options); });
    }

    void TearDown() override {
        ::shutdown(client, SHUT_RDWR);
        server.join();
        ::close(client);
        ::close(server_fd);
    }

    // Sends `head` + `body` from another thread (the server reads while it is written).
    Response exchange(const std::string &head, const std::string &body, bool *body_sent = nullptr) {
        std::atomic<bool> sent{false};
        std::thread writer([&] { sent = send_all(client, head) && send_all(client, body); });
        Response r = read_response(client, pending);
        writer.join();
        if (body_sent) *body_sent = sent;
        return r;
    }

    Router router;
    ServerOptions options;
    int client = -1;
    int server_fd = -1;
    std::thread server;
    std::string pending;
    std::size_t max_piece = 0;
};

TEST_F(StreamedBodyTest, ChunkedBodyFarAboveTheLimitStreamsIntact) {
    const std::size_t total = 12 * kLimit;
    auto r = exchange("PUT /v1.43/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
                      chunked(total, 32768 + 5));
    ASSERT_EQ(r.status, 200) << r.head << r.body;
    EXPECT_EQ(nlohmann::json::parse(r.body)["bytes"], total);
    EXPECT_TRUE(nlohmann::json::parse(r.body)["intact"].get<bool>());
    EXPECT_LE(max_piece, 100000u);
    // The body was read to its end: the connection serves the next request.
    auto ping = exchange("GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n", "");
    EXPECT_EQ(ping.status, 200);
}

TEST_F(StreamedBodyTest, ContentLengthBodyAboveTheLimitStreams) {
    const std::size_t total = 3 * kLimit + 17;
    std::string body;
    for (std::size_t i = 0; i < total; ++i) body += pattern(i);
    auto r = exchange("PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(total) + "\r\n\r\n", body);
    ASSERT_EQ(r.status, 200) << r.head << r.body;
    EXPECT_EQ(nlohmann::json::parse(r.body)["bytes"], total);
}

TEST_F(StreamedBodyTest, ExpectContinueIsAnsweredWhenTheHandlerReads) {
    ASSERT_TRUE(send_all(client, "PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
    auto interim = read_response(client, pending);
    EXPECT_EQ(interim.status, 100);
    ASSERT_TRUE(send_all(client, "abcde"));
    auto r = read_response(client, pending);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(nlohmann::json::parse(r.body)["bytes"], 5);
}

TEST_F(StreamedBodyTest, MalformedChunkingIsAnError) {
    auto r = exchange("PUT /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "zz\r\nabc\r\n0\r\n\r\n");
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("malformed request body"), std::string::npos) << r.body;
}

TEST_F(StreamedBodyTest, EarlyAnswerReachesTheClientAndClosesTheConnection) {
    bool body_sent = false;
    auto r = exchange("PUT /refuse HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
                      chunked(8 * kLimit, 65536), &body_sent);
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("not a tar"), std::string::npos);
    EXPECT_NE(r.head.find("Connection: close"), std::string::npos) << r.head;
    // The rest of the body was taken and dropped, not refused with a broken pipe.
    EXPECT_TRUE(body_sent);
    char c;
    EXPECT_EQ(::recv(client, &c, 1, 0), 0) << "the server closes the connection";
}

TEST_F(StreamedBodyTest, OtherRoutesKeepTheLimit) {
    // Content-Length above the limit: refused before any of the body is read.
    ASSERT_TRUE(send_all(client, "POST /buffered HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(kLimit + 1) +
                                     "\r\nExpect: 100-continue\r\n\r\n"));
    auto r = read_response(client, pending);
    EXPECT_EQ(r.status, 413);
    EXPECT_NE(r.body.find("too large"), std::string::npos);
}

TEST_F(StreamedBodyTest, OtherRoutesKeepTheLimitForChunkedBodies) {
    auto r = exchange("POST /buffered HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
                      chunked(kLimit + 1000, 4096));
    EXPECT_EQ(r.status, 413);
}

TEST_F(StreamedBodyTest, OtherRoutesGetTheWholeBodyBuffered) {
    auto r = exchange("POST /buffered HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n", "0123456789");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(nlohmann::json::parse(r.body), (nlohmann::json{{"bytes", 10}, {"reader", false}}));
    auto again = exchange("POST /buffered HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(5000, 999));
    EXPECT_EQ(nlohmann::json::parse(again.body)["bytes"], 5000);
}

}  // namespace
