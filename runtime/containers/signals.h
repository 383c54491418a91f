// Signal names as Docker accepts them (kill?signal=, StopSignal): "SIGTERM", "TERM",
// "term", "15"; 400 "Invalid signal: x" otherwise.
#pragma once

#include <string>

#include "common/result.h"

namespace berth::containers {

Result<int> parse_signal(const std::string &text);

}  // namespace berth::containers
