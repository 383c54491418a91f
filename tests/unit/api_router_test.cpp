#include <gtest/gtest.h>

#include "api/api_version.h"
#include "api/router.h"

using namespace berth;
using namespace berth::api;

namespace {

// The routes under test never answer; the writer only has to exist.
struct NullWriter : ResponseWriter {
    void json(Status, const nlohmann::json &) override {}
    void error(const Error &) override {}
    void no_content() override {}
    void text(Status, std::string_view, std::string) override {}
    void set_header(const std::string &, const std::string &) override {}
    bool begin_stream(Status, std::string_view) override { return false; }
    bool write_chunk(std::string_view) override { return false; }
    void finish() override {}
    bool client_gone() override { return true; }
    Result<HijackedConnection> hijack(std::string_view) override { return Error::internal("no"); }
    bool started() const override { return false; }
};

Handler named(std::string *out, std::string name) {
    return [out, name](Request &, ResponseWriter &) { *out = name; };
}

class RouterTest : public ::testing::Test {
protected:
    void SetUp() override {
        router.add("GET", "/_ping", named(&hit, "ping"));
        router.add("GET", "/images/json", named(&hit, "list"));
        router.add("GET", "/images/{name*}/json", named(&hit, "inspect"));
        router.add("POST", "/images/{name*}/tag", named(&hit, "tag"));
        router.add("DELETE", "/images/{name*}", named(&hit, "delete"));
        router.add("POST", "/containers/{id}/start", named(&hit, "start"));
    }
    std::string call(const std::string &method, const std::string &path, RouteMatch *out = nullptr) {
        auto m = router.route(method, path);
        if (!m) return "error: " + m.error().message();
        Request req;
        NullWriter w;
        hit.clear();
        (*m->handler)(req, w);
        if (out) *out = *m;
        return hit;
    }
    Router router;
    std::string hit;
};

TEST_F(RouterTest, MatchesLiteralRoutesWithAndWithoutVersionPrefix) {
    EXPECT_EQ(call("GET", "/_ping"), "ping");
    RouteMatch m;
    EXPECT_EQ(call("GET", "/v1.41/_ping", &m), "ping");
    EXPECT_EQ(m.api_version, "1.41");
    EXPECT_EQ(m.path, "/_ping");
    EXPECT_EQ(call("GET", "/_ping", &m), "ping");
    EXPECT_EQ(m.api_version, std::string(kMaxApiVersion));
}

TEST_F(RouterTest, RefusesVersionsOutsideTheSupportedRange) {
    auto m = router.route("GET", "/v1.99/_ping");
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().kind, ErrorKind::InvalidArgument);
    EXPECT_EQ(m.error().message(), "client version 1.99 is too new. Maximum supported API version is 1.43");
    m = router.route("GET", "/v1.12/_ping");
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().kind, ErrorKind::InvalidArgument);
    EXPECT_NE(m.error().message().find("client version 1.12 is too old. Minimum supported API version is 1.24"),
              std::string::npos);
    EXPECT_TRUE(router.route("GET", "/v1.24/_ping"));
    EXPECT_TRUE(router.route("GET", "/v1.43/_ping"));
}

TEST_F(RouterTest, UnknownPathOrMethodIsPageNotFound) {
    auto m = router.route("GET", "/nope");
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(m.error().message(), "page not found");
    EXPECT_FALSE(router.route("POST", "/_ping"));
    EXPECT_FALSE(router.route("GET", "/vx/_ping"));
}

TEST_F(RouterTest, ImageNamesMayContainSlashesAndColons) {
    RouteMatch m;
    EXPECT_EQ(call("GET", "/v1.43/images/127.0.0.1:5000/busybox:latest/json", &m), "inspect");
    EXPECT_EQ(m.params["name"], "127.0.0.1:5000/busybox:latest");
    EXPECT_EQ(call("POST", "/images/library/busybox/tag", &m), "tag");
    EXPECT_EQ(m.params["name"], "library/busybox");
    EXPECT_EQ(call("DELETE", "/images/a/b/c:1", &m), "delete");
    EXPECT_EQ(m.params["name"], "a/b/c:1");
    EXPECT_EQ(call("GET", "/images/sha256:abc/json", &m), "inspect");
    EXPECT_EQ(m.params["name"], "sha256:abc");
}

TEST_F(RouterTest, LiteralRouteWinsOverParameterRoute) {
    EXPECT_EQ(call("GET", "/images/json"), "list");
    RouteMatch m;
    // An image called "json" is still reachable.
    EXPECT_EQ(call("GET", "/images/json/json", &m), "inspect");
    EXPECT_EQ(m.params["name"], "json");
}

TEST_F(RouterTest, SingleSegmentParameterDoesNotSpanSlashes) {
    RouteMatch m;
    EXPECT_EQ(call("POST", "/containers/abc/start", &m), "start");
    EXPECT_EQ(m.params["id"], "abc");
    EXPECT_FALSE(router.route("POST", "/containers/a/b/start"));
}

TEST_F(RouterTest, HeadFallsBackToGet) {
    EXPECT_EQ(call("HEAD", "/images/json"), "list");
}

TEST(ApiVersion, ComparesNumerically) {
    EXPECT_LT(compare_versions("1.9", "1.10"), 0);
    EXPECT_EQ(compare_versions("1.43", "1.43"), 0);
    EXPECT_GT(compare_versions("2.0", "1.99"), 0);
}

TEST(VersionPrefix, SplitsOnlyNumericPrefixes) {
    EXPECT_EQ(split_version_prefix("/v1.41/info"), (std::pair<std::string, std::string>{"1.41", "/info"}));
    EXPECT_EQ(split_version_prefix("/volumes"), (std::pair<std::string, std::string>{"", "/volumes"}));
    EXPECT_EQ(split_version_prefix("/v1.41"), (std::pair<std::string, std::string>{"1.41", "/"}));
}

}  // namespace
