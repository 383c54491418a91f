// docker's multiplexed stream (logs, attach and exec without a TTY): each frame is an
// 8-byte header {stream, 0, 0, 0, size as big-endian uint32} followed by size bytes.
// Stream 0 is stdin (written as stdout by old engines), 1 stdout, 2 stderr, 3 an error
// message from the engine (API 1.42+, "systemerr").
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string_view>

#include "common/result.h"

namespace berth::client {

enum class StreamKind : std::uint8_t { Stdin = 0, Stdout = 1, Stderr = 2, System = 3 };

class MultiplexedStreamDecoder {
public:
    // Called with each piece of payload as it arrives: a frame split across chunks is
    // delivered in several pieces, in order, never merged with the next frame.
    // Return false to stop.
    using Callback = std::function<bool(StreamKind, std::string_view)>;

    explicit MultiplexedStreamDecoder(Callback cb) : cb_(std::move(cb)) {}

    // Fails on a header with an unknown stream byte (the stream is not multiplexed; a
    // TTY stream is raw and must not be given to this decoder).
    Result<void> feed(std::string_view chunk);

    // True when the stream ended in the middle of a frame or header.
    bool truncated() const { return header_len_ != 0 || remaining_ != 0; }
    bool stopped() const { return stopped_; }

private:
    Callback cb_;
    std::array<unsigned char, 8> header_{};
    std::size_t header_len_ = 0;
    std::uint32_t remaining_ = 0;
    StreamKind current_ = StreamKind::Stdout;
    bool stopped_ = false;
};

}  // namespace berth::client
