// One attached session over a hijacked connection (exec, attach, run -i, start -ai):
// stdin to the engine, the stream to our stdout/stderr, and with a TTY the local terminal
// in raw mode, its size followed (initial size and SIGWINCH) and the detach keys honoured.
#pragma once

#include <functional>
#include <string>

#include "cli/command.h"
#include "client/hijack.h"

namespace berth::cli::commands {

struct SessionOptions {
    bool tty = false;            // raw stream and a raw local terminal (when stdin is one)
    bool forward_stdin = false;  // -i
    std::string detach_keys;     // as typed ("ctrl-p,ctrl-q"); empty: the default
    // Sends the local terminal's size to the engine (rows, cols); called at start and on
    // every SIGWINCH when the session has a TTY.
    std::function<void(int, int)> resize;
};

enum class SessionEnd { OutputEnded, Detached };

// Runs until the engine ends the stream or the user types the detach keys (then
// "read escape sequence" is printed to stderr, as docker does).
Result<SessionEnd> run_session(Context &ctx, client::HijackedConnection &conn, const SessionOptions &options);

}  // namespace berth::cli::commands
