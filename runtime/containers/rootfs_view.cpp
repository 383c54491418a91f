// Container root file system views (see rootfs_view.h).
#include "containers/rootfs_view.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <csignal>
#include <thread>

#include "containers/service.h"
#include "images/image_store.h"
#include "sandbox/overlay.h"

namespace berth::containers {
namespace {

namespace fs = std::filesystem;

std::string fd_path(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

// Shows one bind or volume at its destination inside the view. Destinations the image
// does not have are skipped: start creates them, a view must not.
Result<void> bind_into(int root, const MountPoint &m) {
    if (m.type != "bind" && m.type != "volume") return {};
    auto dest = open_in_root(root, m.destination, O_PATH);
    if (!dest) return {};
    if (::mount(m.source.c_str(), fd_path(dest->get()).c_str(), nullptr, MS_BIND | MS_REC, nullptr) < 0)
        return Error::sys("bind mount into view", m.destination);
    if (!m.rw) {
        auto mounted = TRY(open_in_root(root, m.destination, O_PATH));
        if (::mount(nullptr, fd_path(mounted.get()).c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) < 0)
            return Error::sys("remount read-only in view", m.destination);
    }
    return {};
}

// Runs in a thread of its own: after unshare(CLONE_FS|CLONE_NEWNS) this thread alone has
// the new namespace (and its own cwd, which the short layer links need).
Result<RootfsView> mount_in_private_namespace(const OverlayViewSpec &spec) {
    if (::unshare(CLONE_FS | CLONE_NEWNS) < 0) return Error::sys("unshare mount namespace", "");
    // Nothing mounted here may propagate back to the host.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) < 0)
        return Error::sys("make mounts private", "/");
    sandbox::Rootfs r;
    for (const auto &l : spec.layers) r.lower.push_back(l.string());
    if (spec.work.empty()) {
        r.lower.push_back(spec.upper.string());  // read-only: the upper dir is the top layer
    } else {
        r.upper = spec.upper.string();
        r.work = spec.work.string();
    }
    const auto plan = sandbox::overlay::plan(r, spec.links_dir.string());
    TRY(sandbox::overlay::prepare(plan, spec.links_dir.string()));
    sandbox::StepError step;
    if (sandbox::overlay::mount_rootfs(plan, spec.mount_point.string(), step) != 0)
        return Error{step.step, "", step.err, {}, ErrorKind::Internal};
    if (plan.bind && spec.work.empty() &&
        ::mount(nullptr, spec.mount_point.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) < 0)
        return Error::sys("remount view read-only", spec.mount_point.string());

    RootfsView v;
    const int root = ::open(spec.mount_point.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (root < 0) return Error::sys("open view", spec.mount_point.string());
    v.root_fd.reset(root);
    for (const auto &m : spec.mounts) TRY(bind_into(v.root(), m));
    const int ns = ::open("/proc/thread-self/ns/mnt", O_RDONLY | O_CLOEXEC);
    if (ns < 0) return Error::sys("open mount namespace", "/proc/thread-self/ns/mnt");
    v.mount_ns.reset(ns);
    return v;
}

Result<RootfsView> live_view(const Container &c) {
    // The pidfd pins the process: if it is still alive after /proc/<pid>/root was opened,
    // that root was its own and not a reused pid's.
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, c.state.pid, 0));
    if (pidfd < 0) return Error::conflict("container " + c.short_id() + " is not running");
    util::UniqueFd pid_guard(pidfd);
    const std::string proc_root = "/proc/" + std::to_string(c.state.pid) + "/root";
    const int root = ::open(proc_root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (root < 0) return Error::sys("open container root", proc_root);
    RootfsView v;
    v.root_fd.reset(root);
    if (::syscall(SYS_pidfd_send_signal, pidfd, 0, nullptr, 0) < 0)
        return Error::conflict("container " + c.short_id() + " is not running");
    v.live = true;
    return v;
}

}  // namespace

Result<util::UniqueFd> open_in_root(int root, const std::string &path, int flags, unsigned mode) {
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC);
    how.mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    const std::string rel = path.empty() ? "." : path;
    for (;;) {
        const long fd = ::syscall(SYS_openat2, root, rel.c_str(), &how, sizeof how);
        if (fd >= 0) return util::UniqueFd(static_cast<int>(fd));
        if (errno == EAGAIN || errno == EINTR) continue;  // a concurrent rename; retry
        return Error::sys("open in container", path);
    }
}

Result<RootfsView> mount_overlay_view(const OverlayViewSpec &spec) {
    std::error_code ec;
    for (const auto &d : {spec.upper, spec.work, spec.mount_point}) {
        if (d.empty()) continue;
        fs::create_directories(d, ec);
        if (ec) return Error{"create directory", d.string(), ec.value(), {}, ErrorKind::Internal};
    }
    std::optional<Result<RootfsView>> out;
    std::thread worker([&] { out.emplace(mount_in_private_namespace(spec)); });
    worker.join();
    return std::move(*out);
}

Result<RootfsView> open_rootfs_view(ContainerService &service, const std::string &id_or_name, ViewPurpose purpose) {
    auto c = TRY(service.get(id_or_name));
    if (purpose != ViewPurpose::Export && c.state.running) {
        auto live = live_view(c);
        if (live || live.error().kind != ErrorKind::Conflict) return live;
    }
    RootfsView v;
    const bool stopped = !c.state.running;
    if (stopped) {
        // Hold the container stopped while the overlay is mounted here: a second mount of
        // the same upper dir by start would be undefined behaviour for overlayfs.
        auto mu = service.store().op_mutex(c.id);
        std::unique_lock lock(*mu);
        c = TRY(service.get(c.id));
        if (c.state.running) {
            lock.unlock();
            return open_rootfs_view(service, c.id, purpose);
        }
        v.op_mutex = std::move(mu);
        v.op_lock = std::move(lock);
    }
    if (!service.options().images) return Error::internal("no image store");
    const fs::path dir = service.store().dir(c.id);
    OverlayViewSpec spec;
    spec.layers = TRY(service.options().images->layer_dirs(c.image_id));
    spec.upper = dir / "upper";
    // A running container's upper dir is only ever read here (as a lower layer).
    if (purpose == ViewPurpose::Write && stopped) spec.work = dir / "work";
    spec.mount_point = dir / "merged";
    spec.links_dir = dir / (spec.work.empty() ? ".view-layers-ro" : ".view-layers-rw");
    if (purpose != ViewPurpose::Export) spec.mounts = c.mounts;
    auto mounted = TRY(mount_overlay_view(spec));
    v.root_fd = std::move(mounted.root_fd);
    v.mount_ns = std::move(mounted.mount_ns);
    return v;
}

}  // namespace berth::containers
