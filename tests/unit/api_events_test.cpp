#include <gtest/gtest.h>

#include "api/event_filters.h"

using namespace berth;
using namespace berth::api;

namespace {

events::Event ev(std::string type, std::string action, std::string id, std::map<std::string, std::string> attrs) {
    events::Event e{std::move(type), std::move(action), std::move(id), std::move(attrs), 1700000000123456789LL};
    return e;
}

Filters filters(const char *json) { return *Filters::parse(json); }

}  // namespace

TEST(EventJson, ImageEventHasDockersShape) {
    const auto j = event_json(ev("image", "tag", "sha256:abc", {{"name", "busybox:1"}}));
    EXPECT_EQ(j["status"], "tag");
    EXPECT_EQ(j["id"], "sha256:abc");
    EXPECT_EQ(j["Type"], "image");
    EXPECT_EQ(j["Action"], "tag");
    EXPECT_EQ(j["Actor"]["ID"], "sha256:abc");
    EXPECT_EQ(j["Actor"]["Attributes"]["name"], "busybox:1");
    EXPECT_EQ(j["scope"], "local");
    EXPECT_EQ(j["time"], 1700000000);
    EXPECT_EQ(j["timeNano"], 1700000000123456789LL);
    EXPECT_FALSE(j.contains("from"));
}

TEST(EventJson, ContainerEventCarriesFrom) {
    const auto j = event_json(ev("container", "start", "c1", {{"image", "busybox"}, {"name", "web"}}));
    EXPECT_EQ(j["from"], "busybox");
}

TEST(EventFilters, TypeAndEvent) {
    const auto e = ev("image", "pull", "busybox:latest", {{"name", "busybox"}});
    EXPECT_TRUE(event_matches(Filters(), e));
    EXPECT_TRUE(event_matches(filters(R"({"type":["image"]})"), e));
    EXPECT_FALSE(event_matches(filters(R"({"type":["container"]})"), e));
    EXPECT_TRUE(event_matches(filters(R"({"event":["pull","tag"]})"), e));
    EXPECT_FALSE(event_matches(filters(R"({"event":["delete"]})"), e));
}

TEST(EventFilters, ImageMatchesIdOrNameWithOrWithoutTag) {
    const auto e = ev("image", "tag", "sha256:abcdef", {{"name", "busybox:1"}});
    EXPECT_TRUE(event_matches(filters(R"({"image":["busybox"]})"), e));
    EXPECT_TRUE(event_matches(filters(R"({"image":["busybox:1"]})"), e));
    EXPECT_TRUE(event_matches(filters(R"({"image":["abcdef"]})"), e));
    EXPECT_FALSE(event_matches(filters(R"({"image":["alpine"]})"), e));
    const auto c = ev("container", "start", "c1", {{"image", "busybox"}, {"name", "web"}});
    EXPECT_TRUE(event_matches(filters(R"({"image":["busybox"]})"), c));
}

TEST(EventFilters, ContainerAndLabel) {
    const auto c = ev("container", "start", "0123456789ab", {{"name", "web"}, {"tier", "front"}});
    EXPECT_TRUE(event_matches(filters(R"({"container":["web"]})"), c));
    EXPECT_TRUE(event_matches(filters(R"({"container":["0123"]})"), c));
    EXPECT_FALSE(event_matches(filters(R"({"container":["db"]})"), c));
    EXPECT_TRUE(event_matches(filters(R"({"label":["tier=front"]})"), c));
    EXPECT_FALSE(event_matches(filters(R"({"label":["tier=back"]})"), c));
    EXPECT_FALSE(event_matches(filters(R"({"container":["web"]})"), ev("image", "pull", "web", {})));
}

TEST(EventFilters, UnknownKeyIsInvalid) {
    EXPECT_FALSE(validate_event_filters(filters(R"({"colour":["red"]})")));
    EXPECT_TRUE(validate_event_filters(filters(R"({"type":["image"],"event":["pull"]})")));
}
