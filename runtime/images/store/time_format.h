// RFC 3339 timestamps as image configs carry them ("2024-01-02T03:04:05.123456789Z",
// or with a "+02:00" offset).
#pragma once

#include <cstdint>
#include <string_view>

namespace berth::images {

// Unix seconds, or 0 when the text is not a valid timestamp.
std::int64_t parse_rfc3339(std::string_view text);

}  // namespace berth::images
