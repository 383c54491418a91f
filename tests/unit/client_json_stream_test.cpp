#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "client/json_stream.h"

using berth::client::JsonLineDecoder;
using nlohmann::json;

namespace {

std::vector<json> decode_in_pieces(const std::string &stream, std::size_t piece) {
    std::vector<json> got;
    JsonLineDecoder d([&](const json &j) {
        got.push_back(j);
        return true;
    });
    for (std::size_t i = 0; i < stream.size(); i += piece) {
        auto r = d.feed(std::string_view(stream).substr(i, piece));
        EXPECT_TRUE(r.ok()) << r.error().message();
    }
    EXPECT_TRUE(d.finish().ok());
    return got;
}

const std::string kPullStream =
    "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\n"
    "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"a1b2c3d4e5f6\"}\r\n"
    "\n"
    "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1024,\"total\":4096},\"id\":\"a1b2c3d4e5f6\"}\n"
    "{\"status\":\"Digest: sha256:abc\"}\n";

}  // namespace

TEST(JsonLineDecoder, DeliversEveryLineWhateverTheChunkSize) {
    for (std::size_t piece : {1u, 2u, 3u, 7u, 64u, 4096u}) {
        auto got = decode_in_pieces(kPullStream, piece);
        ASSERT_EQ(got.size(), 4u) << "piece size " << piece;
        EXPECT_EQ(got[0]["id"], "latest");
        EXPECT_EQ(got[2]["progressDetail"]["current"], 1024);
        EXPECT_EQ(got[3]["status"], "Digest: sha256:abc");
    }
}

TEST(JsonLineDecoder, DeliversALineAsSoonAsItsNewlineArrives) {
    int count = 0;
    JsonLineDecoder d([&](const json &) {
        ++count;
        return true;
    });
    ASSERT_TRUE(d.feed("{\"a\":").ok());
    EXPECT_EQ(count, 0);
    ASSERT_TRUE(d.feed("1}\n{\"b\"").ok());
    EXPECT_EQ(count, 1);
    ASSERT_TRUE(d.feed(":2}").ok());
    EXPECT_EQ(count, 1);
    ASSERT_TRUE(d.finish().ok());  // last line without newline
    EXPECT_EQ(count, 2);
}

TEST(JsonLineDecoder, StopsWhenTheCallbackSaysSo) {
    int count = 0;
    JsonLineDecoder d([&](const json &) { return ++count < 2; });
    ASSERT_TRUE(d.feed("{}\n{}\n{}\n{}\n").ok());
    EXPECT_EQ(count, 2);
    EXPECT_TRUE(d.stopped());
}

TEST(JsonLineDecoder, RejectsALineThatIsNotJson) {
    JsonLineDecoder d([](const json &) { return true; });
    auto r = d.feed("{\"ok\":1}\nnot json\n");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message().find("not json"), std::string::npos);
}

TEST(JsonLineDecoder, HandlesMultiByteUtf8SplitAcrossChunks) {
    const std::string line = "{\"status\":\"\xEC\x95\x88\xEB\x85\x95\"}\n";  // "안녕"
    auto got = decode_in_pieces(line, 1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0]["status"], "\xEC\x95\x88\xEB\x85\x95");
}

TEST(StreamErrorMessage, PrefersErrorDetail) {
    EXPECT_EQ(berth::client::stream_error_message(
                  json::parse(R"({"error":"short","errorDetail":{"message":"long form"}})")),
              "long form");
    EXPECT_EQ(berth::client::stream_error_message(json::parse(R"({"error":"only"})")), "only");
    EXPECT_EQ(berth::client::stream_error_message(json::parse(R"({"status":"fine"})")), "");
}
