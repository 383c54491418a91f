// The mount plan and its execution (see mounts.h).
#include "sandbox/mounts.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace berth::sandbox::mounts {

const std::vector<std::string> &masked_paths() {
    static const std::vector<std::string> p = {
        "/proc/asound",       "/proc/acpi",        "/proc/kcore",       "/proc/keys",
        "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
        "/proc/scsi",         "/sys/firmware",     "/sys/devices/virtual/powercap",
    };
    return p;
}

const std::vector<std::string> &readonly_paths() {
    static const std::vector<std::string> p = {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                                               "/proc/sysrq-trigger"};
    return p;
}

Result<Options> parse_options(const std::vector<std::string> &words, bool is_bind) {
    Options o;
    bool recursive = true;  // Docker binds are rbind unless "bind" is asked for
    for (const auto &w : words) {
        if (w == "ro") o.readonly = true;
        else if (w == "rw") o.readonly = false;
        else if (w == "nosuid") o.flags |= MS_NOSUID;
        else if (w == "suid") o.flags &= ~static_cast<unsigned long>(MS_NOSUID);
        else if (w == "nodev") o.flags |= MS_NODEV;
        else if (w == "dev") o.flags &= ~static_cast<unsigned long>(MS_NODEV);
        else if (w == "noexec") o.flags |= MS_NOEXEC;
        else if (w == "exec") o.flags &= ~static_cast<unsigned long>(MS_NOEXEC);
        else if (w == "bind") recursive = false;
        else if (w == "rbind") recursive = true;
        else if (w == "private") o.propagation = MS_PRIVATE;
        else if (w == "rprivate") o.propagation = MS_PRIVATE | MS_REC;
        else if (w == "slave") o.propagation = MS_SLAVE;
        else if (w == "rslave") o.propagation = MS_SLAVE | MS_REC;
        else if (w == "shared") o.propagation = MS_SHARED;
        else if (w == "rshared") o.propagation = MS_SHARED | MS_REC;
        else if (w == "z" || w == "Z" || w == "copy" || w == "nocopy") continue;  // not ours
        else if (!is_bind && w.find('=') != std::string::npos &&
                 (w.rfind("size=", 0) == 0 || w.rfind("mode=", 0) == 0 ||
                  w.rfind("uid=", 0) == 0 || w.rfind("gid=", 0) == 0 ||
                  w.rfind("nr_inodes=", 0) == 0)) {
            if (w.find(',') != std::string::npos) return Error::invalid("bad mount option: " + w);
            if (!o.data.empty()) o.data += ',';
            o.data += w;
        } else {
            return Error::invalid("unknown mount option: " + w);
        }
    }
    if (is_bind) {
        o.flags |= MS_BIND | (recursive ? MS_REC : 0);
        if (o.propagation == 0) o.propagation = MS_PRIVATE | MS_REC;  // Docker's rprivate
    } else if (o.readonly) {
        o.flags |= MS_RDONLY;
    }
    return o;
}

namespace {

MountOp mount_op(std::string source, std::string target, std::string fstype,
                 unsigned long flags, std::string data = {}) {
    MountOp op;
    op.source = std::move(source);
    op.target = std::move(target);
    op.fstype = std::move(fstype);
    op.flags = flags;
    op.data = std::move(data);
    return op;
}

MountOp bind_file(std::string source, std::string target) {
    MountOp op = mount_op(std::move(source), std::move(target), "", MS_BIND);
    op.file = true;
    return op;
}

MountOp symlink_op(std::string text, std::string target) {
    MountOp op;
    op.kind = MountOp::Kind::Symlink;
    op.source = std::move(text);
    op.target = std::move(target);
    return op;
}

size_t depth(const std::string &p) {
    return static_cast<size_t>(std::count(p.begin(), p.end(), '/'));
}

}  // namespace

