// The registry client: its pure parts (challenges, platform choice, manifest parsing,
// insecure-registry rules, error wording) and, where docker-registry and skopeo are
// installed, real pulls from registries this test starts on 127.0.0.1.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

#include "images/digest.h"
#include "registry/auth_challenge.h"
#include "registry/distribution_client.h"
#include "registry/http_transport.h"
#include "registry/manifest_parse.h"
#include "registry/registry_errors.h"
#include "registry/registry_host.h"
#include "registry/registry_session.h"
#include "registry/tls_settings.h"
#include "registry/token_cache.h"
#include "images/registry_client.h"

namespace berth::images {
namespace {

using namespace registry;

std::string read_data(const std::string &name) {
    std::ifstream in(std::string(BERTH_TEST_DATA) + "/registry/" + name, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string digest_of(char c) { return "sha256:" + std::string(64, c); }

// --- WWW-Authenticate -------------------------------------------------------------------

TEST(AuthChallenge, DockerHubBearer) {
    auto c = parse_www_authenticate(
        R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull")");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].scheme, "bearer");
    EXPECT_EQ(c[0].param("realm"), "https://auth.docker.io/token");
    EXPECT_EQ(c[0].param("service"), "registry.docker.io");
    EXPECT_EQ(c[0].param("scope"), "repository:library/busybox:pull");
}

TEST(AuthChallenge, CommasInsideQuotedScopeStayInTheValue) {
    auto c = parse_www_authenticate(
        R"(Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull,push")");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].param("scope"), "repository:a/b:pull,push");
    EXPECT_EQ(c[0].param("service"), "ghcr.io");
}

TEST(AuthChallenge, BasicRealmWithSpacesAndEscapes) {
    auto c = parse_www_authenticate(R"(Basic realm="Registry \"Realm\", with comma")");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].scheme, "basic");
    EXPECT_EQ(c[0].param("realm"), R"(Registry "Realm", with comma)");
}

TEST(AuthChallenge, SchemeAndNamesAreCaseInsensitiveAndSpacesAllowed) {
    auto c = parse_www_authenticate(R"(BEARER  Realm = "https://r/t" , Service=reg.example.com)");
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].scheme, "bearer");
    EXPECT_EQ(c[0].param("realm"), "https://r/t");
    EXPECT_EQ(c[0].param("service"), "reg.example.com");
}

TEST(AuthChallenge, SeveralChallengesInOneHeader) {
    auto c = parse_www_authenticate(R"(Basic realm="basic-realm", Bearer realm="https://a/token",service="s", Negotiate)");
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[0].scheme, "basic");
    EXPECT_EQ(c[0].param("realm"), "basic-realm");
    EXPECT_EQ(c[1].scheme, "bearer");
    EXPECT_EQ(c[1].param("realm"), "https://a/token");
    EXPECT_EQ(c[1].param("service"), "s");
    EXPECT_EQ(c[2].scheme, "negotiate");
}

TEST(AuthChallenge, Token68) {
    auto c = parse_www_authenticate("Negotiate YWJjZA==, Basic realm=x");
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].param("token68"), "YWJjZA==");
    EXPECT_EQ(c[1].param("realm"), "x");
}

TEST(AuthChallenge, SeveralHeadersAreConcatenated) {
    auto c = parse_www_authenticate(std::vector<std::string>{R"(Basic realm="a")", R"(Bearer realm="b")"});
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[1].param("realm"), "b");
}

TEST(AuthChallenge, MalformedInputDoesNotCrash) {
    for (const char *s : {"", ",,,", "\"", "Bearer realm=\"unterminated", "=x", "Bearer ,, realm=\"a\"",
                          "Bearer realm=", "Basic realm=\"a\" junk, Bearer realm=\"b\""}) {
        auto c = parse_www_authenticate(std::string_view(s));
        (void)c;
    }
    auto c = parse_www_authenticate(std::string_view("Basic realm=\"a\" junk, Bearer realm=\"b\""));
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[1].param("realm"), "b");
    auto u = parse_www_authenticate(std::string_view("Bearer realm=\"unterminated"));
    ASSERT_EQ(u.size(), 1u);
    EXPECT_EQ(u[0].param("realm"), "unterminated");
}

// --- platform selection -----------------------------------------------------------------

Platform platform(std::string os, std::string arch, std::string variant = "") {
    Platform p;
    p.os = std::move(os);
    p.architecture = std::move(arch);
    p.variant = std::move(variant);
    return p;
}

nlohmann::json data_json(const std::string &name) { return nlohmann::json::parse(read_data(name)); }

TEST(SelectPlatform, Amd64WithoutVariantPrefersThePlainEntry) {
    auto d = select_platform(data_json("docker_manifest_list.json"), platform("linux", "amd64"));
    ASSERT_TRUE(d.ok()) << d.error().message();
    EXPECT_EQ(d->digest, digest_of('7'));
    EXPECT_EQ(d->size, 528);
    ASSERT_TRUE(d->platform);
    EXPECT_EQ(d->platform->str(), "linux/amd64");
}

TEST(SelectPlatform, Amd64WithoutVariantTakesAVariantWhenThatIsAllThereIs) {
    auto d = select_platform(data_json("oci_index.json"), platform("linux", "amd64"));
    ASSERT_TRUE(d.ok()) << d.error().message();
    EXPECT_EQ(d->digest, digest_of('0'));  // v2 before v3: the lowest level runs on more CPUs
}

TEST(SelectPlatform, ExactVariantWins) {
    auto d = select_platform(data_json("docker_manifest_list.json"), platform("linux", "amd64", "v2"));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->digest, digest_of('6'));
}

TEST(SelectPlatform, Arm64MatchesV8AndAliases) {
    for (auto p : {platform("linux", "arm64"), platform("linux", "arm64", "v8"), platform("linux", "aarch64")}) {
        auto d = select_platform(data_json("docker_manifest_list.json"), p);
        ASSERT_TRUE(d.ok()) << p.str();
        EXPECT_EQ(d->digest, digest_of('5')) << p.str();
    }
    auto oci = select_platform(data_json("oci_index.json"), platform("linux", "arm64", "v8"));
    ASSERT_TRUE(oci.ok());
    EXPECT_EQ(oci->digest, digest_of('d'));
}

TEST(SelectPlatform, ArmV7AndItsOlderVariants) {
    auto list = data_json("docker_manifest_list.json");
    auto v7 = select_platform(list, platform("linux", "arm", "v7"));
    ASSERT_TRUE(v7.ok());
    EXPECT_EQ(v7->digest, digest_of('4'));
    auto plain_arm = select_platform(list, platform("linux", "arm"));  // arm means arm/v7
    ASSERT_TRUE(plain_arm.ok());
    EXPECT_EQ(plain_arm->digest, digest_of('4'));
    auto v6 = select_platform(list, platform("linux", "arm", "v6"));
    ASSERT_TRUE(v6.ok());
    EXPECT_EQ(v6->digest, digest_of('8'));
    auto v8 = select_platform(list, platform("linux", "arm", "v8"));  // v8 CPUs run v7 first
    ASSERT_TRUE(v8.ok());
    EXPECT_EQ(v8->digest, digest_of('4'));
    EXPECT_FALSE(select_platform(list, platform("linux", "arm", "v5")).ok());
}

