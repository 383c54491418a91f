// -p/--publish, -P and --expose as the docker CLI turns them into the create body.
#include <gtest/gtest.h>

#include "cli/commands/container_create_options.h"
#include "cli/commands/publish_flags.h"

using namespace berth;
using namespace berth::cli;
using namespace berth::cli::commands;
using nlohmann::json;

namespace {

json publish(std::initializer_list<std::string> specs) {
    json exposed = json::object(), bindings = json::object();
    for (const auto &s : specs) {
        auto r = add_publish_spec(s, exposed, bindings);
        EXPECT_TRUE(r) << s << ": " << (r ? "" : r.error().message());
    }
    return {{"ExposedPorts", exposed}, {"PortBindings", bindings}};
}

std::string publish_error(const std::string &spec) {
    json exposed = json::object(), bindings = json::object();
    auto r = add_publish_spec(spec, exposed, bindings);
    EXPECT_FALSE(r) << spec;
    return r ? std::string() : r.error().message();
}

}  // namespace

TEST(CliPublish, Forms) {
    EXPECT_EQ(publish({"80"})["PortBindings"], json::parse(R"({"80/tcp":[{"HostIp":"","HostPort":""}]})"));
    EXPECT_EQ(publish({"8080:80"})["PortBindings"], json::parse(R"({"80/tcp":[{"HostIp":"","HostPort":"8080"}]})"));
    EXPECT_EQ(publish({"127.0.0.1:8080:80/udp"})["PortBindings"],
              json::parse(R"({"80/udp":[{"HostIp":"127.0.0.1","HostPort":"8080"}]})"));
    EXPECT_EQ(publish({"127.0.0.1::80"})["PortBindings"],
              json::parse(R"({"80/tcp":[{"HostIp":"127.0.0.1","HostPort":""}]})"));
    auto both = publish({"8080:80", "127.0.0.1:8081:80"});
    EXPECT_EQ(both["PortBindings"]["80/tcp"].size(), 2u);
    EXPECT_EQ(both["ExposedPorts"], json::parse(R"({"80/tcp":{}})"));
}

TEST(CliPublish, Ranges) {
    EXPECT_EQ(publish({"8000-8002:80-82"})["PortBindings"],
              json::parse(R"({"80/tcp":[{"HostIp":"","HostPort":"8000"}],"81/tcp":[{"HostIp":"","HostPort":"8001"}],
                              "82/tcp":[{"HostIp":"","HostPort":"8002"}]})"));
    // A host range for one container port: any free one of them.
    EXPECT_EQ(publish({"8000-8010:80"})["PortBindings"],
              json::parse(R"({"80/tcp":[{"HostIp":"","HostPort":"8000-8010"}]})"));
    EXPECT_EQ(publish({"90-91"})["ExposedPorts"], json::parse(R"({"90/tcp":{},"91/tcp":{}})"));
}

TEST(CliPublish, BadSpecs) {
    EXPECT_EQ(publish_error("abc"), "invalid argument \"abc\" for \"-p, --publish\" flag: invalid containerPort: abc");
    EXPECT_EQ(publish_error("x:80"), "invalid argument \"x:80\" for \"-p, --publish\" flag: invalid hostPort: x");
    EXPECT_EQ(publish_error("1.2.3:80:80"),
              "invalid argument \"1.2.3:80:80\" for \"-p, --publish\" flag: invalid IP address: 1.2.3");
    EXPECT_EQ(publish_error("80/icmp"), "invalid argument \"80/icmp\" for \"-p, --publish\" flag: invalid proto: icmp");
    EXPECT_EQ(publish_error("8000-8001:80-82"),
              "invalid argument \"8000-8001:80-82\" for \"-p, --publish\" flag: invalid ranges specified for "
              "container and host Ports: 80-82 and 8000-8001");
    EXPECT_NE(publish_error("70000:80").find("invalid hostPort: 70000"), std::string::npos);
    EXPECT_NE(publish_error("a:b:c:d").find("invalid port format"), std::string::npos);
}

TEST(CliPublish, ExposeAndPublishAllInTheCreateBody) {
    auto args = parse_args(container_create_flags(),
                           {"-P", "--expose", "53/udp", "--expose", "9000-9001", "-p", "127.0.0.1:8080:80", "busybox"});
    ASSERT_TRUE(args) << args.error().message();
    auto req = build_create_request(*args);
    ASSERT_TRUE(req) << req.error().message();
    EXPECT_EQ(req->body["ExposedPorts"],
              json::parse(R"({"53/udp":{},"9000/tcp":{},"9001/tcp":{},"80/tcp":{}})"));
    EXPECT_EQ(req->body["HostConfig"]["PortBindings"],
              json::parse(R"({"80/tcp":[{"HostIp":"127.0.0.1","HostPort":"8080"}]})"));
    EXPECT_EQ(req->body["HostConfig"]["PublishAllPorts"], true);

    auto bad = parse_args(container_create_flags(), {"--expose", "x/tcp", "busybox"});
    ASSERT_TRUE(bad);
    auto r = build_create_request(*bad);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message(), "invalid range format for --expose: x/tcp");
}
