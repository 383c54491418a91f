// The default seccomp profile: Docker's default's intent with libseccomp. Default allow;
// EPERM for the syscalls that reach past the container (mount, kexec, modules, keyrings,
// bpf, reboot, swap, clock setting, new user namespaces, ...). Built in the monitor and
// exported as BPF, so the container child only makes one seccomp() call.
#pragma once

#include <linux/filter.h>

#include <string>
#include <vector>

#include "common/result.h"

namespace berth::sandbox::seccomp {

// Syscall names denied with EPERM outright (unknown ones on this arch are skipped).
const std::vector<std::string> &denied_syscalls();

// The compiled profile, ready for install().
struct Program {
    std::vector<sock_filter> filter;
};

// Builds the default profile for the native architecture plus its compat ABIs
// (x86_64: i386 and x32, as Docker does), so 32-bit binaries keep working and cannot
// bypass the rules through the other syscall table.
Result<Program> build_default();

// In the container child (no allocation). Needs no_new_privs or CAP_SYS_ADMIN.
int install(const Program &p, const char **step);

}  // namespace berth::sandbox::seccomp