TEST(SelectPlatform, OtherOperatingSystems) {
    auto d = select_platform(data_json("docker_manifest_list.json"), platform("windows", "amd64"));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->digest, digest_of('9'));
}

TEST(SelectPlatform, MissingPlatformSaysSoLikeDocker) {
    auto d = select_platform(data_json("oci_index.json"), platform("linux", "arm", "v7"));
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(d.error().message(), "no matching manifest for linux/arm/v7 in the manifest list entries");
    auto s390 = select_platform(data_json("docker_manifest_list.json"), platform("linux", "s390x"));
    ASSERT_FALSE(s390.ok());
    EXPECT_EQ(s390.error().message(), "no matching manifest for linux/s390x in the manifest list entries");
}

TEST(SelectPlatform, AttestationEntriesAreNeverChosen) {
    auto d = select_platform(data_json("oci_index.json"), platform("unknown", "unknown"));
    // "unknown/unknown" is what attestations claim; only an explicit request picks one.
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->digest, digest_of('e'));
    auto amd = select_platform(data_json("oci_index.json"), platform("linux", "amd64"));
    ASSERT_TRUE(amd.ok());
    EXPECT_NE(amd->digest, digest_of('e'));
}

TEST(SelectPlatform, HostPlatformString) {
    EXPECT_EQ(platform("linux", "arm", "v7").str(), "linux/arm/v7");
    EXPECT_EQ(platform("linux", "amd64").str(), "linux/amd64");
#if defined(__x86_64__)
    EXPECT_EQ(Platform::host().str(), "linux/amd64");
#endif
}

// --- manifest parsing -------------------------------------------------------------------

TEST(ManifestParse, DockerSchema2) {
    const std::string raw = read_data("docker_manifest.json");
    auto parsed = classify_manifest(raw, "application/vnd.docker.distribution.manifest.v2+json");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message();
    EXPECT_EQ(parsed->kind, ManifestKind::Image);
    auto m = parse_image_manifest(*parsed, raw, sha256_digest(raw));
    ASSERT_TRUE(m.ok()) << m.error().message();
    EXPECT_EQ(m->media_type, kDockerManifest);
    EXPECT_EQ(m->config.digest, digest_of('a'));
    EXPECT_EQ(m->config.size, 1469);
    ASSERT_EQ(m->layers.size(), 2u);
    EXPECT_EQ(m->layers[0].media_type, "application/vnd.docker.image.rootfs.diff.tar.gzip");
    EXPECT_EQ(m->layers[0].size, 2479061);
    EXPECT_EQ(m->layers[1].digest, digest_of('c'));
    EXPECT_EQ(m->raw, raw);
    EXPECT_EQ(m->digest, sha256_digest(raw));
}

TEST(ManifestParse, OciManifestWithoutMediaTypeFieldOrHeader) {
    const std::string raw = read_data("oci_manifest.json");
    for (const char *content_type : {"application/vnd.oci.image.manifest.v1+json", "application/json", ""}) {
        auto parsed = classify_manifest(raw, content_type);
        ASSERT_TRUE(parsed.ok()) << content_type << ": " << parsed.error().message();
        auto m = parse_image_manifest(*parsed, raw, sha256_digest(raw));
        ASSERT_TRUE(m.ok());
        EXPECT_EQ(m->media_type, kOciManifest);
        ASSERT_EQ(m->layers.size(), 2u);
        EXPECT_EQ(m->layers[0].media_type, "application/vnd.oci.image.layer.v1.tar+zstd");
        ASSERT_EQ(m->layers[1].urls.size(), 1u);
    }
}

TEST(ManifestParse, ListsAndIndexes) {
    auto list = classify_manifest(read_data("docker_manifest_list.json"),
                                  "application/vnd.docker.distribution.manifest.list.v2+json; charset=utf-8");
    ASSERT_TRUE(list.ok()) << list.error().message();
    EXPECT_EQ(list->kind, ManifestKind::Index);
    EXPECT_EQ(list->media_type, kDockerManifestList);
    auto index = classify_manifest(read_data("oci_index.json"), "application/octet-stream");
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->kind, ManifestKind::Index);
    EXPECT_EQ(index->media_type, kOciIndex);
    auto not_image = parse_image_manifest(*index, "", "");
    EXPECT_FALSE(not_image.ok());
}

TEST(ManifestParse, Schema1IsRefusedWithAReason) {
    auto m = classify_manifest(read_data("schema1_manifest.json"),
                               "application/vnd.docker.distribution.manifest.v1+prettyjws");
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.error().message().find("schema1"), std::string::npos) << m.error().message();
}

TEST(ManifestParse, BadDocumentsAreRefused) {
    EXPECT_FALSE(classify_manifest("not json", "").ok());
    EXPECT_FALSE(classify_manifest("[]", "").ok());
    EXPECT_FALSE(classify_manifest(R"({"schemaVersion":2})", "").ok());
    // The header and the body must agree on what this is.
    EXPECT_FALSE(classify_manifest(read_data("docker_manifest.json"), kOciManifest).ok());
    const std::string bad_digest = R"({"schemaVersion":2,"config":{"digest":"sha256:abc","size":1},"layers":[]})";
    auto parsed = classify_manifest(bad_digest, "");
    ASSERT_TRUE(parsed.ok());
    EXPECT_FALSE(parse_image_manifest(*parsed, bad_digest, "").ok());
    const std::string negative = R"({"schemaVersion":2,"config":{"digest":")" + digest_of('a') +
                                 R"(","size":-5},"layers":[]})";
    EXPECT_FALSE(parse_image_manifest(*classify_manifest(negative, ""), negative, "").ok());
    const std::string version3 = R"({"schemaVersion":3,"config":{},"layers":[]})";
    EXPECT_FALSE(classify_manifest(version3, "").ok());
}

TEST(ManifestParse, AcceptHeaderNamesAllFourTypes) {
    const std::string accept = manifest_accept_header();
    for (const char *t : {kDockerManifest, kDockerManifestList, kOciManifest, kOciIndex})
        EXPECT_NE(accept.find(t), std::string::npos) << t;
}

// --- insecure registries and hosts ------------------------------------------------------

TEST(RegistryHost, DockerIoIsServedByRegistry1) {
    EXPECT_EQ(registry_host("docker.io").api_host, "registry-1.docker.io");
    EXPECT_EQ(registry_host("127.0.0.1:5000").api_host, "127.0.0.1:5000");
    EXPECT_EQ(registry_host("127.0.0.1:5000").hostname, "127.0.0.1");
    EXPECT_EQ(registry_host("[::1]:5000").hostname, "::1");
    EXPECT_EQ(registry_host("localhost").hostname, "localhost");
}

