// The container's mount table as a plan (plain data, tested as such), and the loop that
// carries it out inside the new mount namespace, before pivot_root. Every target is a
// container path resolved inside the rootfs with openat2(RESOLVE_IN_ROOT), so a symlink
// in the image can never send a mount onto the host; mounts go through /proc/self/fd/N.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "sandbox/child_error.h"
#include "sandbox/spec.h"

namespace berth::sandbox::mounts {

// Mount flags and fs data parsed from Docker-style option words.
struct Options {
    unsigned long flags = 0;        // MS_RDONLY MS_NOSUID MS_NODEV MS_NOEXEC MS_BIND MS_REC ...
    unsigned long propagation = 0;  // MS_PRIVATE/MS_SLAVE/MS_SHARED (| MS_REC), applied after
    std::string data;               // "size=65536k,mode=1777"
    bool readonly = false;
};
Result<Options> parse_options(const std::vector<std::string> &words, bool is_bind);

struct MountOp {
    enum class Kind {
        Mount,     // mount(source, target, fstype, flags, data) [+ ro remount for binds]
        Symlink,   // target -> source
        Mask,      // Docker masked path: /dev/null over a file, read-only tmpfs over a dir
        Readonly,  // bind the path over itself, then remount read-only
    };
    Kind kind = Kind::Mount;
    std::string source;  // host path for binds, link text for symlinks
    std::string target;  // container path
    std::string fstype;
    std::string data;
    unsigned long flags = 0;
    unsigned long propagation = 0;
    bool readonly = false;     // remount read-only after a bind
    bool file = false;         // target is a file (created empty when missing)
    bool optional = false;     // skip when the source is missing or the mount is refused
    std::string fallback_bind; // if the mount fails, rbind this host path instead (sysfs)
};

// Docker's masked and read-only paths (moby oci/defaults.go), applied unless privileged.
const std::vector<std::string> &masked_paths();
const std::vector<std::string> &readonly_paths();

// Everything after the rootfs itself, in order: /proc, /dev and its devices, /sys, the
// /etc files, the user's mounts, then masks. `pty_slave` is the host path of the pty's
// slave when the process has a terminal (bound at /dev/console).
// Without a device cgroup (cgroup v2 has none without an eBPF program, not written yet)
// /dev is mounted nodev so a device node made with CAP_MKNOD cannot be opened there.
Result<std::vector<MountOp>> plan(const Spec &spec, const std::string &pty_slave,
                                  bool device_cgroup = true);

// Runs the plan against the rootfs at `root_fd` (an O_PATH fd of the merged dir).
int execute(const std::vector<MountOp> &ops, int root_fd, StepError &e);

// Opens (creating when missing, as dir or empty file) a container path inside the root
// without leaving it. Returns an O_PATH fd or -errno.
int open_in_root(int root_fd, const std::string &path, bool create, bool file);

}  // namespace berth::sandbox::mounts
