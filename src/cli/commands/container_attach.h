// Shared by `run` and `start -a`: follow a started container's output to our stdout and
// stderr, then wait for it and return its exit code.
#pragma once

#include <string>

#include "cli/command.h"

namespace berth::cli::commands {

// docker's exit codes for `run`: 125 when the engine or the flags fail.
inline constexpr int kExitRunFailure = 125;

// Streams the logs (follow) until the container stops, then waits for its exit code.
// Errors are printed; the result is the exit code to return.
int follow_and_wait(Context &ctx, client::EngineClient &client, const std::string &id, bool tty,
                    int error_exit_code);

}  // namespace berth::cli::commands
