// Shared process setup (see process_setup.h).
#include "sandbox/process_setup.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "sandbox/pty.h"

namespace berth::sandbox {

ChildGuard::~ChildGuard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int st;
    while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
    }
}

Result<Stdio> make_stdio(const Process &proc) {
    Stdio s;
    if (proc.terminal) {
        auto p = TRY(pty::open_pair());
        if (proc.console_size.rows && proc.console_size.cols)
            TRY(pty::resize(p.master.get(), proc.console_size.rows, proc.console_size.cols));
        int dup = ::fcntl(p.master.get(), F_DUPFD_CLOEXEC, 3);
        if (dup < 0) return Error::sys("dup", "pty master");
        s.in.reset(dup);
        s.out = std::move(p.master);
        s.child_in = std::move(p.slave);
        s.pty_slave = p.slave_path;
        return s;
    }
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) < 0) return Error::sys("pipe", "stdout");
    s.out.reset(fds[0]);
    s.child_out.reset(fds[1]);
    if (::pipe2(fds, O_CLOEXEC) < 0) return Error::sys("pipe", "stderr");
    s.err.reset(fds[0]);
    s.child_err.reset(fds[1]);
    if (proc.open_stdin) {
        if (::pipe2(fds, O_CLOEXEC) < 0) return Error::sys("pipe", "stdin");
        s.child_in.reset(fds[0]);
        s.in.reset(fds[1]);
    } else {
        s.child_in = TRY(sys::open("/dev/null", O_RDONLY));
    }
    return s;
}

Result<capabilities::CapMask> caps_for(const Security &sec, bool privileged_exec) {
    if (sec.privileged || privileged_exec) {
        auto all = TRY(capabilities::to_mask(capabilities::all_capabilities()));
        all.bits &= capabilities::current_permitted().bits;
        return all;
    }
    return capabilities::to_mask(sec.capabilities);
}

Result<void> write_exit(const std::string &path, int code, bool oom, const std::string &error) {
    ExitStatus st{code, oom, sys::now_rfc3339nano(), error};
    return write_json_atomic(path, nlohmann::json(st));
}

Error step_error(const StepError &se) {
    Error e;
    e.op = se.step;
    e.err = se.err;
    return e;
}

}  // namespace berth::sandbox