Result<std::vector<MountOp>> plan(const Spec &spec, const std::string &pty_slave, bool device_cgroup) {
    const bool priv = spec.security.privileged;
    std::vector<MountOp> ops;
    ops.push_back(mount_op("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC));
    // The device binds below are mounts of their own and keep the host's flags.
    const unsigned long dev_nodev = device_cgroup || priv ? 0 : MS_NODEV;
    ops.push_back(mount_op("tmpfs", "/dev", "tmpfs", MS_NOSUID | MS_STRICTATIME | dev_nodev,
                           "mode=755,size=65536k"));
    // Bind the host's device nodes rather than mknod: it works wherever the host has them
    // and carries their permissions, as runc does in a user namespace.
    for (const char *dev : {"null", "zero", "full", "random", "urandom", "tty"})
        ops.push_back(bind_file(std::string("/dev/") + dev, std::string("/dev/") + dev));
    ops.push_back(mount_op("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC,
                           "newinstance,ptmxmode=0666,mode=0620,gid=5"));
    const int64_t shm = spec.shm_size > 0 ? spec.shm_size : 64 << 20;
    ops.push_back(mount_op("shm", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                           "mode=1777,size=" + std::to_string(shm)));
    ops.push_back(mount_op("mqueue", "/dev/mqueue", "mqueue", MS_NOSUID | MS_NODEV | MS_NOEXEC));
    ops.push_back(symlink_op("/proc/self/fd", "/dev/fd"));
    ops.push_back(symlink_op("/proc/self/fd/0", "/dev/stdin"));
    ops.push_back(symlink_op("/proc/self/fd/1", "/dev/stdout"));
    ops.push_back(symlink_op("/proc/self/fd/2", "/dev/stderr"));
    ops.push_back(symlink_op("pts/ptmx", "/dev/ptmx"));
    if (!pty_slave.empty()) ops.push_back(bind_file(pty_slave, "/dev/console"));

    // sysfs shows the network namespace it was mounted from; read-only like Docker unless
    // privileged. Mounting it can be refused (host netns in some setups): rbind the
    // host's instead.
    MountOp sys = mount_op("sysfs", "/sys", "sysfs",
                           MS_NOSUID | MS_NODEV | MS_NOEXEC | (priv ? 0 : MS_RDONLY));
    sys.fallback_bind = "/sys";
    sys.readonly = !priv;
    ops.push_back(sys);

    if (!spec.hostname_file.empty()) ops.push_back(bind_file(spec.hostname_file, "/etc/hostname"));
    if (!spec.hosts_file.empty()) ops.push_back(bind_file(spec.hosts_file, "/etc/hosts"));
    if (!spec.resolv_conf_file.empty())
        ops.push_back(bind_file(spec.resolv_conf_file, "/etc/resolv.conf"));

    // User mounts, parents before children (Docker sorts by destination depth).
    std::vector<Mount> user = spec.mounts;
    std::stable_sort(user.begin(), user.end(), [](const Mount &a, const Mount &b) {
        return depth(a.destination) < depth(b.destination);
    });
    for (const auto &m : user) {
        const bool bind = m.type == "bind";
        auto parsed = parse_options(m.options, bind);
        if (!parsed) return Error::invalid("mount " + m.destination + ": " + parsed.error().detail);
        const Options &o = *parsed;
        MountOp op = mount_op(bind ? m.source : "tmpfs", m.destination, bind ? "" : "tmpfs",
                              o.flags, o.data);
        op.propagation = o.propagation;
        op.readonly = bind && o.readonly;
        ops.push_back(op);
    }

    if (!priv) {
        for (const auto &p : masked_paths()) {
            MountOp op;
            op.kind = MountOp::Kind::Mask;
            op.target = p;
            ops.push_back(op);
        }
        for (const auto &p : readonly_paths()) {
            MountOp op;
            op.kind = MountOp::Kind::Readonly;
            op.target = p;
            ops.push_back(op);
        }
    }
    return ops;
}

namespace {

int openat2_in_root(int root_fd, const char *path) {
    struct open_how how {};
    how.flags = O_PATH | O_CLOEXEC;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    for (;;) {
        long fd = syscall(SYS_openat2, root_fd, path, &how, sizeof how);
        if (fd >= 0) return static_cast<int>(fd);
        if (errno != EAGAIN && errno != EINTR) return -errno;
    }
}

// "/proc/self/fd/N" in a caller's buffer (no allocation).
const char *fd_path(char (&buf)[32], int fd) {
    std::snprintf(buf, sizeof buf, "/proc/self/fd/%d", fd);
    return buf;
}

// The per-mount flags a remount must keep (MS_REMOUNT|MS_BIND replaces all of them).
unsigned long kept_flags(int fd) {
    struct statvfs sv;
    if (fstatvfs(fd, &sv) < 0) return 0;
    unsigned long f = 0;
    if (sv.f_flag & ST_NOSUID) f |= MS_NOSUID;
    if (sv.f_flag & ST_NODEV) f |= MS_NODEV;
    if (sv.f_flag & ST_NOEXEC) f |= MS_NOEXEC;
    if (sv.f_flag & ST_NOATIME) f |= MS_NOATIME;
    if (sv.f_flag & ST_NODIRATIME) f |= MS_NODIRATIME;
    if (sv.f_flag & ST_RELATIME) f |= MS_RELATIME;
    if (sv.f_flag & ST_RDONLY) f |= MS_RDONLY;
    return f;
}

// Re-opens the target (now the top mount) and remounts it with extra per-mount flags.
int remount_bind(int root_fd, const std::string &target, unsigned long extra, StepError &e) {
    int fd = openat2_in_root(root_fd, target.c_str());
    if (fd < 0) return fail(e, "reopen", target.c_str(), -fd);
    char buf[32];
    int rc = mount(nullptr, fd_path(buf, fd), nullptr,
                   MS_REMOUNT | MS_BIND | kept_flags(fd) | extra, nullptr);
    int err = errno;
    close(fd);
    if (rc < 0) return fail(e, "remount", target.c_str(), err);
    return 0;
}

int do_mount(const MountOp &op, int root_fd, StepError &e) {
    const bool bind = op.flags & MS_BIND;
    bool file = op.file;
    if (bind) {
        struct stat st;
        if (stat(op.source.c_str(), &st) < 0) {
            if (op.optional) return 0;
            return fail(e, "stat bind source", op.source.c_str(), errno);
        }
        file = !S_ISDIR(st.st_mode);
    }
    int fd = open_in_root(root_fd, op.target, true, file);
    if (fd < 0) return fail(e, "create mount point", op.target.c_str(), -fd);
    char buf[32];
    int rc = mount(op.source.c_str(), fd_path(buf, fd), op.fstype.empty() ? nullptr : op.fstype.c_str(),
                   op.flags, op.data.empty() ? nullptr : op.data.c_str());
    int err = errno;
    if (rc < 0 && !op.fallback_bind.empty()) {
        rc = mount(op.fallback_bind.c_str(), buf, nullptr, MS_BIND | MS_REC, nullptr);
        err = errno;
        if (rc == 0) {
            close(fd);
            return op.readonly ? remount_bind(root_fd, op.target, MS_RDONLY, e) : 0;
        }
    }
    close(fd);
    if (rc < 0) {
        if (op.optional) return 0;
        return fail(e, "mount", op.target.c_str(), err);
    }
    if (bind) {
        // A bind ignores every flag but MS_REC: read-only, nosuid, nodev, noexec need a remount.
        unsigned long extra = (op.readonly ? MS_RDONLY : 0) | (op.flags & (MS_NOSUID | MS_NODEV | MS_NOEXEC));
        if (extra && remount_bind(root_fd, op.target, extra, e)) return e.err;
    }
    if (op.propagation) {
        int pfd = openat2_in_root(root_fd, op.target.c_str());
        if (pfd < 0) return fail(e, "reopen", op.target.c_str(), -pfd);
        rc = mount(nullptr, fd_path(buf, pfd), nullptr, op.propagation, nullptr);
        err = errno;
        close(pfd);
        if (rc < 0) return fail(e, "set propagation", op.target.c_str(), err);
    }
    return 0;
}

int do_symlink(const MountOp &op, int root_fd, StepError &e) {
    auto slash = op.target.rfind('/');
    std::string dir = slash == 0 ? "/" : op.target.substr(0, slash);
    std::string name = op.target.substr(slash + 1);
    int dfd = open_in_root(root_fd, dir, true, false);
    if (dfd < 0) return fail(e, "open", dir.c_str(), -dfd);
    int rc = symlinkat(op.source.c_str(), dfd, name.c_str());
    int err = errno;
    close(dfd);
    if (rc < 0 && err != EEXIST) return fail(e, "symlink", op.target.c_str(), err);
    return 0;
}

int do_mask(const MountOp &op, int root_fd, StepError &e) {
    int fd = openat2_in_root(root_fd, op.target.c_str());
    if (fd == -ENOENT) return 0;  // nothing to hide
    if (fd < 0) return fail(e, "open masked path", op.target.c_str(), -fd);
    struct stat st;
    int rc = fstat(fd, &st);
    char buf[32];
    if (rc == 0) {
        if (S_ISDIR(st.st_mode))
            rc = mount("tmpfs", fd_path(buf, fd), "tmpfs", MS_RDONLY, nullptr);
        else
            rc = mount("/dev/null", fd_path(buf, fd), nullptr, MS_BIND, nullptr);
    }
    int err = errno;
    close(fd);
    if (rc < 0) return fail(e, "mask", op.target.c_str(), err);
    return 0;
}

int do_readonly(const MountOp &op, int root_fd, StepError &e) {
    int fd = openat2_in_root(root_fd, op.target.c_str());
    if (fd == -ENOENT) return 0;
    if (fd < 0) return fail(e, "open read-only path", op.target.c_str(), -fd);
    char buf[32];
    int rc = mount(fd_path(buf, fd), buf, nullptr, MS_BIND | MS_REC, nullptr);
    int err = errno;
    close(fd);
    if (rc < 0) return fail(e, "bind read-only path", op.target.c_str(), err);
    return remount_bind(root_fd, op.target, MS_RDONLY, e);
}

}  // namespace

namespace {
int open_in_root_depth(int root_fd, const std::string &path, bool create, bool file, int depth);
}

int open_in_root(int root_fd, const std::string &path, bool create, bool file) {
    return open_in_root_depth(root_fd, path, create, file, 0);
}

namespace {

int open_in_root_depth(int root_fd, const std::string &path, bool create, bool file, int depth) {
    if (depth > 40) return -ELOOP;
    int fd = openat2_in_root(root_fd, path.c_str());
    if (fd >= 0 || fd != -ENOENT || !create) return fd;
    // Walk the path, creating what is missing. Each prefix is resolved inside the root, so
    // a symlink on the way is followed within the container's tree only.
    std::string prefix;
    int parent = openat2_in_root(root_fd, "/");
    if (parent < 0) return parent;
    size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/') ++i;
        size_t j = path.find('/', i);
        if (j == std::string::npos) j = path.size();
        if (j == i) break;
        const std::string name = path.substr(i, j - i);
        const bool last = path.find_first_not_of('/', j) == std::string::npos;
        prefix += "/" + name;
        int cur = openat2_in_root(root_fd, prefix.c_str());
        if (cur == -ENOENT) {
            if (last && file) {
                int nfd = openat(parent, name.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644);
                if (nfd >= 0) close(nfd);
                else if (errno != EEXIST) { int err = errno; close(parent); return -err; }
            } else if (mkdirat(parent, name.c_str(), 0755) < 0 && errno != EEXIST) {
                int err = errno;
                close(parent);
                return -err;
            }
            cur = openat2_in_root(root_fd, prefix.c_str());
            if (cur == -ENOENT) {
                // A dangling symlink (EEXIST above): create what it points at, inside
                // the root, as Docker's securejoin does — never on the host.
                char link[4096];
                ssize_t n = readlinkat(parent, name.c_str(), link, sizeof link - 1);
                close(parent);
                if (n < 0) return -errno;
                link[n] = '\0';
                std::string dir = prefix.substr(0, prefix.size() - name.size());
                std::string target = link[0] == '/' ? std::string(link) : dir + link;
                return open_in_root_depth(root_fd, target + path.substr(j), create, file, depth + 1);
            }
        }
        close(parent);
        if (cur < 0) return cur;
        parent = cur;
        i = j;
    }
    return parent;
}

}  // namespace

int execute(const std::vector<MountOp> &ops, int root_fd, StepError &e) {
    for (const auto &op : ops) {
        int err = 0;
        switch (op.kind) {
        case MountOp::Kind::Mount: err = do_mount(op, root_fd, e); break;
        case MountOp::Kind::Symlink: err = do_symlink(op, root_fd, e); break;
        case MountOp::Kind::Mask: err = do_mask(op, root_fd, e); break;
        case MountOp::Kind::Readonly: err = do_readonly(op, root_fd, e); break;
        }
        if (err) return err;
    }
    return 0;
}

}  // namespace berth::sandbox::mounts
