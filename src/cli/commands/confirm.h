// The prune commands' "Are you sure you want to continue? [y/N]" prompt.
#pragma once

#include <string>

#include "cli/command.h"

namespace berth::cli::commands {

// Prints the warning and the question; true only for a "y"/"yes" answer.
bool confirmed(Context &ctx, const std::string &warning);

}  // namespace berth::cli::commands
