// Docker's volume copy-up: when an empty volume (named or anonymous) is mounted where the
// image has a directory with content, that content (files, directories, symlinks,
// hardlinks, owners, modes, times, xattrs) is copied into the volume before the container
// starts, and the volume's root takes the directory's owner and mode. Binds, tmpfs,
// `nocopy` and volumes that already hold anything are left alone.
#pragma once

#include <filesystem>
#include <vector>

#include "common/result.h"
#include "containers/container.h"

namespace berth::containers {

// The volume mounts of `mounts` that want a copy-up now (copy_up set, the volume's
// directory empty).
std::vector<MountPoint> mounts_needing_copy_up(const std::vector<MountPoint> &mounts);

// Copies what the image has at each mount's destination into its volume. `image_root` is
// a view of the container's own file system (lowers + upper, without mounts).
Result<void> copy_up_volumes(int image_root, const std::vector<MountPoint> &mounts);

// At start, before the container's own mounts: mounts a read-only view of the container's
// file system (layers, lowest first, and the upper dir of `container_dir`) when some
// volume wants a copy-up, and copies. The caller holds the container's lock.
Result<void> copy_up_at_start(const std::vector<std::filesystem::path> &layers,
                              const std::filesystem::path &container_dir, const std::vector<MountPoint> &mounts);

// One directory tree into another (both directory fds), preserving what the header says.
Result<void> copy_tree(int from_dir, int to_dir);

}  // namespace berth::containers
