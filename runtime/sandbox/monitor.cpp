// The monitor (see monitor.h and README.md): validate, prepare, cgroup, clone, sync,
// record state, serve I/O, reap, record the exit, clean up.
#include "sandbox/monitor.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "sandbox/attach.h"
#include "sandbox/cgroups.h"
#include "sandbox/container_child.h"
#include "sandbox/entry.h"
#include "sandbox/io_loop.h"
#include "sandbox/json_log.h"
#include "sandbox/namespaces.h"
#include "sandbox/process_setup.h"
#include "sandbox/pty.h"
#include "sandbox/sys.h"

namespace berth::sandbox::monitor {

void report(int fd, const nlohmann::json &line) {
    if (fd < 0) return;
    const std::string s = line.dump() + "\n";
    (void)sys::write_all(fd, s.data(), s.size(), "ready fd");
}

void report_error(int fd, const Error &e, const std::string &step) {
    report(fd, {{"error", e.message()}, {"step", step}});
}

bool wait_start(int fd) {
    std::string line;
    char c;
    while (line.size() < 64) {
        ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        if (c == '\n') break;
        line += c;
    }
    return line == "start";
}

int enter_detached() {
    int ready = -1;
    if (int flags = ::fcntl(3, F_GETFD); flags >= 0) {
        ::fcntl(3, F_SETFD, flags | FD_CLOEXEC);
        ready = 3;
    }
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    ::sigprocmask(SIG_BLOCK, &chld, nullptr);
    pid_t p = ::fork();
    if (p < 0) return ready;  // stay attached rather than fail the container
    if (p > 0) ::_exit(0);
    ::setsid();
    return ready;
}

namespace {

class Monitor {
public:
    Monitor(Spec spec, int ready_fd) : spec_(std::move(spec)), ready_(ready_fd) {}

    // Returns the monitor's exit status; every failure is reported on fd 3.
    int run() {
        auto r = start();
        if (!r) {
            report_error(ready_, r.error(), failed_step_.empty() ? r.error().op : failed_step_);
            (void)write_exit(spec_.bundle + "/exit.json", exit_code_on_error_, false, r.error().message());
            return 1;
        }
        return 0;
    }

private:
    Result<void> start() {
        const std::string &b = spec_.bundle;
        TRY(sys::write_file_atomic(b + "/monitor.pid", std::to_string(::getpid())));
        ::unlink((b + "/exit.json").c_str());

        // Plan everything before clone, in the monitor, where allocation and errors are cheap.
        ChildPlan plan;
        auto stdio = TRY(make_stdio(spec_.process));
        plan.overlay = overlay::plan(spec_.rootfs, b + "/.layers");
        TRY(overlay::prepare(plan.overlay, b + "/.layers"));
        plan.merged = spec_.rootfs.merged;
        const bool device_cgroup = cgroups::detect().version == "1";
        plan.overlay.nodev = !device_cgroup && !spec_.security.privileged;
        plan.mounts = TRY(mounts::plan(spec_, stdio.pty_slave, device_cgroup));
        plan.readonly_root = spec_.rootfs.readonly;
        plan.hostname = spec_.hostname;
        plan.domainname = spec_.domainname;
        plan.loopback = spec_.network.mode == "none";
        sys::UniqueFd netns;
        if (spec_.network.mode == "join") {
            netns = TRY(sys::open(spec_.network.path, O_RDONLY));
            plan.netns_fd = netns.get();
        }
        plan.tty = spec_.process.terminal;
        plan.stdin_fd = stdio.child_in.get();
        plan.stdout_fd = stdio.child_out.get();
        plan.stderr_fd = stdio.child_err.get();
        plan.rlimits = TRY(rlimits::plan(spec_.rlimits));
        plan.no_new_privs = spec_.security.no_new_privileges;
        seccomp::Program filter;
        if (!spec_.security.privileged && spec_.security.seccomp == "default") {
            filter = TRY(seccomp::build_default());
            plan.seccomp = &filter;
        }
        plan.caps = TRY(caps_for(spec_.security));
        plan.last_cap = capabilities::last_cap();
        plan.uid = spec_.process.uid;
        plan.gid = spec_.process.gid;
        plan.groups.assign(spec_.process.additional_gids.begin(), spec_.process.additional_gids.end());
        plan.cwd = spec_.process.cwd;
        plan.args = spec_.process.args;
        plan.env = spec_.process.env;
        plan.init = spec_.init;

        auto log = TRY(JsonLog::open(spec_.log.path, spec_.log.max_size, spec_.log.max_file));
        auto server = TRY(attach::Server::listen(b + "/attach.sock"));

        const std::string cg_path = spec_.cgroup.path.empty() ? cgroups::default_path(spec_.id) : spec_.cgroup.path;
        auto cg = TRY(cgroups::Cgroup::create(cg_path, spec_.cgroup.limits, spec_.security.privileged));
        cgroups::CgroupGuard cg_guard(&cg);

        int sp[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sp) < 0)
            return Error::sys("socketpair", "sync");
        sys::UniqueFd sync(sp[0]), child_sync(sp[1]);
        plan.sync_fd = child_sync.get();

