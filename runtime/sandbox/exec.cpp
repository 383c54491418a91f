// `berthd exec-process <bundle> <exec-id>`: a process started inside a running container
// (docker exec). It joins the container init's namespaces and cgroup and gets the same
// security as the container; its own stdio, attach socket and exit record live in
// <bundle>/exec/<exec-id>/. Contract in README.md.
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "sandbox/attach.h"
#include "sandbox/cgroups.h"
#include "sandbox/container_child.h"
#include "sandbox/entry.h"
#include "sandbox/io_loop.h"
#include "sandbox/monitor.h"
#include "sandbox/namespaces.h"
#include "sandbox/process_setup.h"
#include "sandbox/sys.h"

namespace berth::sandbox {
namespace {

bool valid_exec_id(const std::string &id) {
    if (id.empty() || id.size() > 128) return false;
    for (char c : id)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
    return id != "." && id != "..";
}

class ExecProcess {
public:
    ExecProcess(std::string bundle, std::string id, int ready)
        : bundle_(std::move(bundle)), id_(std::move(id)), dir_(bundle_ + "/exec/" + id_), ready_(ready) {}

    int run() {
        auto r = start();
        if (!r) {
            monitor::report_error(ready_, r.error(), failed_step_.empty() ? r.error().op : failed_step_);
            if (sys::exists(dir_)) (void)write_exit(dir_ + "/exit.json", exit_code_on_error_, false, r.error().message());
            return 1;
        }
        return 0;
    }

private:
    Result<pid_t> running_init() {
        auto text = sys::read_file(bundle_ + "/init.pid");
        if (!text || sys::exists(bundle_ + "/exit.json"))
            return Error::conflict("container " + bundle_ + " is not running");
        const pid_t pid = static_cast<pid_t>(std::atol(text->c_str()));
        if (pid <= 0 || ::kill(pid, 0) < 0) return Error::conflict("container " + bundle_ + " is not running");
        return pid;
    }

    Result<void> start() {
        if (!valid_exec_id(id_)) return Error::invalid("bad exec id: " + id_);
        auto cspec = TRY(load_spec(bundle_ + "/spec.json"));
        auto espec = TRY(load_exec_spec(dir_ + "/spec.json"));
        const pid_t init = TRY(running_init());
        TRY(sys::write_file_atomic(dir_ + "/monitor.pid", std::to_string(::getpid())));
        ::unlink((dir_ + "/exit.json").c_str());

        ChildPlan plan;
        plan.setup_rootfs = false;
        plan.unshare_cgroupns = false;
        auto stdio = TRY(make_stdio(espec.process));
        plan.tty = espec.process.terminal;
        plan.stdin_fd = stdio.child_in.get();
        plan.stdout_fd = stdio.child_out.get();
        plan.stderr_fd = stdio.child_err.get();
        plan.rlimits = TRY(rlimits::plan(cspec.rlimits));
        plan.no_new_privs = cspec.security.no_new_privileges;
        const bool privileged = cspec.security.privileged || espec.privileged;
        seccomp::Program filter;
        if (!privileged && cspec.security.seccomp == "default") {
            filter = TRY(seccomp::build_default());
            plan.seccomp = &filter;
        }
        plan.caps = TRY(caps_for(cspec.security, espec.privileged));
        plan.last_cap = capabilities::last_cap();
        plan.uid = espec.process.uid;
        plan.gid = espec.process.gid;
        plan.groups.assign(espec.process.additional_gids.begin(), espec.process.additional_gids.end());
        plan.cwd = espec.process.cwd;
        plan.args = espec.process.args;
        plan.env = espec.process.env;

        auto joined = TRY(namespaces::open_of(init));
        const std::string cg_path = cspec.cgroup.path.empty() ? cgroups::default_path(cspec.id) : cspec.cgroup.path;
        auto cg = TRY(cgroups::Cgroup::open(cg_path));
        auto server = TRY(attach::Server::listen(dir_ + "/attach.sock"));

        int sp[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sp) < 0)
            return Error::sys("socketpair", "sync");
        sys::UniqueFd sync(sp[0]), child_sync(sp[1]);
        plan.sync_fd = child_sync.get();

