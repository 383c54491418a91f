// SHA-256 against the FIPS 180-2 test vectors, fed at once, in pieces and from a file.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "images/digest.h"

using namespace berth::images;

TEST(Digest, KnownAnswers) {
    EXPECT_EQ(sha256_digest(""), "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_digest("abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "sha256:248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Digest, PiecesAndFileMatchOneShot) {
    const std::string million(1000000, 'a');
    const std::string expected = "sha256:cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    EXPECT_EQ(sha256_digest(million), expected);
    Sha256 h;
    for (std::size_t at = 0; at < million.size(); at += 777) h.update(million.substr(at, 777));
    EXPECT_EQ(h.digest(), expected);

    const auto path = std::filesystem::temp_directory_path() / ("berth-digest-" + std::to_string(::getpid()));
    std::ofstream(path, std::ios::binary) << million;
    auto from_file = sha256_file(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(from_file.ok()) << from_file.error().message();
    EXPECT_EQ(*from_file, expected);
    EXPECT_FALSE(sha256_file(path).ok());
}

TEST(Digest, ChainId) {
    const std::string a = sha256_digest("a"), b = sha256_digest("b");
    EXPECT_EQ(chain_id("", a), a);
    EXPECT_EQ(chain_id(a, b), sha256_digest(a + " " + b));
}