TEST(RegistryHost, LoopbackIsAlwaysInsecureButNeverSkipsVerification) {
    for (const char *d : {"127.0.0.1:5000", "127.1.2.3", "localhost:5000", "localhost", "[::1]:5000"}) {
        EXPECT_TRUE(allows_plain_http(registry_host(d), {})) << d;
        EXPECT_FALSE(listed_as_insecure(registry_host(d), {})) << d;
    }
    for (const char *d : {"docker.io", "10.0.0.1:5000", "registry.example.com", "128.0.0.1", "[::2]:5000"})
        EXPECT_FALSE(allows_plain_http(registry_host(d), {})) << d;
}

TEST(RegistryHost, InsecureEntriesByHostPortAndCidr) {
    const std::vector<std::string> insecure{"registry.lan:5000", "10.1.0.0/16", "fd00::/8", "http://plain.lan"};
    EXPECT_TRUE(allows_plain_http(registry_host("registry.lan:5000"), insecure));
    EXPECT_FALSE(allows_plain_http(registry_host("registry.lan"), insecure));       // port must match
    EXPECT_FALSE(allows_plain_http(registry_host("registry.lan:5001"), insecure));
    EXPECT_TRUE(allows_plain_http(registry_host("10.1.200.3:443"), insecure));
    EXPECT_FALSE(allows_plain_http(registry_host("10.2.0.1"), insecure));
    EXPECT_TRUE(allows_plain_http(registry_host("[fd12::1]:5000"), insecure));
    EXPECT_TRUE(allows_plain_http(registry_host("plain.lan"), insecure));
    EXPECT_TRUE(listed_as_insecure(registry_host("10.1.0.9"), insecure));
}

TEST(RegistryHost, CidrMatching) {
    EXPECT_TRUE(ip_in_cidr("192.168.1.77", "192.168.1.0/24"));
    EXPECT_FALSE(ip_in_cidr("192.168.2.1", "192.168.1.0/24"));
    EXPECT_TRUE(ip_in_cidr("10.0.0.129", "10.0.0.128/25"));
    EXPECT_FALSE(ip_in_cidr("10.0.0.127", "10.0.0.128/25"));
    EXPECT_TRUE(ip_in_cidr("1.2.3.4", "0.0.0.0/0"));
    EXPECT_FALSE(ip_in_cidr("::1", "127.0.0.0/8"));
    EXPECT_FALSE(ip_in_cidr("host.name", "10.0.0.0/8"));
    EXPECT_FALSE(ip_in_cidr("10.0.0.1", "10.0.0.0/33"));
    EXPECT_FALSE(ip_in_cidr("10.0.0.1", "10.0.0.0"));
    EXPECT_FALSE(ip_in_cidr("10.0.0.1", "10.0.0.0/x"));
}

// --- errors -----------------------------------------------------------------------------

HttpResponse response(long status, std::string body = "") {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Reference ref_of(const std::string &text) { return parse_reference(text).value(); }

TEST(RegistryErrors, ManifestUnknownNamesTheReference) {
    auto e = manifest_error(response(404, R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"nope"}}]})"),
                            ref_of("127.0.0.1:5000/app:nope"));
    EXPECT_EQ(e.kind, ErrorKind::NotFound);
    EXPECT_EQ(e.message(), "manifest for 127.0.0.1:5000/app:nope not found: manifest unknown: manifest unknown");
    auto bare = manifest_error(response(404), ref_of("busybox:x"));
    EXPECT_EQ(bare.message(), "manifest for busybox:x not found: manifest unknown");
}

TEST(RegistryErrors, NameUnknown) {
    auto e = manifest_error(
        response(404, R"({"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]})"),
        ref_of("127.0.0.1:5000/nothere"));
    EXPECT_EQ(e.kind, ErrorKind::NotFound);
    EXPECT_EQ(e.message(), "repository 127.0.0.1:5000/nothere not found: name unknown: repository name not known to registry");
}

TEST(RegistryErrors, UnauthorizedAndDeniedSayPullAccessDenied) {
    auto e = manifest_error(response(401, R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]})"),
                            ref_of("private/app"));
    EXPECT_EQ(e.kind, ErrorKind::Unauthorized);
    EXPECT_EQ(e.message(), "pull access denied for private/app, repository does not exist or may require "
                           "'docker login': unauthorized: authentication required");
    auto denied = manifest_error(response(403), ref_of("private/app"));
    EXPECT_EQ(denied.kind, ErrorKind::Forbidden);
    EXPECT_NE(denied.message().find("denied: requested access to the resource is denied"), std::string::npos);
}

TEST(RegistryErrors, RateLimitAndServerErrors) {
    auto limited = response_error(
        response(429, R"({"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]})"),
        "fetch layer sha256:1");
    EXPECT_EQ(limited.message(), "fetch layer sha256:1: toomanyrequests: You have reached your pull rate limit.");
    auto bare429 = response_error(response(429), "x");
    EXPECT_EQ(bare429.message(), "x: toomanyrequests: too many requests");
    auto server = response_error(response(503, "<html>down</html>"), "fetch blob sha256:2");
    EXPECT_EQ(server.kind, ErrorKind::Internal);
    EXPECT_EQ(server.message(), "fetch blob sha256:2: received unexpected HTTP status: 503 Service Unavailable");
    auto with_json = response_error(response(500, R"({"errors":[{"code":"UNKNOWN","message":"boom"}]})"), "x");
    EXPECT_EQ(with_json.message(), "x: received unexpected HTTP status: 500 Internal Server Error: unknown: boom");
    auto blob404 = response_error(response(404, R"({"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry"}]})"),
                                  "fetch layer sha256:3");
    EXPECT_EQ(blob404.kind, ErrorKind::NotFound);
    EXPECT_EQ(blob404.message(), "fetch layer sha256:3: blob unknown: blob unknown to registry");
}

// --- small pieces -----------------------------------------------------------------------

TEST(TokenCache, CachesUntilShortlyBeforeExpiry) {
    TokenCache cache;
    auto now = TokenCache::Clock::now();
    cache.set_clock([&] { return now; });
    int fetches = 0;
    auto fetch = [&]() -> Result<BearerToken> {
        ++fetches;
        return BearerToken{"t" + std::to_string(fetches), std::chrono::seconds(300)};
    };
    EXPECT_EQ(cache.get("scope-a", fetch).value(), "t1");
    EXPECT_EQ(cache.get("scope-a", fetch).value(), "t1");
    EXPECT_EQ(cache.get("scope-b", fetch).value(), "t2");  // scopes don't share tokens
    now += std::chrono::seconds(269);
    EXPECT_EQ(cache.get("scope-a", fetch).value(), "t1");
    now += std::chrono::seconds(2);  // inside the last 10%: renewed early
    EXPECT_EQ(cache.get("scope-a", fetch).value(), "t3");
    cache.invalidate("scope-a");
    EXPECT_EQ(cache.get("scope-a", fetch).value(), "t4");
}

