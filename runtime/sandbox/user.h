// Switching to the container's user: supplementary groups, gid, uid, with the permitted
// capabilities kept across the switch so capabilities::set_process_caps can finish.
#pragma once

#include <sys/types.h>

#include <vector>

namespace berth::sandbox::user {

// In the child (no allocation). Returns 0 or errno with *step set.
int switch_to(uid_t uid, gid_t gid, const std::vector<gid_t> &groups, const char **step);

}  // namespace berth::sandbox::user
