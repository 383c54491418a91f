// Times as the Engine API writes and reads them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::api {

std::int64_t now_unix_nanos();

// Go's time.RFC3339Nano in UTC: "2024-05-01T10:20:30.123456789Z", trailing zeros of the
// fraction dropped (and the fraction with them when it is zero).
std::string format_rfc3339_nano(std::int64_t unix_nanos);

// "2024-05-01T10:20:30Z", "2024-05-01T10:20:30.5+02:00" -> unix nanoseconds.
Result<std::int64_t> parse_rfc3339(std::string_view text);

// The `since`/`until` of /events and friends: unix seconds with an optional fraction
// ("1700000000", "1700000000.123456789", as the docker CLI sends them), or RFC3339.
Result<std::int64_t> parse_timestamp(std::string_view text);

}  // namespace berth::api
