// Newline-delimited JSON as the engine streams it (pull/push/build progress, /events):
// bytes arrive in arbitrary chunks, each complete line becomes one json value as soon as
// its newline arrives.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::client {

class JsonLineDecoder {
public:
    // Returns false to stop decoding (the transfer is then cancelled by the caller).
    using Callback = std::function<bool(const nlohmann::json &)>;

    explicit JsonLineDecoder(Callback cb) : cb_(std::move(cb)) {}

    // Feeds the next chunk. Delivers every line it completes. Fails on a line that is not
    // JSON (with the line in the error); false from the callback stops early (ok result,
    // stopped() true).
    Result<void> feed(std::string_view chunk);

    // End of stream: a last line without a trailing newline is still delivered.
    Result<void> finish();

    bool stopped() const { return stopped_; }

private:
    Result<void> deliver(std::string_view line);

    Callback cb_;
    std::string pending_;
    bool stopped_ = false;
};

// If `message` is a progress/stream JSON message carrying an error ({"error": "...",
// "errorDetail": {"message": "..."}}), returns that message; else empty.
std::string stream_error_message(const nlohmann::json &message);

}  // namespace berth::client
