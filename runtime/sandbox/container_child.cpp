// The container's first process (see container_child.h).
#include "sandbox/container_child.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "sandbox/namespaces.h"
#include "sandbox/pivot.h"
#include "sandbox/pty.h"
#include "sandbox/tiny_init.h"
#include "sandbox/user.h"

namespace berth::sandbox {

bool sync_send_byte(int fd, char c) {
    for (;;) {
        if (send(fd, &c, 1, MSG_NOSIGNAL) == 1) return true;
        if (errno != EINTR) return false;
    }
}

int sync_wait_byte(int fd, char c) {
    char got;
    for (;;) {
        ssize_t n = recv(fd, &got, 1, 0);
        if (n == 1) return got == c ? 1 : -1;
        if (n == 0) return 0;
        if (errno != EINTR) return -1;
    }
}

namespace {

[[noreturn]] void die(int sync_fd, const StepError &e, int code = 1) {
    send(sync_fd, &e, sizeof e, MSG_NOSIGNAL);
    _exit(code);
}

// PATH lookup in the container's own environment (execvpe would use ours).
const char *find_executable(const ChildPlan &p, char (&buf)[4096], int &err) {
    const std::string &cmd = p.args[0];
    if (cmd.find('/') != std::string::npos) return cmd.c_str();
    const char *path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    for (const auto &e : p.env)
        if (e.rfind("PATH=", 0) == 0) path = e.c_str() + 5;
    err = ENOENT;
    const char *s = path;
    while (*s) {
        const char *colon = std::strchr(s, ':');
        const size_t len = colon ? static_cast<size_t>(colon - s) : std::strlen(s);
        std::snprintf(buf, sizeof buf, "%.*s/%s", static_cast<int>(len), s, cmd.c_str());
        struct stat st;
        if (len && stat(buf, &st) == 0 && S_ISREG(st.st_mode)) {
            if (access(buf, X_OK) == 0) return buf;
            err = EACCES;
        }
        if (!colon) break;
        s = colon + 1;
    }
    return nullptr;
}

void setup_stdio(const ChildPlan &p, StepError &e) {
    if (p.tty) {
        if (pty::attach_as_controlling(p.stdin_fd, e)) die(p.sync_fd, e);
        return;
    }
    if (setsid() < 0) die(p.sync_fd, e, fail(e, "setsid", "", errno));
    const int fds[3] = {p.stdin_fd, p.stdout_fd, p.stderr_fd};
    for (int i = 0; i < 3; ++i)
        if (fds[i] >= 0 && dup2(fds[i], i) < 0) die(p.sync_fd, e, fail(e, "dup2", "stdio", errno));
}

}  // namespace

[[noreturn]] void child_main(const ChildPlan &p) {
    StepError e;
    const int sync = p.sync_fd;
    if (sync_wait_byte(sync, 'g') != 1) _exit(1);  // the monitor is gone

    // Namespaces that are set up from inside.
    if (p.unshare_cgroupns && unshare(CLONE_NEWCGROUP) < 0)
        die(sync, e, fail(e, "unshare", "cgroup namespace", errno));
    if (p.netns_fd >= 0 && setns(p.netns_fd, CLONE_NEWNET) < 0)
        die(sync, e, fail(e, "setns", "network namespace", errno));
    if (p.setup_rootfs) {
        if (namespaces::set_hostname(p.hostname, p.domainname, e)) die(sync, e);
        if (p.loopback && namespaces::loopback_up(e)) die(sync, e);

        // The root filesystem.
        if (pivot::isolate_propagation(e)) die(sync, e);
        if (overlay::mount_rootfs(p.overlay, p.merged, e)) die(sync, e);
        int root = open(p.merged.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (root < 0) die(sync, e, fail(e, "open", p.merged.c_str(), errno));
        if (mounts::execute(p.mounts, root, e)) die(sync, e);
        int cwd = mounts::open_in_root(root, p.cwd, true, false);
        if (cwd < 0) die(sync, e, fail(e, "create working directory", p.cwd.c_str(), -cwd));
        close(cwd);
        close(root);
        if (pivot::pivot_into(p.merged, e)) die(sync, e);
        if (p.readonly_root && pivot::remount_root_readonly(e)) die(sync, e);
    }

    setup_stdio(p, e);

    // Security, from the widest to the narrowest: limits, no_new_privs, the filter (while
    // we still hold CAP_SYS_ADMIN, so it loads without no_new_privs, as runc does), the
    // bounding set (needs CAP_SETPCAP), the user, and the final capability sets.
    const char *step = "";
    if (int err = rlimits::apply(p.rlimits, &step)) die(sync, e, fail(e, step, "", err));
    if (p.no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        die(sync, e, fail(e, "prctl", "no_new_privs", errno));
    if (p.seccomp)
        if (int err = seccomp::install(*p.seccomp, &step)) die(sync, e, fail(e, step, "", err));
    if (int err = capabilities::drop_bounding(p.caps, p.last_cap, &step)) die(sync, e, fail(e, step, "", err));
    if (int err = user::switch_to(p.uid, p.gid, p.groups, &step)) die(sync, e, fail(e, step, "", err));
    if (int err = capabilities::set_process_caps(p.caps, &step)) die(sync, e, fail(e, step, "", err));
    if (chdir(p.cwd.c_str()) < 0) die(sync, e, fail(e, "chdir", p.cwd.c_str(), errno));

    std::vector<char *> argv, envp;
    for (const auto &a : p.args) argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    for (const auto &v : p.env) envp.push_back(const_cast<char *>(v.c_str()));
    envp.push_back(nullptr);

    // Ready; wait for the start.
    e.err = 0;
    if (send(sync, &e, sizeof e, MSG_NOSIGNAL) < 0) _exit(1);
    if (sync_wait_byte(sync, 's') != 1) _exit(1);

    sigset_t all;
    sigfillset(&all);
    if (p.init) {
        sigprocmask(SIG_SETMASK, &all, nullptr);
        pid_t child = fork();
        if (child < 0) die(sync, e, fail(e, "fork", "init", errno));
        if (child > 0) {
            close(sync);  // the process reports its own execve (EOF on success)
            tiny_init::run(child);
        }
        // The process leads its own process group under the init, like tini's child.
        setpgid(0, 0);
        if (p.tty) tcsetpgrp(0, getpid());
    }
    // The monitor ignores SIGPIPE and blocks SIGCHLD; execve keeps both, the process must not.
    signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);

    char buf[4096];
    int err = 0;
    const char *exe = find_executable(p, buf, err);
    if (exe) {
        execve(exe, argv.data(), envp.data());
        err = errno;
    }
    fail(e, "exec", p.args[0].c_str(), err);
    die(sync, e, err == ENOENT ? 127 : 126);
}

}  // namespace berth::sandbox
