// Reference parsing must agree with Docker (distribution/reference), because users type
// the same names into `docker` and `berth`, and the API echoes Docker's error texts.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "common/reference.h"

namespace berth {
namespace {

const std::string kHex = "7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa";
const std::string kDigest = "sha256:" + kHex;

struct Expected {
    std::string input;
    std::string domain;
    std::string path;
    std::string tag;
    std::string digest;
    std::string familiar;
    std::string full;
};

void PrintTo(const Expected &e, std::ostream *os) { *os << '"' << e.input << '"'; }

class ValidReference : public ::testing::TestWithParam<Expected> {};

TEST_P(ValidReference, NormalisesLikeDocker) {
    const Expected &e = GetParam();
    auto r = parse_reference(e.input);
    ASSERT_TRUE(r.ok()) << e.input << ": " << r.error().message();
    EXPECT_EQ(r->domain, e.domain) << e.input;
    EXPECT_EQ(r->path, e.path) << e.input;
    EXPECT_EQ(r->tag, e.tag) << e.input;
    EXPECT_EQ(r->digest, e.digest) << e.input;
    EXPECT_EQ(r->familiar(), e.familiar) << e.input;
    EXPECT_EQ(r->full(), e.full) << e.input;
}

INSTANTIATE_TEST_SUITE_P(
    Docker, ValidReference,
    ::testing::Values(
        Expected{"busybox", "docker.io", "library/busybox", "latest", "", "busybox:latest",
                 "docker.io/library/busybox:latest"},
        Expected{"busybox:1.36", "docker.io", "library/busybox", "1.36", "", "busybox:1.36",
                 "docker.io/library/busybox:1.36"},
        Expected{"docker.io/busybox", "docker.io", "library/busybox", "latest", "", "busybox:latest",
                 "docker.io/library/busybox:latest"},
        Expected{"docker.io/library/busybox", "docker.io", "library/busybox", "latest", "",
                 "busybox:latest", "docker.io/library/busybox:latest"},
        Expected{"index.docker.io/busybox", "docker.io", "library/busybox", "latest", "",
                 "busybox:latest", "docker.io/library/busybox:latest"},
        Expected{"index.docker.io/user/app", "docker.io", "user/app", "latest", "", "user/app:latest",
                 "docker.io/user/app:latest"},
        Expected{"user/app", "docker.io", "user/app", "latest", "", "user/app:latest",
                 "docker.io/user/app:latest"},
        Expected{"a/b/c", "docker.io", "a/b/c", "latest", "", "a/b/c:latest", "docker.io/a/b/c:latest"},
        // "library/" is only dropped when nothing is nested below it (familiarizeName).
        Expected{"docker.io/library/a/b", "docker.io", "library/a/b", "latest", "",
                 "library/a/b:latest", "docker.io/library/a/b:latest"},
        Expected{"127.0.0.1:5000/app", "127.0.0.1:5000", "app", "latest", "",
                 "127.0.0.1:5000/app:latest", "127.0.0.1:5000/app:latest"},
        Expected{"127.0.0.1:5000/team/app:1.0", "127.0.0.1:5000", "team/app", "1.0", "",
                 "127.0.0.1:5000/team/app:1.0", "127.0.0.1:5000/team/app:1.0"},
        Expected{"localhost/app", "localhost", "app", "latest", "", "localhost/app:latest",
                 "localhost/app:latest"},
        Expected{"localhost:5000/app:v2", "localhost:5000", "app", "v2", "", "localhost:5000/app:v2",
                 "localhost:5000/app:v2"},
        Expected{"registry.example.com/app", "registry.example.com", "app", "latest", "",
                 "registry.example.com/app:latest", "registry.example.com/app:latest"},
        Expected{"[::1]:5000/app", "[::1]:5000", "app", "latest", "", "[::1]:5000/app:latest",
                 "[::1]:5000/app:latest"},
        // A bare "host:port" is not a registry: it is Docker Hub's library/host with a tag.
        Expected{"localhost:5000", "docker.io", "library/localhost", "5000", "", "localhost:5000",
                 "docker.io/library/localhost:5000"},
        // An uppercase first component can't be a path, so Docker takes it for a registry.
        Expected{"Example/app", "Example", "app", "latest", "", "Example/app:latest",
                 "Example/app:latest"},
        Expected{"busybox@" + kDigest, "docker.io", "library/busybox", "", kDigest,
                 "busybox@" + kDigest, "docker.io/library/busybox@" + kDigest},
        Expected{"busybox:1.36@" + kDigest, "docker.io", "library/busybox", "1.36", kDigest,
                 "busybox:1.36@" + kDigest, "docker.io/library/busybox:1.36@" + kDigest},
        Expected{"127.0.0.1:5000/app@" + kDigest, "127.0.0.1:5000", "app", "", kDigest,
                 "127.0.0.1:5000/app@" + kDigest, "127.0.0.1:5000/app@" + kDigest},
        Expected{"a-b__c/e--f.g_h:Tag_1.x-y", "docker.io", "a-b__c/e--f.g_h", "Tag_1.x-y", "",
                 "a-b__c/e--f.g_h:Tag_1.x-y", "docker.io/a-b__c/e--f.g_h:Tag_1.x-y"},
        Expected{"app:_under", "docker.io", "library/app", "_under", "", "app:_under",
                 "docker.io/library/app:_under"}));

struct Invalid {
    std::string input;
    std::string message;
};

void PrintTo(const Invalid &c, std::ostream *os) { *os << '"' << c.input.substr(0, 80) << '"'; }

class InvalidReference : public ::testing::TestWithParam<Invalid> {};

TEST_P(InvalidReference, RejectedWithDockersReason) {
    const Invalid &c = GetParam();
    auto r = parse_reference(c.input);
    ASSERT_FALSE(r.ok()) << c.input << " parsed as " << r->full();
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument) << c.input;
    EXPECT_EQ(r.error().message(), c.message) << c.input;
}

INSTANTIATE_TEST_SUITE_P(
    Docker, InvalidReference,
    ::testing::Values(
        Invalid{"", "invalid reference format"},
        Invalid{"Busybox", "invalid reference format: repository name must be lowercase"},
        Invalid{"user/App", "invalid reference format: repository name must be lowercase"},
        Invalid{"127.0.0.1:5000/App:tag", "invalid reference format: repository name must be lowercase"},
        Invalid{kHex, "invalid repository name (" + kHex + "), cannot specify 64-byte hexadecimal strings"},
        Invalid{"busybox:", "invalid reference format"},
        Invalid{"busybox:-tag", "invalid reference format"},
        Invalid{"busybox:.tag", "invalid reference format"},
        Invalid{"busybox:" + std::string(129, 'a'), "invalid reference format"},
        Invalid{"busybox@sha256:abc", "invalid reference format"},
        Invalid{"busybox@sha256:" + std::string(63, 'a'), "invalid checksum digest length"},
        Invalid{"busybox@sha256:" + std::string(64, 'A'), "invalid checksum digest format"},
        Invalid{"busybox@md5:" + std::string(32, 'a'), "unsupported digest algorithm"},
        Invalid{"busybox@", "invalid reference format"},
        Invalid{"-busybox", "invalid reference format"},
        Invalid{"busybox-", "invalid reference format"},
        Invalid{"a..b", "invalid reference format"},
        Invalid{"a___b", "invalid reference format"},
        Invalid{"a//b", "invalid reference format"},
        Invalid{"/busybox", "invalid reference format"},
        Invalid{"busybox/", "invalid reference format"},
        Invalid{"127.0.0.1:5000/", "invalid reference format"},
        Invalid{"127.0.0.1:port/app", "invalid reference format"},
        Invalid{"a b", "invalid reference format"},
        // A '.' in the first component makes it a registry, where '_' is not allowed.
        Invalid{"a_b.c/app", "invalid reference format"},
        Invalid{"busybox:tag:tag", "invalid reference format"},
        Invalid{"x/" + std::string(256, 'a'), "repository name must not be more than 255 characters"},
        Invalid{std::string(5000, 'a'), "invalid reference format"}));

TEST(Reference, NameLengthCountsTheNormalisedName) {
    // "docker.io/x/" (12) + 243 = 255 characters is the longest name Docker accepts.
    const std::string longest = "x/" + std::string(243, 'a');
    auto ok = parse_reference(longest);
    ASSERT_TRUE(ok.ok()) << ok.error().message();
    EXPECT_EQ(ok->name().size(), 255u);
    EXPECT_FALSE(parse_reference(longest + "a").ok());
}

TEST(Reference, TagOf128CharactersIsTheLongestAllowed) {
    EXPECT_TRUE(parse_reference("busybox:" + std::string(128, 'a')).ok());
}

TEST(Reference, NoDefaultTagKeepsTagEmpty) {
    auto r = parse_reference_no_default_tag("busybox");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->tag, "");
    EXPECT_EQ(r->full(), "docker.io/library/busybox");
    EXPECT_EQ(r->familiar(), "busybox");
    auto t = parse_reference_no_default_tag("busybox:1");
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->tag, "1");
}