TEST(TokenCache, FetchErrorsAreNotCached) {
    TokenCache cache;
    int calls = 0;
    auto failing = [&]() -> Result<BearerToken> {
        ++calls;
        return Error::of(ErrorKind::Unauthorized, "no");
    };
    EXPECT_FALSE(cache.get("s", failing).ok());
    EXPECT_FALSE(cache.get("s", failing).ok());
    EXPECT_EQ(calls, 2);
}

TEST(HttpHelpers, ResolveAndOrigin) {
    EXPECT_EQ(resolve_url("http://127.0.0.1:5000/v2/a/tags/list", "/v2/a/tags/list?last=x&n=1"),
              "http://127.0.0.1:5000/v2/a/tags/list?last=x&n=1");
    EXPECT_EQ(resolve_url("https://r.example/v2/a/blobs/x", "https://cdn.example/blob?sig=1"),
              "https://cdn.example/blob?sig=1");
    EXPECT_EQ(url_origin("https://R.example/v2/"), "https://r.example:443");
    EXPECT_EQ(url_origin("http://127.0.0.1:5000/v2/x"), "http://127.0.0.1:5000");
    EXPECT_NE(url_origin("http://127.0.0.1:5000/"), url_origin("http://localhost:5000/"));
    EXPECT_NE(url_origin("http://r:80/"), url_origin("https://r:443/"));
}

TEST(HttpHelpers, BackoffDoublesFrom200ms) {
    EXPECT_EQ(RegistrySession::backoff(1).count(), 200);
    EXPECT_EQ(RegistrySession::backoff(2).count(), 400);
    EXPECT_EQ(RegistrySession::backoff(3).count(), 800);
    EXPECT_LE(RegistrySession::backoff(30).count(), 5000);
}

TEST(TlsSettings, CertsDirLayoutLikeDocker) {
    char tmpl[] = "/tmp/berth-certs-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    const std::filesystem::path root(tmpl);
    const auto dir = root / "127.0.0.1:5000";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "ca.crt") << "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n";
    std::ofstream(dir / "extra.crt") << "EXTRA\n";
    std::ofstream(root / "system.pem") << "SYSTEM\n";
    auto tls = load_tls_settings(root, "127.0.0.1:5000", root / "system.pem");
    ASSERT_TRUE(tls.ok()) << tls.error().message();
    EXPECT_EQ(tls->ca_bundle.find("SYSTEM"), 0u);  // system CAs stay trusted
    EXPECT_NE(tls->ca_bundle.find("CA"), std::string::npos);
    EXPECT_NE(tls->ca_bundle.find("EXTRA"), std::string::npos);
    EXPECT_TRUE(tls->client_cert.empty());

    auto none = load_tls_settings(root, "other:1", root / "system.pem");
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->ca_bundle.empty());

    std::ofstream(dir / "client.cert") << "C\n";
    auto missing_key = load_tls_settings(root, "127.0.0.1:5000", root / "system.pem");
    ASSERT_FALSE(missing_key.ok());
    EXPECT_NE(missing_key.error().message().find("missing key client.key"), std::string::npos);
    std::ofstream(dir / "client.key") << "K\n";
    auto with_client = load_tls_settings(root, "127.0.0.1:5000", root / "system.pem");
    ASSERT_TRUE(with_client.ok());
    EXPECT_EQ(with_client->client_cert, dir / "client.cert");
    EXPECT_EQ(with_client->client_key, dir / "client.key");

    EXPECT_TRUE(load_tls_settings(root, "..", root / "system.pem")->ca_bundle.empty());
    std::filesystem::remove_all(root);
}

TEST(RegistryClient, CreateNeedsARegistryAndRepository) {
    EXPECT_FALSE(open_distribution_client(RegistryConfig{}, Reference{}, std::nullopt).ok());
    EXPECT_TRUE(open_distribution_client(RegistryConfig{}, ref_of("busybox"), std::nullopt).ok());
}

// --- processes started by the live tests ------------------------------------------------

extern "C" char **environ;

