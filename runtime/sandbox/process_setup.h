// Pieces the monitor and exec-process share: the process' stdio (pipes or a pty), the
// guard that kills an unstarted child, the capability set a spec asks for, and the exit
// record.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>

#include "common/result.h"
#include "sandbox/capabilities.h"
#include "sandbox/child_error.h"
#include "sandbox/spec.h"
#include "sandbox/sys.h"

namespace berth::sandbox {

struct Stdio {
    // Monitor side: stdout/stderr read ends (or the pty master) and the stdin write end.
    sys::UniqueFd out, err, in;
    // Child side.
    sys::UniqueFd child_in, child_out, child_err;
    std::string pty_slave;  // host path of the pty slave, when there is one
};
Result<Stdio> make_stdio(const Process &proc);

// Kills and reaps a child unless released.
class ChildGuard {
public:
    explicit ChildGuard(pid_t pid) : pid_(pid) {}
    ChildGuard(const ChildGuard &) = delete;
    ChildGuard &operator=(const ChildGuard &) = delete;
    ~ChildGuard();
    pid_t release() { return std::exchange(pid_, -1); }
    pid_t pid() const { return pid_; }

private:
    pid_t pid_;
};

Result<capabilities::CapMask> caps_for(const Security &sec, bool privileged_exec = false);
Result<void> write_exit(const std::string &path, int code, bool oom, const std::string &error);
Error step_error(const StepError &se);

}  // namespace berth::sandbox
