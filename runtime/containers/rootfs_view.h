// A container's root file system opened for berthd's own file work (docker cp, export,
// volume copy-up), as a directory fd that paths are resolved beneath with
// openat2(RESOLVE_IN_ROOT): symlinks inside resolve against the container's "/", never
// the host's.
//
// A running container is reached through /proc/<pid>/root, its own mount namespace, so its
// volumes and binds are seen. For a stopped one the overlay is mounted in a private mount
// namespace made by a short-lived thread (unshare(CLONE_FS|CLONE_NEWNS) affects only that
// thread); the namespace is kept alive by an nsfs fd, so the mounts exist only for this
// view, are invisible to the host and vanish with the last fd, even if berthd dies.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/result.h"
#include "containers/container.h"
#include "util/unique_fd.h"

namespace berth::containers {

class ContainerService;

enum class ViewPurpose {
    Read,    // cp from the container: running -> its namespace; stopped -> overlay + volumes, read-only
    Write,   // cp into the container: running -> its namespace; stopped -> writable overlay + volumes
    Export,  // the container's own file system: lowers + upper, no volumes, read-only
};

struct RootfsView {
    int root() const { return root_fd.get(); }

    // Declared in this order so that the fds close before the lock is released.
    std::shared_ptr<std::mutex> op_mutex;
    // A stopped container stays stopped while a view of it exists (start takes this lock).
    std::unique_lock<std::mutex> op_lock;
    util::UniqueFd mount_ns;  // keeps the private namespace (and its mounts) alive
    util::UniqueFd root_fd;   // O_PATH directory fd of the container's "/"
    bool live = false;        // through the running container's namespace
};

// The view of a container for `purpose`. 404 for unknown containers.
Result<RootfsView> open_rootfs_view(ContainerService &service, const std::string &id_or_name,
                                    ViewPurpose purpose);

struct OverlayViewSpec {
    std::vector<std::filesystem::path> layers;  // lowest first
    std::filesystem::path upper;                // the container's upper dir
    std::filesystem::path work;                 // empty: read-only (upper becomes the top lower)
    std::filesystem::path mount_point;          // an existing directory (in the private namespace only)
    std::filesystem::path links_dir;            // short layer links when the options are too long
    std::vector<MountPoint> mounts;             // binds and volumes to show at their destinations
};

// The overlay part on its own: used by the copy-up at start (the caller holds the
// container's lock) and by tests.
Result<RootfsView> mount_overlay_view(const OverlayViewSpec &spec);

// openat2(root, path, RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS); errno in Error::err.
Result<util::UniqueFd> open_in_root(int root, const std::string &path, int flags, unsigned mode = 0);

}  // namespace berth::containers
