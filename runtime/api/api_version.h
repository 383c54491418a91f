// The Engine API versions berthd speaks. Docker CLIs negotiate down to ApiVersion via the
// API-Version header of /_ping; 1.43 is the Engine API of Docker 24 whose shapes Berth follows.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::api {

inline constexpr std::string_view kMaxApiVersion = "1.43";
inline constexpr std::string_view kMinApiVersion = "1.24";

// Compares "1.41" and "1.9" numerically, part by part (as moby's versions.compare).
int compare_versions(std::string_view a, std::string_view b);

// 400 with Docker's wording when `requested` is outside [min, max].
Result<void> check_api_version(std::string_view requested);

}  // namespace berth::api
