// Shared by `run` and `start -a`: follow a started container's output to our stdout and
// stderr, then wait for it and return its exit code.
#pragma once

#include <functional>
#include <string>

#include "cli/command.h"

namespace berth::cli::commands {

// docker's exit codes for `run`: 125 when the engine or the flags fail.
inline constexpr int kExitRunFailure = 125;

// Streams the logs (follow) until the container stops, then waits for its exit code.
// Errors are printed; the result is the exit code to return.
int follow_and_wait(Context &ctx, client::EngineClient &client, const std::string &id, bool tty,
                    int error_exit_code);

struct AttachSession {
    bool tty = false;
    bool stdin = false;       // forward our stdin (-i)
    bool logs = false;        // replay the log first (attach of a running container: no)
    std::string detach_keys;  // empty: ctrl-p,ctrl-q
};

// Attaches through a hijacked connection, runs `start` (if given) once attached so no
// output is missed, then pumps the session (stream_session.h). Returns the container's
// exit code, 0 when the user detached, or `error_exit_code` after printing an error.
int attach_and_wait(Context &ctx, client::EngineClient &client, const std::string &id, const AttachSession &session,
                    const std::function<Result<void>()> &start, int error_exit_code);

}  // namespace berth::cli::commands
