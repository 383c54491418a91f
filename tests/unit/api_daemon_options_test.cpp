#include <gtest/gtest.h>

#include "api/daemon_options.h"
#include "api/image_pull_route.h"
#include "api/progress_format.h"
#include "api/registry_auth.h"
#include "api/unix_listener.h"

using namespace berth;
using namespace berth::api;

TEST(DaemonOptions, DefaultsMatchTheDesign) {
    auto o = parse_daemon_options({});
    ASSERT_TRUE(o);
    EXPECT_EQ(o->config.host, "unix:///run/berth/berth.sock");
    EXPECT_EQ(o->config.root, "/var/lib/berth");
    EXPECT_EQ(o->config.group, "berth");
    EXPECT_EQ(o->config.registry.certs_dir, "/etc/berth/certs.d");
    EXPECT_FALSE(o->config.debug);
}

TEST(DaemonOptions, ParsesBothFlagForms) {
    auto o = parse_daemon_options({"--host=unix:///tmp/b.sock", "--root", "/tmp/root", "-D", "--log-file",
                                   "/tmp/log", "--insecure-registry", "a:5000", "--insecure-registry=10.0.0.0/8",
                                   "--certs-dir", "/certs", "--group", "wheel"});
    ASSERT_TRUE(o) << o.error().message();
    EXPECT_EQ(o->config.host, "unix:///tmp/b.sock");
    EXPECT_EQ(o->config.root, "/tmp/root");
    EXPECT_TRUE(o->config.debug);
    EXPECT_EQ(o->config.log_level, "debug");
    EXPECT_EQ(o->config.log_file, "/tmp/log");
    EXPECT_EQ(o->config.registry.insecure_registries, (std::vector<std::string>{"a:5000", "10.0.0.0/8"}));
    EXPECT_EQ(o->config.registry.certs_dir, "/certs");
    EXPECT_EQ(o->config.group, "wheel");
}

TEST(DaemonOptions, RefusesUnknownFlagsMissingValuesAndBadLevels) {
    EXPECT_FALSE(parse_daemon_options({"--bogus"}));
    EXPECT_FALSE(parse_daemon_options({"--root"}));
    EXPECT_FALSE(parse_daemon_options({"--root", "relative"}));
    EXPECT_FALSE(parse_daemon_options({"--log-level", "chatty"}));
}

TEST(UnixHost, OnlyUnixSocketsWithAbsolutePaths) {
    EXPECT_EQ(*parse_unix_host("unix:///run/berth/berth.sock"), "/run/berth/berth.sock");
    EXPECT_FALSE(parse_unix_host("tcp://127.0.0.1:2375"));
    EXPECT_FALSE(parse_unix_host("unix://relative.sock"));
}

TEST(PullReference, CombinesFromImageAndTag) {
    EXPECT_EQ(pull_reference("busybox", "")->full(), "docker.io/library/busybox:latest");
    EXPECT_EQ(pull_reference("busybox", "1.36")->full(), "docker.io/library/busybox:1.36");
    const std::string digest = "sha256:" + std::string(64, 'a');
    EXPECT_EQ(pull_reference("127.0.0.1:5000/busybox", digest)->digest, digest);
    EXPECT_FALSE(pull_reference("", "latest"));
    auto bad = pull_reference("Busybox", "");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, ErrorKind::InvalidArgument);
}

TEST(PullPlatform, AcceptsOsArchVariant) {
    EXPECT_TRUE(validate_platform(""));
    EXPECT_TRUE(validate_platform("linux/amd64"));
    EXPECT_TRUE(validate_platform("linux/arm/v7"));
    EXPECT_FALSE(validate_platform("linux"));
    EXPECT_FALSE(validate_platform("linux//amd64"));
    EXPECT_FALSE(validate_platform("linux/amd64/v1/x"));
    EXPECT_FALSE(validate_platform("linux/$(id)"));
}

TEST(RegistryAuth, DecodesUrlSafeBase64JsonAndTheAuthField) {
    // {"username":"u","password":"p?>"} in base64url without padding
    auto c = decode_registry_auth("eyJ1c2VybmFtZSI6InUiLCJwYXNzd29yZCI6InA_PiJ9");
    ASSERT_TRUE(c);
    ASSERT_TRUE(c->has_value());
    EXPECT_EQ((*c)->username, "u");
    EXPECT_EQ((*c)->password, "p?>");
    // {"auth":"dTpw"} -> u:p
    auto a = decode_registry_auth("eyJhdXRoIjoiZFRwdyJ9");
    ASSERT_TRUE(a && a->has_value());
    EXPECT_EQ((*a)->username, "u");
    EXPECT_EQ((*a)->password, "p");
    // "{}" is anonymous.
    auto anon = decode_registry_auth("e30=");
    ASSERT_TRUE(anon);
    EXPECT_FALSE(anon->has_value());
    EXPECT_FALSE(decode_registry_auth("not base64!"));
    EXPECT_FALSE(decode_registry_auth("eyJ1c2Vy"));  // truncated JSON
}

TEST(Progress, HumanSizesAndBarLikeDocker) {
    EXPECT_EQ(human_size(512), "512B");
    EXPECT_EQ(human_size(2119000), "2.119MB");
    EXPECT_EQ(human_size(814500), "814.5kB");
    EXPECT_EQ(progress_bar(50, 100), "[=========================>                         ]      50B/100B");
    EXPECT_EQ(progress_bar(100, 100), "[==================================================>]     100B/100B");
    images::PullProgress p{"abc123", "Downloading", 50, 100};
    const auto j = progress_json(p);
    EXPECT_EQ(j["status"], "Downloading");
    EXPECT_EQ(j["id"], "abc123");
    EXPECT_EQ(j["progressDetail"]["current"], 50);
    EXPECT_EQ(j["progressDetail"]["total"], 100);
    EXPECT_EQ(error_json("boom")["errorDetail"]["message"], "boom");
}
