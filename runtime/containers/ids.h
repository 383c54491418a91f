// Container IDs and names as Docker makes them: 64 random hex characters, and
// "adjective_surname" names when the user gives none.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::containers {

// 64 lowercase hex characters from getrandom(2). Like Docker, the 12-character short
// form is never all digits (it would read as a number in the CLI).
std::string generate_id();

// A random "adjective_surname" (surnames of scientists and engineers).
std::string generate_name();

// "x" or "/x" -> "/x" if the name matches Docker's [a-zA-Z0-9][a-zA-Z0-9_.-]+,
// else 400 "Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed".
Result<std::string> normalize_name(std::string_view name);

}  // namespace berth::containers
