// The container's first process, between clone() and execve(): the setup steps in
// kernel order (bubblewrap's main() reads the same way). Everything it needs is
// prepared by the monitor before clone, so the child computes nothing; a failure is sent
// back as a StepError on the sync socket and the child _exits.
//
// Sync protocol (SOCK_SEQPACKET, one message each):
//   monitor -> child  'g'  the child is in its cgroup: go on with the setup
//   child -> monitor  StepError{err=0}  set up, waiting before execve
//                     StepError{err!=0} failed at step (the child exits)
//   monitor -> child  's'  start: execve
//   child -> monitor  EOF (the socket is close-on-exec) = execve succeeded,
//                     or StepError{exec ...}
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "sandbox/capabilities.h"
#include "sandbox/mounts.h"
#include "sandbox/overlay.h"
#include "sandbox/rlimits.h"
#include "sandbox/seccomp.h"
#include "sandbox/spec.h"

namespace berth::sandbox {

struct ChildPlan {
    int sync_fd = -1;
    // Root and mounts (container only; exec skips them).
    bool setup_rootfs = true;
    overlay::Plan overlay;
    std::string merged;
    std::vector<mounts::MountOp> mounts;
    bool readonly_root = false;
    std::string hostname, domainname;
    bool loopback = false;        // a new network namespace: bring lo up
    int netns_fd = -1;            // join this network namespace first
    bool unshare_cgroupns = true;
    // Process.
    bool tty = false;
    int stdin_fd = -1, stdout_fd = -1, stderr_fd = -1;  // or the pty slave in all three
    std::vector<rlimits::Planned> rlimits;
    bool no_new_privs = false;
    const seccomp::Program *seccomp = nullptr;  // null: unconfined
    capabilities::CapMask caps;
    int last_cap = 40;
    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> groups;
    std::string cwd = "/";
    std::vector<std::string> args, env;
    bool init = false;
};

[[noreturn]] void child_main(const ChildPlan &p);

// Messages on the sync socket (both sides).
bool sync_send_byte(int fd, char c);
// 1: got c; 0: EOF; -1: error or a different byte.
int sync_wait_byte(int fd, char c);

}  // namespace berth::sandbox