TEST(Reference, DigestOnlyGetsNoDefaultTag) {
    auto r = parse_reference("busybox@" + kDigest);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->has_digest());
    EXPECT_EQ(r->tag, "");
}

TEST(Reference, NamesWithoutTagOrDigest) {
    auto r = parse_reference("127.0.0.1:5000/team/app:1@" + kDigest);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->name(), "127.0.0.1:5000/team/app");
    EXPECT_EQ(r->familiar_name(), "127.0.0.1:5000/team/app");
    auto hub = parse_reference("busybox");
    ASSERT_TRUE(hub.ok());
    EXPECT_EQ(hub->name(), "docker.io/library/busybox");
    EXPECT_EQ(hub->familiar_name(), "busybox");
}

TEST(Reference, Sha512DigestsAreAccepted) {
    auto r = parse_reference("busybox@sha512:" + std::string(128, 'b'));
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(r->digest, "sha512:" + std::string(128, 'b'));
}

TEST(Reference, ValidDigestIsLowercaseSha256) {
    EXPECT_TRUE(is_valid_digest(kDigest));
    EXPECT_FALSE(is_valid_digest("sha256:" + std::string(64, 'A')));
    EXPECT_FALSE(is_valid_digest("sha256:" + std::string(63, 'a')));
    EXPECT_FALSE(is_valid_digest("sha512:" + std::string(64, 'a')));
    EXPECT_FALSE(is_valid_digest(kHex));
}

TEST(Reference, FullHexIdIs64LowercaseHex) {
    EXPECT_TRUE(is_full_hex_id(kHex));
    EXPECT_FALSE(is_full_hex_id(kHex.substr(1)));
    EXPECT_FALSE(is_full_hex_id("g" + kHex.substr(1)));
    EXPECT_FALSE(is_full_hex_id(kDigest));
}

TEST(Reference, HexNamesWithATagAreOrdinaryNames) {
    // Only the bare 64-hex string is refused; with a tag it is a normal repository name.
    auto r = parse_reference(kHex + ":1");
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(r->path, "library/" + kHex);
}

}  // namespace
}  // namespace berth
