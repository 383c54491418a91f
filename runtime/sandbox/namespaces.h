// Namespaces: which ones a container gets, the UTS and loopback setup inside them, and
// joining a running container's namespaces (exec).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "common/result.h"
#include "sandbox/child_error.h"
#include "sandbox/spec.h"
#include "sandbox/sys.h"

namespace berth::sandbox::namespaces {

// Flags for the container's clone(). The cgroup namespace is not among them: the child
// unshares it after the monitor has moved it into its cgroup, so that cgroup becomes
// the namespace's root (as runc does).
unsigned long clone_flags(const Spec &spec);

// In the child.
int set_hostname(const std::string &hostname, const std::string &domainname, StepError &e);
int loopback_up(StepError &e);  // a new netns starts with lo down

// The namespaces exec joins, in the order setns needs (user first would go here; mnt last
// so the /proc paths stay valid while opening).
struct Joined {
    std::vector<std::pair<int, sys::UniqueFd>> fds;  // (CLONE_NEW*, fd)
};
Result<Joined> open_of(pid_t pid);
int join(const Joined &j, StepError &e);

}  // namespace berth::sandbox::namespaces
