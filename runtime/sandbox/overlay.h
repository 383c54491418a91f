// The rootfs overlay. overlayfs takes all its layers in one mount data string, which the
// kernel copies into a single page: with many layers absolute paths overflow it. Like
// Docker's "l/" directory of short links, we then make a directory of short symlinks
// (<bundle>/.layers/<n> -> layer) and mount with relative names after chdir into it.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "sandbox/child_error.h"
#include "sandbox/spec.h"

namespace berth::sandbox::overlay {

struct Plan {
    bool bind = false;          // one lower layer, no upper: a plain bind of that directory
    std::string source;         // for bind
    std::string chdir;          // empty: options use absolute paths
    std::string options;        // "lowerdir=top:...:bottom,upperdir=..,workdir=.."
    std::vector<std::pair<std::string, std::string>> links;  // to create: link -> layer
    bool nodev = false;         // no device cgroup to stop mknod'd nodes (see mounts.h)
};

// Pure: builds the options; `page` is the limit for the data string (including NUL).
Plan plan(const Rootfs &r, const std::string &links_dir, size_t page = 4096);
// Creates the short links of a plan (in the monitor, before clone).
Result<void> prepare(const Plan &p, const std::string &links_dir);
// In the child: mounts the rootfs at `merged`.
int mount_rootfs(const Plan &p, const std::string &merged, StepError &e);

}  // namespace berth::sandbox::overlay