        // Safe: the monitor is single-threaded (STYLE.md rule 5). Raw clone gives fork
        // semantics (no new stack) plus the namespace flags.
        long pid = ::syscall(SYS_clone, namespaces::clone_flags(spec_) | SIGCHLD, nullptr, nullptr,
                             nullptr, nullptr);
        if (pid < 0) return Error::sys("clone", "container");
        if (pid == 0) {
            sync.reset();
            child_main(plan);
        }
        ChildGuard child(static_cast<pid_t>(pid));
        child_sync.reset();
        stdio.child_in.reset();
        stdio.child_out.reset();
        stdio.child_err.reset();
        netns.reset();

        TRY(cg.enter(child.pid()));
        if (!sync_send_byte(sync.get(), 'g')) return Error::sys("sync", "go");
        TRY(receive_ready(sync.get()));
        TRY(sys::write_file_atomic(b + "/init.pid", std::to_string(child.pid())));

        const nlohmann::json ids = {{"pid", child.pid()}, {"monitor_pid", ::getpid()}};
        if (spec_.start_gate) {
            auto created = ids;
            created["state"] = "created";
            report(ready_, created);
            if (!wait_start(ready_)) {
                failed_step_ = "start gate";
                return Error{"wait for start", b, 0, "aborted before start"};
            }
        }
        if (!sync_send_byte(sync.get(), 's')) return Error::sys("sync", "start");
        TRY(receive_exec(sync.get()));
        sync.reset();
        auto running = ids;
        running["state"] = "running";
        report(ready_, running);
        if (ready_ >= 0) ::close(ready_);
        ready_ = -1;

        IoSetup io;
        io.tty = spec_.process.terminal;
        io.open_stdin = spec_.process.open_stdin;
        io.stdin_once = spec_.process.stdin_once;
        io.out = std::move(stdio.out);
        io.err = std::move(stdio.err);
        io.in = std::move(stdio.in);
        io.log = &log;
        io.attach = &server;
        const int status = TRY(run_io(std::move(io), child.release()));

        // The exit, in the order a reader of exit.json can rely on: OOM read before the
        // cgroup goes, exit.json last.
        const bool oom = cg.oom_killed().ok() && *cg.oom_killed();
        if (auto rm = cg.remove(); !rm)
            std::fprintf(stderr, "berthd monitor: %s\n", rm.error().message().c_str());
        cg_guard.keep();
        server.close_all();
        TRY(write_exit(b + "/exit.json", exit_code_of(status), oom, {}));
        return {};
    }

    Result<void> receive_ready(int fd) {
        StepError se;
        ssize_t n = ::recv(fd, &se, sizeof se, 0);
        if (n == static_cast<ssize_t>(sizeof se) && se.err == 0) return {};
        if (n == static_cast<ssize_t>(sizeof se)) {
            failed_step_ = se.step;
            return step_error(se);
        }
        failed_step_ = "setup";
        return Error{"container setup", spec_.id, 0, "the container process exited during setup"};
    }

    Result<void> receive_exec(int fd) {
        StepError se;
        ssize_t n = ::recv(fd, &se, sizeof se, 0);
        if (n == 0) return {};  // close-on-exec: execve succeeded
        failed_step_ = "exec";
        if (n == static_cast<ssize_t>(sizeof se)) {
            exit_code_on_error_ = se.err == ENOENT ? 127 : 126;
            return step_error(se);
        }
        return Error::sys("sync", "exec");
    }

    Spec spec_;
    int ready_;
    std::string failed_step_;
    int exit_code_on_error_ = 125;
};

}  // namespace

int run(const std::string &bundle, int ready_fd) {
    auto spec = load_spec(bundle + "/spec.json");
    if (!spec) {
        report_error(ready_fd, spec.error(), "load spec");
        return 1;
    }
    if (spec->bundle.empty()) spec->bundle = bundle;
    Monitor m(std::move(*spec), ready_fd);
    return m.run();
}

}  // namespace berth::sandbox::monitor

namespace berth::sandbox {

int monitor_main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: berthd monitor <bundle>\n");
        return 2;
    }
    const int ready = monitor::enter_detached();
    return monitor::run(argv[1], ready);
}

}  // namespace berth::sandbox