bool executable(const char *path) { return ::access(path, X_OK) == 0; }

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) < 0) {
        if (fd >= 0) ::close(fd);
        return -1;
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

// Starts argv[0] (searched in PATH) with stdout and stderr appended to `log`.
pid_t spawn(const std::vector<std::string> &args, const std::string &log) {
    std::vector<char *> argv;
    for (const auto &a : args) argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

int run(const std::vector<std::string> &args, const std::string &log) {
    const pid_t pid = spawn(args, log);
    if (pid < 0) return -1;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool port_open(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// Waits until `pid` listens on `port`; false if it died or took longer than 20 s.
bool wait_listening(pid_t pid, int port) {
    for (int i = 0; i < 400; ++i) {
        if (port_open(port)) return true;
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

void stop_process(pid_t &pid) {
    if (pid <= 0) return;
    ::kill(pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            pid = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    pid = -1;
}

std::string slurp(const std::filesystem::path &p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Bytes that don't compress and differ per seed.
std::string noise(std::size_t size, unsigned seed) {
    std::string out(size, '\0');
    std::uint64_t x = 0x9e3779b97f4a7c15ull * (seed + 1);
    for (auto &c : out) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        c = static_cast<char>(x & 0xff);
    }
    return out;
}

// A minimal OCI image layout (image-layout spec): blobs/sha256/<hex>, index.json, oci-layout.
class OciLayout {
public:
    explicit OciLayout(std::filesystem::path dir) : dir_(std::move(dir)) {
        std::filesystem::create_directories(dir_ / "blobs" / "sha256");
    }

    Descriptor add_blob(const std::string &media_type, const std::string &data) {
        Descriptor d;
        d.media_type = media_type;
        d.digest = sha256_digest(data);
        d.size = static_cast<std::int64_t>(data.size());
        std::ofstream(dir_ / "blobs" / "sha256" / d.digest.substr(7), std::ios::binary) << data;
        return d;
    }

    static nlohmann::json descriptor_json(const Descriptor &d) {
        nlohmann::json j{{"mediaType", d.media_type}, {"digest", d.digest}, {"size", d.size}};
        if (d.platform) {
            j["platform"] = {{"os", d.platform->os}, {"architecture", d.platform->architecture}};
            if (!d.platform->variant.empty()) j["platform"]["variant"] = d.platform->variant;
        }
        return j;
    }

    // An image with one layer; returns its manifest's descriptor (and the manifest bytes).
    Descriptor add_image(const std::string &arch, const std::string &layer, std::string *manifest_out = nullptr) {
        const Descriptor l = add_blob("application/vnd.oci.image.layer.v1.tar", layer);
        const nlohmann::json config{{"architecture", arch},
                                    {"os", "linux"},
                                    {"rootfs", {{"type", "layers"}, {"diff_ids", {l.digest}}}}};
        const Descriptor c = add_blob("application/vnd.oci.image.config.v1+json", config.dump());
        const nlohmann::json manifest{{"schemaVersion", 2},
                                      {"mediaType", kOciManifest},
                                      {"config", descriptor_json(c)},
                                      {"layers", {descriptor_json(l)}}};
        const std::string raw = manifest.dump();
        if (manifest_out) *manifest_out = raw;
        Descriptor m = add_blob(kOciManifest, raw);
        Platform p;
        p.architecture = arch;
        m.platform = p;
        return m;
    }

    Descriptor add_index(const std::vector<Descriptor> &manifests) {
        nlohmann::json index{{"schemaVersion", 2}, {"mediaType", kOciIndex}, {"manifests", nlohmann::json::array()}};
        for (const auto &m : manifests) index["manifests"].push_back(descriptor_json(m));
        return add_blob(kOciIndex, index.dump());
    }

    void tag(const std::string &name, Descriptor d) {
        d.platform.reset();
        auto j = descriptor_json(d);
        j["annotations"] = {{"org.opencontainers.image.ref.name", name}};
        refs_.push_back(j);
        nlohmann::json index{{"schemaVersion", 2}, {"manifests", refs_}};
        std::ofstream(dir_ / "index.json") << index.dump();
        std::ofstream(dir_ / "oci-layout") << R"({"imageLayoutVersion":"1.0.0"})";
    }

private:
    std::filesystem::path dir_;
    nlohmann::json refs_ = nlohmann::json::array();
};

std::filesystem::path make_temp_dir(const char *prefix) {
    std::string tmpl = std::string("/tmp/") + prefix + "-XXXXXX";
    if (!mkdtemp(tmpl.data())) return {};
    return tmpl;
}

std::string registry_script() { return std::string(BERTH_TEST_DATA) + "/registry/start-registry.sh"; }

Reference repo_ref(int port, const std::string &path, const std::string &tag = "") {
    return parse_reference("127.0.0.1:" + std::to_string(port) + "/" + path + (tag.empty() ? "" : ":" + tag)).value();
}

// --- a real docker-registry over plain HTTP ----------------------------------------------

struct PlainRegistryState {
    std::filesystem::path dir;
    int port = -1;
    pid_t pid = -1;
    std::string setup_error;  // set when the registry or the pushes failed
    std::string app_manifest;  // the bytes pushed as test/app:1
    Descriptor app_layer, app_config, amd64_manifest, arm64_manifest, multi_index, tamper_layer;
    std::string app_layer_data;
};

class PlainRegistry : public ::testing::Test {
protected:
    static PlainRegistryState *s;

    static void SetUpTestSuite() {
        s = new PlainRegistryState;
        if (!executable("/usr/bin/docker-registry") || !executable("/usr/bin/skopeo")) return;
        s->dir = make_temp_dir("berth-registry-test");
        s->port = free_port();
        const std::string log = (s->dir / "setup.log").string();
        s->pid = spawn({"/bin/sh", registry_script(), (s->dir / "registry").string(), std::to_string(s->port)}, log);
        if (s->pid < 0 || !wait_listening(s->pid, s->port)) {
            s->setup_error = "docker-registry did not start: " + slurp(s->dir / "registry" / "registry.log");
            return;
        }
        OciLayout layout(s->dir / "layout");
        s->app_layer_data = noise(300 * 1024 + 17, 1);
        const Descriptor app = layout.add_image("amd64", s->app_layer_data, &s->app_manifest);
        layout.tag("app", app);
        const auto doc = nlohmann::json::parse(s->app_manifest);
        s->app_config = registry::parse_descriptor(doc["config"]).value();
        s->app_layer = registry::parse_descriptor(doc["layers"][0]).value();
        s->amd64_manifest = layout.add_image("amd64", noise(4096, 2));
        s->arm64_manifest = layout.add_image("arm64", noise(4096, 3));
        s->multi_index = layout.add_index({s->amd64_manifest, s->arm64_manifest});
        layout.tag("multi", s->multi_index);
        std::string tamper_manifest;
        layout.tag("tamper", layout.add_image("amd64", noise(64 * 1024, 4), &tamper_manifest));
        s->tamper_layer = registry::parse_descriptor(nlohmann::json::parse(tamper_manifest)["layers"][0]).value();

        const std::string dest = "docker://127.0.0.1:" + std::to_string(s->port) + "/";
        const std::string src = "oci:" + (s->dir / "layout").string() + ":";
        for (auto [name, target] : {std::pair{"app", "test/app:1"}, std::pair{"multi", "test/multi:latest"},
                                    std::pair{"tamper", "test/tamper:1"}}) {
            if (run({"skopeo", "copy", "--insecure-policy", "--all", "--preserve-digests", "--dest-tls-verify=false",
                     src + name, dest + target},
                    log) != 0) {
                s->setup_error = std::string("skopeo copy of ") + name + " failed: " + slurp(log);
                return;
            }
        }
    }

    static void TearDownTestSuite() {
        stop_process(s->pid);
        if (!s->dir.empty()) std::filesystem::remove_all(s->dir);
        delete s;
        s = nullptr;
    }

    void SetUp() override {
        if (!executable("/usr/bin/docker-registry") || !executable("/usr/bin/skopeo"))
            GTEST_SKIP() << "docker-registry or skopeo is not installed";
        ASSERT_TRUE(s->setup_error.empty()) << s->setup_error;
        work_ = make_temp_dir("berth-registry-blobs");
    }
    void TearDown() override {
        if (!work_.empty()) std::filesystem::remove_all(work_);
    }

    std::unique_ptr<RegistryClient> client(const std::string &path, RegistryConfig config = {}) {
        config.certs_dir = (work_ / "no-certs").string();
        auto c = open_distribution_client(config, repo_ref(s->port, path), std::nullopt);
        EXPECT_TRUE(c.ok()) << c.error().message();
        return std::move(c).value();
    }

    std::filesystem::path work_;
    std::atomic<bool> no_cancel_{false};
};

PlainRegistryState *PlainRegistry::s = nullptr;

TEST_F(PlainRegistry, FetchesAnOciManifestByTagAndVerifiesItsDigest) {
    auto c = client("test/app");
    auto m = c->fetch_manifest(repo_ref(s->port, "test/app", "1"), Platform::host());
    ASSERT_TRUE(m.ok()) << m.error().message();
    EXPECT_EQ(m->media_type, kOciManifest);
    EXPECT_EQ(m->raw, s->app_manifest);
    EXPECT_EQ(m->digest, sha256_digest(s->app_manifest));
    EXPECT_TRUE(m->index_digest.empty());
    EXPECT_EQ(m->config.digest, s->app_config.digest);
    ASSERT_EQ(m->layers.size(), 1u);
    EXPECT_EQ(m->layers[0].digest, s->app_layer.digest);
    EXPECT_EQ(m->layers[0].size, s->app_layer.size);
}

TEST_F(PlainRegistry, FetchesByPinnedDigest) {
    auto c = client("test/app");
    Reference pinned = repo_ref(s->port, "test/app");
    pinned.tag.clear();
    pinned.digest = sha256_digest(s->app_manifest);
    auto m = c->fetch_manifest(pinned, Platform::host());
    ASSERT_TRUE(m.ok()) << m.error().message();
    EXPECT_EQ(m->digest, pinned.digest);
}

TEST_F(PlainRegistry, ResolvesAnIndexToTheRequestedPlatform) {
    auto c = client("test/multi");
    Platform amd64, arm64;
    arm64.architecture = "arm64";
    auto a = c->fetch_manifest(repo_ref(s->port, "test/multi", "latest"), amd64);
    ASSERT_TRUE(a.ok()) << a.error().message();
    EXPECT_EQ(a->digest, s->amd64_manifest.digest);
    EXPECT_EQ(a->index_digest, s->multi_index.digest);
    auto b = c->fetch_manifest(repo_ref(s->port, "test/multi", "latest"), arm64);
    ASSERT_TRUE(b.ok()) << b.error().message();
    EXPECT_EQ(b->digest, s->arm64_manifest.digest);
    Platform ppc;
    ppc.architecture = "ppc64le";
    auto none = c->fetch_manifest(repo_ref(s->port, "test/multi", "latest"), ppc);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().message(), "no matching manifest for linux/ppc64le in the manifest list entries");
}

TEST_F(PlainRegistry, UnknownTagAndRepositoryAreNotFound) {
    auto c = client("test/app");
    auto tag = c->fetch_manifest(repo_ref(s->port, "test/app", "nope"), Platform::host());
    ASSERT_FALSE(tag.ok());
    EXPECT_EQ(tag.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(tag.error().message(), "manifest for 127.0.0.1:" + std::to_string(s->port) +
                                         "/test/app:nope not found: manifest unknown: manifest unknown");
    auto repo = client("test/nothere")->fetch_manifest(repo_ref(s->port, "test/nothere", "1"), Platform::host());
    ASSERT_FALSE(repo.ok());
    EXPECT_EQ(repo.error().kind, ErrorKind::NotFound);
    EXPECT_NE(repo.error().message().find("not found"), std::string::npos) << repo.error().message();
}

TEST_F(PlainRegistry, FetchesABlobWithProgressAndVerifiesIt) {
    auto c = client("test/app");
    std::int64_t last_done = -1, last_total = -1;
    int calls = 0;
    const auto dest = work_ / "layer";
    auto r = c->fetch_blob(
        s->app_layer, dest,
        [&](std::int64_t done, std::int64_t total) {
            EXPECT_GE(done, last_done);
            last_done = done;
            last_total = total;
            ++calls;
        },
        no_cancel_);
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(slurp(dest), s->app_layer_data);
    EXPECT_GE(calls, 1);
    EXPECT_EQ(last_done, s->app_layer.size);
    EXPECT_EQ(last_total, s->app_layer.size);
}

TEST_F(PlainRegistry, ConcurrentBlobDownloadsFromOneClient) {
    auto c = client("test/app");
    std::vector<std::thread> threads;
    std::mutex mutex;
    std::vector<std::string> failures;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&, i] {
            const Descriptor &d = i % 2 ? s->app_config : s->app_layer;
            const auto dest = work_ / ("blob-" + std::to_string(i));
            auto r = c->fetch_blob(d, dest, {}, no_cancel_);
            std::lock_guard lock(mutex);
            if (!r.ok()) failures.push_back(r.error().message());
            else if (sha256_file(dest).value() != d.digest) failures.push_back("wrong content in " + dest.string());
        });
    for (auto &t : threads) t.join();
    EXPECT_TRUE(failures.empty()) << failures.front();
}

TEST_F(PlainRegistry, TamperedBlobIsRemovedAndBothDigestsAreNamed) {
    const std::string hex = s->tamper_layer.digest.substr(7);
    const auto stored = s->dir / "registry" / "storage" / "docker" / "registry" / "v2" / "blobs" / "sha256" /
                        hex.substr(0, 2) / hex / "data";
    ASSERT_TRUE(std::filesystem::exists(stored)) << stored;
    std::string data = slurp(stored);
    data[data.size() / 2] = static_cast<char>(data[data.size() / 2] ^ 0x55);  // same size, other bytes
    std::ofstream(stored, std::ios::binary | std::ios::trunc) << data;

    const auto dest = work_ / "tampered";
    auto r = client("test/tamper")->fetch_blob(s->tamper_layer, dest, {}, no_cancel_);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message(), "digest mismatch for layer " + s->tamper_layer.digest + ": expected " +
                                       s->tamper_layer.digest + ", got " + sha256_digest(data));
    EXPECT_FALSE(std::filesystem::exists(dest));
}

TEST_F(PlainRegistry, WrongSizeIsRefusedAndRemoved) {
    Descriptor shorter = s->app_layer;
    shorter.size -= 1;
    const auto dest = work_ / "short";
    auto r = client("test/app")->fetch_blob(shorter, dest, {}, no_cancel_);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message().find("size mismatch for layer " + shorter.digest), std::string::npos)
        << r.error().message();
    EXPECT_FALSE(std::filesystem::exists(dest));
}

TEST_F(PlainRegistry, UnknownBlobIsNotFound) {
    Descriptor missing = s->app_layer;
    missing.digest = "sha256:" + std::string(64, '1');
    const auto dest = work_ / "missing";
    auto r = client("test/app")->fetch_blob(missing, dest, {}, no_cancel_);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::NotFound);
    EXPECT_FALSE(std::filesystem::exists(dest));
}

TEST_F(PlainRegistry, CancelledDownloadLeavesNoFile) {
    std::atomic<bool> cancel{true};
    const auto dest = work_ / "cancelled";
    auto r = client("test/app")->fetch_blob(s->app_layer, dest, {}, cancel);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Cancelled);
    EXPECT_FALSE(std::filesystem::exists(dest));
}

TEST_F(PlainRegistry, TagsAndCatalog) {
    auto tags = client("test/app")->list_tags();
    ASSERT_TRUE(tags.ok()) << tags.error().message();
    EXPECT_EQ(*tags, std::vector<std::string>{"1"});
    auto repos = client("test/app")->catalog();
    ASSERT_TRUE(repos.ok()) << repos.error().message();
    EXPECT_EQ(*repos, (std::vector<std::string>{"test/app", "test/multi", "test/tamper"}));
}

TEST_F(PlainRegistry, DeadRegistryFailsFastWithTheAddress) {
    const int port = free_port();  // nothing listens there
    RegistryConfig config;
    config.max_attempts = 2;
    auto c = open_distribution_client(config, repo_ref(port, "x"), std::nullopt).value();
    const auto start = std::chrono::steady_clock::now();
    auto m = c->fetch_manifest(repo_ref(port, "x", "1"), Platform::host());
    ASSERT_FALSE(m.ok());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    EXPECT_NE(m.error().message().find("127.0.0.1:" + std::to_string(port) + "/v2/"), std::string::npos)
        << m.error().message();
}

// --- a real docker-registry over HTTPS with Basic auth ----------------------------------

struct SecureRegistryState {
    std::filesystem::path dir;
    int port = -1;
    pid_t pid = -1;
    std::string setup_error;
    Descriptor layer;
    std::string layer_data;
};

class SecureRegistry : public ::testing::Test {
protected:
    static SecureRegistryState *s;
    static constexpr const char *kUser = "berth";
    static constexpr const char *kPassword = "correct horse";

    static void SetUpTestSuite() {
        s = new SecureRegistryState;
        if (!executable("/usr/bin/docker-registry") || !executable("/usr/bin/skopeo") ||
            !executable("/usr/bin/openssl") || !executable("/usr/bin/htpasswd"))
            return;
        s->dir = make_temp_dir("berth-tls-registry-test");
        s->port = free_port();
        const std::string log = (s->dir / "setup.log").string();
        s->pid = spawn({"/bin/sh", registry_script(), (s->dir / "registry").string(), std::to_string(s->port), "tls",
                        kUser, kPassword},
                       log);
        if (s->pid < 0 || !wait_listening(s->pid, s->port)) {
            s->setup_error = "docker-registry (TLS) did not start: " + slurp(log) +
                             slurp(s->dir / "registry" / "registry.log");
            return;
        }
        // skopeo's --dest-cert-dir and Berth's certs.d both read ca.crt.
        const auto host_dir = s->dir / "certs.d" / ("127.0.0.1:" + std::to_string(s->port));
        std::filesystem::create_directories(host_dir);
        std::filesystem::copy_file(s->dir / "registry" / "ca.crt", host_dir / "ca.crt");

        OciLayout layout(s->dir / "layout");
        s->layer_data = noise(100 * 1024, 9);
        std::string manifest;
        layout.tag("app", layout.add_image("amd64", s->layer_data, &manifest));
        s->layer = registry::parse_descriptor(nlohmann::json::parse(manifest)["layers"][0]).value();
        if (run({"skopeo", "copy", "--insecure-policy", "--preserve-digests", "--dest-cert-dir", host_dir.string(),
                 "--dest-creds", std::string(kUser) + ":" + kPassword, "oci:" + (s->dir / "layout").string() + ":app",
                 "docker://127.0.0.1:" + std::to_string(s->port) + "/secure/app:1"},
                log) != 0)
            s->setup_error = "skopeo copy to the TLS registry failed: " + slurp(log);
    }

    static void TearDownTestSuite() {
        stop_process(s->pid);
        if (!s->dir.empty()) std::filesystem::remove_all(s->dir);
        delete s;
        s = nullptr;
    }

    void SetUp() override {
        if (s->dir.empty()) GTEST_SKIP() << "docker-registry, skopeo, openssl or htpasswd is not installed";
        ASSERT_TRUE(s->setup_error.empty()) << s->setup_error;
        work_ = make_temp_dir("berth-registry-blobs");
    }
    void TearDown() override {
        if (!work_.empty()) std::filesystem::remove_all(work_);
    }

    std::unique_ptr<RegistryClient> client(std::optional<Credentials> creds, bool with_ca = true) {
        RegistryConfig config;
        config.certs_dir = with_ca ? (s->dir / "certs.d").string() : (work_ / "empty").string();
        config.max_attempts = 2;
        return open_distribution_client(config, repo_ref(s->port, "secure/app"), std::move(creds)).value();
    }

    static Credentials creds(const std::string &password) {
        Credentials c;
        c.username = kUser;
        c.password = password;
        return c;
    }

    std::filesystem::path work_;
    std::atomic<bool> no_cancel_{false};
};

SecureRegistryState *SecureRegistry::s = nullptr;

TEST_F(SecureRegistry, PullsWithBasicAuthOverVerifiedTls) {
    auto c = client(creds(kPassword));
    auto m = c->fetch_manifest(repo_ref(s->port, "secure/app", "1"), Platform::host());
    ASSERT_TRUE(m.ok()) << m.error().message();
    ASSERT_EQ(m->layers.size(), 1u);
    const auto dest = work_ / "layer";
    auto r = c->fetch_blob(m->layers[0], dest, {}, no_cancel_);
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(slurp(dest), s->layer_data);
}

TEST_F(SecureRegistry, NoCredentialsIsUnauthorized) {
    auto m = client(std::nullopt)->fetch_manifest(repo_ref(s->port, "secure/app", "1"), Platform::host());
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().kind, ErrorKind::Unauthorized);
    EXPECT_NE(m.error().message().find("pull access denied for 127.0.0.1:" + std::to_string(s->port) + "/secure/app"),
              std::string::npos)
        << m.error().message();
    EXPECT_NE(m.error().message().find("unauthorized: authentication required"), std::string::npos)
        << m.error().message();
}

