// The monitor's (and exec-process') event loop: container output to the log and the
// attach clients, client input to the container's stdin, SIGCHLD to the exit status.
#pragma once

#include <sys/types.h>

#include "common/result.h"
#include "sandbox/attach.h"
#include "sandbox/json_log.h"
#include "sandbox/sys.h"

namespace berth::sandbox {

struct IoSetup {
    bool tty = false;
    bool open_stdin = false;
    bool stdin_once = false;
    sys::UniqueFd out;    // stdout pipe read end, or the pty master
    sys::UniqueFd err;    // stderr pipe read end (none with a TTY)
    sys::UniqueFd in;     // stdin pipe write end, or a dup of the pty master
    JsonLog *log = nullptr;
    attach::Server *attach = nullptr;
};

// Runs until `child` exited and its output is drained; returns the waitpid status.
// SIGCHLD must be blocked in the caller (a signalfd reads it).
Result<int> run_io(IoSetup io, pid_t child);

// Docker's exit code: the status, or 128+signal.
int exit_code_of(int wait_status);

}  // namespace berth::sandbox
