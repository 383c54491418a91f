// The default seccomp profile (see seccomp.h).
#include "sandbox/seccomp.h"

#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sandbox/sys.h"

namespace berth::sandbox::seccomp {

const std::vector<std::string> &denied_syscalls() {
    // The syscalls Docker's default profile leaves out of its allow list (or gates behind
    // a capability the default set lacks), expressed as a deny list.
    static const std::vector<std::string> names = {
        // filesystems and the root: the container's mounts are final
        "mount", "umount", "umount2", "pivot_root", "fsopen", "fsconfig", "fsmount",
        "fspick", "move_mount", "open_tree", "mount_setattr",
        // the kernel itself
        "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
        "create_module", "get_kernel_syms", "query_module", "reboot", "swapon", "swapoff",
        "acct", "bpf", "perf_event_open", "lookup_dcookie", "userfaultfd", "iopl", "ioperm",
        "quotactl", "quotactl_fd", "vm86", "vm86old", "uselib", "ustat", "sysfs", "_sysctl",
        "nfsservctl", "syslog",
        // keyrings are not namespaced
        "keyctl", "add_key", "request_key",
        // clocks are not namespaced (reading stays allowed)
        "settimeofday", "stime", "clock_settime", "clock_settime64",
        // file handles bypass path-based checks (the "shocker" escape)
        "open_by_handle_at", "name_to_handle_at",
        // joining other namespaces
        "setns",
    };
    return names;
}

namespace {

struct Ctx {
    scmp_filter_ctx ctx = nullptr;
    ~Ctx() {
        if (ctx) seccomp_release(ctx);
    }
};

Result<void> check(int rc, const char *op, const std::string &object) {
    if (rc < 0) return Error::sys(op, object, -rc);
    return {};
}

}  // namespace

Result<Program> build_default() {
    Ctx c;
    c.ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!c.ctx) return Error::internal("seccomp_init failed");
    const uint32_t native = seccomp_arch_native();
    if (native == SCMP_ARCH_X86_64) {
        TRY(check(seccomp_arch_add(c.ctx, SCMP_ARCH_X86), "seccomp add arch", "x86"));
        TRY(check(seccomp_arch_add(c.ctx, SCMP_ARCH_X32), "seccomp add arch", "x32"));
    } else if (native == SCMP_ARCH_AARCH64) {
        TRY(check(seccomp_arch_add(c.ctx, SCMP_ARCH_ARM), "seccomp add arch", "arm"));
    }
    const uint32_t eperm = SCMP_ACT_ERRNO(EPERM);
    for (const auto &name : denied_syscalls()) {
        int nr = seccomp_syscall_resolve_name(name.c_str());
        if (nr == __NR_SCMP_ERROR) continue;  // not on any of our arches
        int rc = seccomp_rule_add(c.ctx, eperm, nr, 0);
        // -EDOM/-EINVAL: the syscall exists on none of the added arches' tables.
        if (rc < 0 && rc != -EDOM && rc != -EINVAL) TRY(check(rc, "seccomp rule", name));
    }
    // New user namespaces need no capability, so they are the one namespace the kernel
    // would let the container create: deny unshare/clone with CLONE_NEWUSER.
    const scmp_datum_t newuser = CLONE_NEWUSER;
    TRY(check(seccomp_rule_add(c.ctx, eperm, SCMP_SYS(unshare), 1,
                               SCMP_A0(SCMP_CMP_MASKED_EQ, newuser, newuser)),
              "seccomp rule", "unshare"));
    TRY(check(seccomp_rule_add(c.ctx, eperm, SCMP_SYS(clone), 1,
                               SCMP_A0(SCMP_CMP_MASKED_EQ, newuser, newuser)),
              "seccomp rule", "clone"));
    // clone3 passes its flags in memory a filter cannot read: ENOSYS makes libc fall back
    // to clone, which the rule above checks (Docker does the same).
    int rc = seccomp_rule_add(c.ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    if (rc < 0 && rc != -EDOM) TRY(check(rc, "seccomp rule", "clone3"));
    // personality(2): only the values Docker allows (PER_LINUX, UNAME26, ADDR_NO_RANDOMIZE
    // combinations, and the 0xffffffff query); READ_IMPLIES_EXEC, MMAP_PAGE_ZERO and the
    // other flags weaken memory protections.
    const scmp_datum_t risky = 0x0400000 /*READ_IMPLIES_EXEC*/ | 0x0100000 /*MMAP_PAGE_ZERO*/ |
                               0x0200000 /*ADDR_COMPAT_LAYOUT*/ | 0x8000000 /*ADDR_LIMIT_32BIT*/;
    for (scmp_datum_t bit = 1; bit <= risky; bit <<= 1) {
        if (!(risky & bit)) continue;
        // The query value 0xffffffff has every bit set: match the high byte to spare it.
        TRY(check(seccomp_rule_add(c.ctx, eperm, SCMP_SYS(personality), 1,
                                   SCMP_A0(SCMP_CMP_MASKED_EQ, bit | 0xf0000000u, bit)),
                  "seccomp rule", "personality"));
    }

    // Export to BPF through a memfd (libseccomp 2.5 has no in-memory export).
    sys::UniqueFd mfd(memfd_create("berth-seccomp", MFD_CLOEXEC));
    if (!mfd) return Error::sys("memfd_create", "seccomp");
    TRY(check(seccomp_export_bpf(c.ctx, mfd.get()), "seccomp export", "bpf"));
    if (lseek(mfd.get(), 0, SEEK_SET) < 0) return Error::sys("lseek", "seccomp memfd");
    auto bytes = TRY(sys::read_fd_all(mfd.get(), "seccomp memfd"));
    Program p;
    p.filter.resize(bytes.size() / sizeof(sock_filter));
    std::memcpy(p.filter.data(), bytes.data(), p.filter.size() * sizeof(sock_filter));
    return p;
}

int install(const Program &p, const char **step) {
    sock_fprog prog{static_cast<unsigned short>(p.filter.size()),
                    const_cast<sock_filter *>(p.filter.data())};
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0) {
        *step = "seccomp install";
        return errno;
    }
    return 0;
}

}  // namespace berth::sandbox::seccomp
