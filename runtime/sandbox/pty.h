// The container's terminal: a pty pair from the host's /dev/ptmx. The monitor keeps the
// master; the child makes the slave its controlling terminal and stdio.
#pragma once

#include <string>

#include "common/result.h"
#include "sandbox/child_error.h"
#include "sandbox/sys.h"

namespace berth::sandbox::pty {

struct Pair {
    sys::UniqueFd master;
    sys::UniqueFd slave;
    std::string slave_path;  // /dev/pts/N on the host (bound at /dev/console)
};

Result<Pair> open_pair();
Result<void> resize(int fd, unsigned rows, unsigned cols);
// In the child: new session, controlling tty, stdio on the slave.
int attach_as_controlling(int slave_fd, StepError &e);

}  // namespace berth::sandbox::pty
