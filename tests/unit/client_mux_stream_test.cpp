#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "client/mux_stream.h"

using berth::client::MultiplexedStreamDecoder;
using berth::client::StreamKind;

namespace {

std::string frame(std::uint8_t stream, const std::string &payload) {
    std::string f(8, '\0');
    f[0] = static_cast<char>(stream);
    auto n = static_cast<std::uint32_t>(payload.size());
    f[4] = static_cast<char>(n >> 24);
    f[5] = static_cast<char>(n >> 16);
    f[6] = static_cast<char>(n >> 8);
    f[7] = static_cast<char>(n);
    return f + payload;
}

struct Collected {
    std::string out, err, sys;
    int pieces = 0;
};

Collected decode(const std::string &stream, std::size_t piece) {
    Collected c;
    MultiplexedStreamDecoder d([&](StreamKind k, std::string_view data) {
        ++c.pieces;
        if (k == StreamKind::Stderr) c.err += data;
        else if (k == StreamKind::System) c.sys += data;
        else c.out += data;
        return true;
    });
    for (std::size_t i = 0; i < stream.size(); i += piece) {
        auto r = d.feed(std::string_view(stream).substr(i, piece));
        EXPECT_TRUE(r.ok());
    }
    EXPECT_FALSE(d.truncated());
    return c;
}

}  // namespace

TEST(MultiplexedStreamDecoder, SeparatesStdoutAndStderrAtAnyChunkBoundary) {
    const std::string stream = frame(1, "hello\n") + frame(2, "oops\n") + frame(1, "") +
                               frame(1, std::string(70000, 'x')) + frame(0, "in-as-out");
    for (std::size_t piece : {1u, 3u, 8u, 9u, 4096u, 1u << 20}) {
        auto c = decode(stream, piece);
        EXPECT_EQ(c.out, "hello\n" + std::string(70000, 'x') + "in-as-out") << piece;
        EXPECT_EQ(c.err, "oops\n") << piece;
    }
}

TEST(MultiplexedStreamDecoder, DeliversAPartialFrameWithoutWaitingForItsEnd) {
    std::string got;
    MultiplexedStreamDecoder d([&](StreamKind, std::string_view data) {
        got += data;
        return true;
    });
    std::string f = frame(1, "abcdef");
    ASSERT_TRUE(d.feed(std::string_view(f).substr(0, 11)).ok());
    EXPECT_EQ(got, "abc");
    EXPECT_TRUE(d.truncated());
    ASSERT_TRUE(d.feed(std::string_view(f).substr(11)).ok());
    EXPECT_EQ(got, "abcdef");
    EXPECT_FALSE(d.truncated());
}

TEST(MultiplexedStreamDecoder, ReportsSystemErrorFrames) {
    auto c = decode(frame(3, "exec failed"), 5);
    EXPECT_EQ(c.sys, "exec failed");
}

TEST(MultiplexedStreamDecoder, RejectsARawTtyStream) {
    MultiplexedStreamDecoder d([](StreamKind, std::string_view) { return true; });
    EXPECT_FALSE(d.feed("hello world, not framed").ok());
}
