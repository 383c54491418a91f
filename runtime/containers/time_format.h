// Timestamps as the Engine API writes them: Go's RFC3339Nano ("2006-01-02T15:04:05.999999999Z",
// trailing zeros of the fraction dropped), and Go's zero time for "never".
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace berth::containers {

using Clock = std::chrono::system_clock;

inline constexpr std::string_view kZeroTime = "0001-01-01T00:00:00Z";

std::string format_rfc3339_nano(Clock::time_point t);
std::string now_rfc3339_nano();
// Nanoseconds since the epoch; nullopt for malformed text. The zero time gives INT64_MIN.
std::optional<std::int64_t> parse_rfc3339_nano(std::string_view text);
// The `since`/`until` query forms: unix seconds with an optional fraction, or RFC3339.
std::optional<std::int64_t> parse_api_timestamp(std::string_view text);

}  // namespace berth::containers
