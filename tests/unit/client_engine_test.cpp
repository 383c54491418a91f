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
#include "client_fake_engine.h"

using namespace berth::client;
namespace fs = std::filesystem;

namespace {

using namespace berth_test;

EngineClient client_for(const FakeEngine &engine) {
    ClientOptions o;
    o.host = engine.host();
    return EngineClient(std::move(o));
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
