#include <gtest/gtest.h>

#include <map>
#include <string>

#include "client/engine_client.h"
#include "client/host.h"
#include "client/query.h"
#include "client/registry_auth.h"

using namespace berth::client;

namespace {
std::map<std::string, std::string> g_env;
std::optional<std::string> fake_env(const char *name) {
    auto it = g_env.find(name);
    if (it == g_env.end()) return std::nullopt;
    return it->second;
}
}  // namespace

TEST(ParseHost, UnixSocketForms) {
    auto h = parse_host("unix:///run/berth/berth.sock");
    ASSERT_TRUE(h.ok());
    EXPECT_EQ(h->scheme, Host::Scheme::Unix);
    EXPECT_EQ(h->socket_path, "/run/berth/berth.sock");
    EXPECT_EQ(h->text, "unix:///run/berth/berth.sock");
    auto bare = parse_host("/tmp/x.sock");
    ASSERT_TRUE(bare.ok());
    EXPECT_EQ(bare->socket_path, "/tmp/x.sock");
    EXPECT_EQ(bare->text, "unix:///tmp/x.sock");
}

TEST(ParseHost, TcpFormsGetDockersDefaultPort) {
    auto h = parse_host("tcp://127.0.0.1:2376");
    ASSERT_TRUE(h.ok());
    EXPECT_EQ(h->scheme, Host::Scheme::Tcp);
    EXPECT_EQ(h->address, "127.0.0.1:2376");
    EXPECT_EQ(h->base_url(), "http://127.0.0.1:2376");
    EXPECT_EQ(parse_host("tcp://localhost")->address, "localhost:2375");
    EXPECT_EQ(parse_host("tcp://[::1]:99/")->address, "[::1]:99");
    EXPECT_EQ(parse_host("[::1]")->address, "[::1]:2375");
    EXPECT_EQ(parse_host("127.0.0.1:5555")->text, "tcp://127.0.0.1:5555");
}

TEST(ParseHost, RejectsWhatItCannotReach) {
    EXPECT_FALSE(parse_host("").ok());
    EXPECT_FALSE(parse_host("unix://").ok());
    EXPECT_FALSE(parse_host("ssh://me@box").ok());
    EXPECT_FALSE(parse_host("tcp://host:notaport").ok());
    EXPECT_EQ(parse_host("ssh://x").error().kind, berth::ErrorKind::InvalidArgument);
}

TEST(ResolveHost, ExplicitThenBerthHostThenDockerHostThenDefault) {
    g_env.clear();
    EXPECT_EQ(resolve_host(std::nullopt, fake_env)->text, "unix:///run/berth/berth.sock");
    g_env["DOCKER_HOST"] = "unix:///var/run/docker.sock";
    EXPECT_EQ(resolve_host(std::nullopt, fake_env)->socket_path, "/var/run/docker.sock");
    g_env["BERTH_HOST"] = "tcp://127.0.0.1:1";
    EXPECT_EQ(resolve_host(std::nullopt, fake_env)->address, "127.0.0.1:1");
    EXPECT_EQ(resolve_host(std::string("/tmp/explicit.sock"), fake_env)->socket_path,
              "/tmp/explicit.sock");
    g_env.clear();
}

TEST(Query, EncodesValuesAndFilters) {
    Query q;
    q.add("fromImage", "127.0.0.1:5000/app").add("tag", "a b&c");
    EXPECT_EQ(q.encode(), "fromImage=127.0.0.1%3A5000%2Fapp&tag=a%20b%26c");
    Filters f;
    ASSERT_TRUE(add_filter_arg(f, "dangling=true"));
    ASSERT_TRUE(add_filter_arg(f, "Label=a=b"));
    EXPECT_FALSE(add_filter_arg(f, "novalue"));
    EXPECT_EQ(encode_filters(f), R"({"dangling":{"true":true},"label":{"a=b":true}})");
    EXPECT_EQ(encode_path_name("127.0.0.1:5000/app:1"), "127.0.0.1:5000/app:1");
    EXPECT_EQ(encode_path_name("a b?"), "a%20b%3F");
}

TEST(ApiVersion, ComparesNumerically) {
    EXPECT_LT(compare_api_versions("1.9", "1.43"), 0);
    EXPECT_EQ(compare_api_versions("1.43", "1.43"), 0);
    EXPECT_GT(compare_api_versions("1.44", "1.43"), 0);
}

TEST(RegistryAuth, IsBase64UrlOfAuthConfigJson) {
    RegistryAuth a;
    a.username = "u";
    a.password = "p?>";
    // {"password":"p?>","username":"u"} -> standard base64 has '/' or '+' for "?>".
    std::string enc = encode_registry_auth(a);
    EXPECT_EQ(enc.find('+'), std::string::npos);
    EXPECT_EQ(enc.find('/'), std::string::npos);
    EXPECT_EQ(encode_registry_auth(RegistryAuth{}), "e30=");  // "{}"
}
