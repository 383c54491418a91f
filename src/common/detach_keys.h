// Docker's detach keys ("ctrl-p,ctrl-q" by default): a key sequence typed on an attached
// TTY that ends the attachment and leaves the container running. Both ends look for it:
// the engine in the stdin it forwards, the CLI in what it reads from the terminal.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace berth {

inline constexpr const char *kDefaultDetachKeys = "ctrl-p,ctrl-q";

// "ctrl-p,ctrl-q", "ctrl-a,d", "ctrl-@": the bytes they stand for. A single letter or
// "ctrl-" plus one of a-z @ [ \ ] ^ _ per entry; 400 "Invalid detach keys (...) provided"
// otherwise, as Docker says. An empty spec gives the default.
Result<std::string> parse_detach_keys(std::string_view spec);

// Scans a byte stream for the sequence. Bytes that might start the sequence are held back
// until the next read decides; when the sequence turns out not to follow they are passed on.
class DetachKeyMatcher {
public:
    explicit DetachKeyMatcher(std::string keys) : keys_(std::move(keys)) {}

    // The bytes to forward for this chunk. `detached` becomes true when the whole sequence
    // was read; what follows it in the chunk is dropped.
    std::string feed(std::string_view data, bool &detached);

private:
    std::string keys_;
    std::size_t matched_ = 0;
};

}  // namespace berth