TEST_F(SecureRegistry, WrongPasswordIsUnauthorized) {
    auto m = client(creds("wrong"))->fetch_manifest(repo_ref(s->port, "secure/app", "1"), Platform::host());
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().kind, ErrorKind::Unauthorized);
}

TEST_F(SecureRegistry, UnknownCaIsRefusedWithoutFallingBackToHttp) {
    auto m = client(creds(kPassword), false)->fetch_manifest(repo_ref(s->port, "secure/app", "1"), Platform::host());
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.error().message().find("https://127.0.0.1:" + std::to_string(s->port) + "/v2/"), std::string::npos)
        << m.error().message();
    EXPECT_NE(m.error().message().find("certificate"), std::string::npos) << m.error().message();
}

TEST_F(SecureRegistry, ListedAsInsecureSkipsVerificationLikeDockerd) {
    RegistryConfig config;
    config.certs_dir = (work_ / "empty").string();
    config.insecure_registries = {"127.0.0.1:" + std::to_string(s->port)};
    auto c = open_distribution_client(config, repo_ref(s->port, "secure/app"), creds(kPassword)).value();
    auto m = c->fetch_manifest(repo_ref(s->port, "secure/app", "1"), Platform::host());
    ASSERT_TRUE(m.ok()) << m.error().message();
}