        // The PID namespace applies to children only: join it here, so the fork below
        // lands inside; everything else is joined by the child, so this process keeps
        // the host's mounts (its bundle paths) for its own work.
        for (const auto &[flag, fd] : joined.fds)
            if (flag == CLONE_NEWPID && ::setns(fd.get(), CLONE_NEWPID) < 0)
                return Error::sys("setns", "pid namespace of " + std::to_string(init));
        const pid_t pid = ::fork();
        if (pid < 0) return Error::sys("fork", "exec");
        if (pid == 0) {
            sync.reset();
            StepError e;
            for (const auto &[flag, fd] : joined.fds) {
                if (flag == CLONE_NEWPID) continue;
                if (::setns(fd.get(), flag) < 0) {
                    fail(e, "setns", "container namespace", errno);
                    (void)sync_wait_byte(plan.sync_fd, 'g');
                    ::send(plan.sync_fd, &e, sizeof e, MSG_NOSIGNAL);
                    ::_exit(1);
                }
            }
            child_main(plan);
        }
        ChildGuard child(pid);
        child_sync.reset();
        stdio.child_in.reset();
        stdio.child_out.reset();
        stdio.child_err.reset();

        TRY(cg.enter(pid));
        if (!sync_send_byte(sync.get(), 'g')) return Error::sys("sync", "go");
        TRY(receive(sync.get(), false));
        const nlohmann::json ids = {{"pid", pid}, {"monitor_pid", ::getpid()}};
        if (espec.start_gate) {
            auto created = ids;
            created["state"] = "created";
            monitor::report(ready_, created);
            if (!monitor::wait_start(ready_)) {
                failed_step_ = "start gate";
                return Error{"wait for start", dir_, 0, "aborted before start"};
            }
        }
        if (!sync_send_byte(sync.get(), 's')) return Error::sys("sync", "start");
        TRY(receive(sync.get(), true));
        sync.reset();
        auto running = ids;
        running["state"] = "running";
        monitor::report(ready_, running);
        if (ready_ >= 0) ::close(ready_);
        ready_ = -1;

        IoSetup io;
        io.tty = espec.process.terminal;
        io.open_stdin = espec.process.open_stdin;
        io.stdin_once = espec.process.stdin_once;
        io.out = std::move(stdio.out);
        io.err = std::move(stdio.err);
        io.in = std::move(stdio.in);
        io.attach = &server;  // exec output is not logged, as in Docker
        const int status = TRY(run_io(std::move(io), child.release()));
        server.close_all();
        return write_exit(dir_ + "/exit.json", exit_code_of(status), false, {});
    }

    // Ready (after the setup) or EOF (after execve), or the child's StepError.
    Result<void> receive(int fd, bool after_exec) {
        StepError se;
        ssize_t n = ::recv(fd, &se, sizeof se, 0);
        if (after_exec && n == 0) return {};
        if (!after_exec && n == static_cast<ssize_t>(sizeof se) && se.err == 0) return {};
        failed_step_ = after_exec ? "exec" : "setup";
        if (n == static_cast<ssize_t>(sizeof se)) {
            if (after_exec) exit_code_on_error_ = se.err == ENOENT ? 127 : 126;
            return step_error(se);
        }
        return Error{"exec setup", id_, 0, "the process exited during setup"};
    }

    std::string bundle_, id_, dir_;
    int ready_;
    std::string failed_step_;
    int exit_code_on_error_ = 126;
};

}  // namespace

int exec_main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: berthd exec-process <bundle> <exec-id>\n");
        return 2;
    }
    const int ready = monitor::enter_detached();
    ExecProcess e(argv[1], argv[2], ready);
    return e.run();
}

}  // namespace berth::sandbox
