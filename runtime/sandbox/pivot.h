// Making the rootfs the container's /.
#pragma once

#include <string>

#include "sandbox/child_error.h"

namespace berth::sandbox::pivot {

// Makes the whole tree a slave of the host (rslave, Docker's default root propagation):
// host unmounts still reach us, nothing we mount reaches the host.
int isolate_propagation(StepError &e);
// The rootfs must be a mount point (it is: overlay or bind). Ends with cwd "/".
int pivot_into(const std::string &rootfs, StepError &e);
// ReadonlyRootfs: after every other mount is in place.
int remount_root_readonly(StepError &e);

}  // namespace berth::sandbox::pivot