// --- a scripted registry: tokens, redirects, retries -------------------------------------

class FakeRegistry : public ::testing::Test {
protected:
    static inline pid_t pid_ = -1;
    static inline int port_ = -1;
    static inline std::filesystem::path dir_;
    static inline std::string setup_error_;

    static void SetUpTestSuite() {
        if (!executable("/usr/bin/python3")) return;
        dir_ = make_temp_dir("berth-fake-registry");
        port_ = free_port();
        pid_ = spawn({"python3", std::string(BERTH_TEST_DATA) + "/registry/fake_registry.py", std::to_string(port_)},
                     (dir_ / "log").string());
        if (pid_ < 0 || !wait_listening(pid_, port_)) setup_error_ = "fake registry did not start: " + slurp(dir_ / "log");
    }
    static void TearDownTestSuite() {
        stop_process(pid_);
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }
    void SetUp() override {
        if (dir_.empty()) GTEST_SKIP() << "python3 is not installed";
        ASSERT_TRUE(setup_error_.empty()) << setup_error_;
    }

    std::unique_ptr<RegistryClient> client(const std::string &path, std::optional<Credentials> creds = std::nullopt,
                                           int attempts = 5) {
        RegistryConfig config;
        config.certs_dir = (dir_ / "no-certs").string();
        config.max_attempts = attempts;
        return open_distribution_client(config, repo_ref(port_, path), std::move(creds)).value();
    }

