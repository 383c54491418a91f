// The registry client: its pure parts (challenges, platform choice, manifest parsing,
// insecure-registry rules, error wording) and, where docker-registry and skopeo are
// installed, real pulls from registries this test starts on 127.0.0.1.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "images/digest.h"
#include "images/registry/auth_challenge.h"
#include "images/registry/http_transport.h"
#include "images/registry/manifest_parse.h"
#include "images/registry/registry_errors.h"
#include "images/registry/registry_host.h"
#include "images/registry/registry_session.h"
#include "images/registry/tls_settings.h"
#include "images/registry/token_cache.h"
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
    EXPECT_FALSE(RegistryClient::create(RegistryConfig{}, Reference{}, std::nullopt).ok());
    EXPECT_TRUE(RegistryClient::create(RegistryConfig{}, ref_of("busybox"), std::nullopt).ok());
}

}  // namespace
}  // namespace berth::images