    nlohmann::json stats() {
        // Read through a plain transport: the counters are not part of the registry API.
        registry::HttpTransport t{registry::TlsSettings{}};
        auto r = t.perform({"GET", "http://127.0.0.1:" + std::to_string(port_) + "/stats", {}, {}}, {});
        return nlohmann::json::parse(r.response.body);
    }

    std::atomic<bool> no_cancel_{false};
};

TEST_F(FakeRegistry, BearerTokenIsFetchedOncePerScopeAndRedirectsDropIt) {
    const auto before = stats();
    auto c = client("app");
    auto m = c->fetch_manifest(repo_ref(port_, "app", "latest"), Platform::host());
    ASSERT_TRUE(m.ok()) << m.error().message();
    const auto dest = dir_ / "layer";
    std::vector<std::thread> threads;
    std::vector<Result<void>> results(3, Result<void>());
    for (int i = 0; i < 3; ++i)
        threads.emplace_back([&, i] {
            results[i] = c->fetch_blob(m->layers[0], dir_ / ("layer-" + std::to_string(i)), {}, no_cancel_);
        });
    for (auto &t : threads) t.join();
    for (auto &r : results) ASSERT_TRUE(r.ok()) << r.error().message();
    auto config = c->fetch_blob(m->config, dir_ / "config", {}, no_cancel_);
    ASSERT_TRUE(config.ok()) << config.error().message();
    const auto after = stats();
    EXPECT_EQ(after["token_requests"].get<int>() - before["token_requests"].get<int>(), 1);
    EXPECT_EQ(after["storage_requests"].get<int>() - before["storage_requests"].get<int>(), 3);
    EXPECT_EQ(after["leaked_auth"].get<int>(), 0) << "Authorization was sent to the redirect target";
}

TEST_F(FakeRegistry, TokenRealmGetsBasicCredentials) {
    Credentials alice;
    alice.username = "alice";
    alice.password = "s3cret";
    auto ok = client("private/app", alice)->fetch_manifest(repo_ref(port_, "private/app", "latest"), Platform::host());
    ASSERT_TRUE(ok.ok()) << ok.error().message();
    auto anonymous = client("private/app")->fetch_manifest(repo_ref(port_, "private/app", "latest"), Platform::host());
    ASSERT_FALSE(anonymous.ok());
    EXPECT_EQ(anonymous.error().kind, ErrorKind::Unauthorized);
    EXPECT_NE(anonymous.error().message().find("incorrect username or password"), std::string::npos)
        << anonymous.error().message();
}

TEST_F(FakeRegistry, IdentityTokenIsExchangedAtTheRealm) {
    Credentials oauth;
    oauth.identity_token = "refresh-me";
    auto ok = client("private/app", oauth)->fetch_manifest(repo_ref(port_, "private/app", "latest"), Platform::host());
    ASSERT_TRUE(ok.ok()) << ok.error().message();
    oauth.identity_token = "stale";
    auto refused = client("private/app", oauth)->fetch_manifest(repo_ref(port_, "private/app", "latest"),
                                                                Platform::host());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Unauthorized);
}

TEST_F(FakeRegistry, TransientStatusesAreRetriedHonouringRetryAfter) {
    const auto start = std::chrono::steady_clock::now();
    auto m = client("flaky/app")->fetch_manifest(repo_ref(port_, "flaky/app", "latest"), Platform::host());
    ASSERT_TRUE(m.ok()) << m.error().message();
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1000));  // Retry-After: 1
}

TEST_F(FakeRegistry, PersistentServerErrorGivesUpWithTheStatus) {
    auto m = client("down/app", std::nullopt, 2)->fetch_manifest(repo_ref(port_, "down/app", "latest"), Platform::host());
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().message(), "received unexpected HTTP status: 503 Service Unavailable: unavailable: try later");
}

TEST_F(FakeRegistry, ManifestNotMatchingDockerContentDigestIsRefused) {
    auto m = client("lying/app")->fetch_manifest(repo_ref(port_, "lying/app", "latest"), Platform::host());
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.error().message().find("digest mismatch for manifest latest: expected sha256:" + std::string(64, '0')),
              std::string::npos)
        << m.error().message();
}

TEST_F(FakeRegistry, ManifestNotMatchingThePinnedDigestIsRefused) {
    Reference pinned = repo_ref(port_, "pinned/app");
    pinned.tag.clear();
    pinned.digest = "sha256:" + std::string(64, 'a');
    auto m = client("pinned/app")->fetch_manifest(pinned, Platform::host());
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.error().message().find("expected " + pinned.digest + ", got sha256:"), std::string::npos)
        << m.error().message();
}

TEST_F(FakeRegistry, TagListFollowsLinkPagination) {
    auto tags = client("app")->list_tags();
    ASSERT_TRUE(tags.ok()) << tags.error().message();
    EXPECT_EQ(*tags, (std::vector<std::string>{"a", "b", "c", "d", "e"}));
}

TEST_F(FakeRegistry, CancellingMidTransferStopsAndRemovesTheFile) {
    auto c = client("slow/app");
    auto m = c->fetch_manifest(repo_ref(port_, "slow/app", "latest"), Platform::host());
    ASSERT_TRUE(m.ok()) << m.error().message();
    std::atomic<bool> cancel{false};
    const auto dest = dir_ / "slow-layer";
    const auto start = std::chrono::steady_clock::now();
    auto r = c->fetch_blob(
        m->layers[0], dest, [&](std::int64_t done, std::int64_t) { if (done > 0) cancel = true; }, cancel);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Cancelled);
    EXPECT_FALSE(std::filesystem::exists(dest));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));  // the whole layer takes > 6 s
}
}  // namespace
}  // namespace berth::images
