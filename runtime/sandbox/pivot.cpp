// pivot_root (see pivot.h).
#include "sandbox/pivot.h"

#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace berth::sandbox::pivot {

int isolate_propagation(StepError &e) {
    if (mount(nullptr, "/", nullptr, MS_SLAVE | MS_REC, nullptr) < 0)
        return fail(e, "make / rslave", "/", errno);
    return 0;
}

int pivot_into(const std::string &rootfs, StepError &e) {
    if (chdir(rootfs.c_str()) < 0) return fail(e, "chdir", rootfs.c_str(), errno);
    // pivot_root(".", "."): the new root and the put_old directory are the same, so the
    // old root is stacked on top of the new one at "/". Our cwd still refers to the new
    // root's directory underneath, so umount2(".") detaches the old root that sits on
    // top, leaving the new root visible — no temporary put_old directory is needed inside
    // the image (the trick runc and crun use; see pivot_root(2) NOTES).
    if (syscall(SYS_pivot_root, ".", ".") < 0) return fail(e, "pivot_root", rootfs.c_str(), errno);
    if (umount2(".", MNT_DETACH) < 0) return fail(e, "detach old root", "/", errno);
    if (chdir("/") < 0) return fail(e, "chdir", "/", errno);
    return 0;
}

int remount_root_readonly(StepError &e) {
    struct statvfs sv;
    unsigned long keep = 0;
    if (statvfs("/", &sv) == 0) {
        if (sv.f_flag & ST_NOSUID) keep |= MS_NOSUID;
        if (sv.f_flag & ST_NODEV) keep |= MS_NODEV;
        if (sv.f_flag & ST_NOEXEC) keep |= MS_NOEXEC;
    }
    if (mount(nullptr, "/", nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | keep, nullptr) < 0)
        return fail(e, "remount read-only", "/", errno);
    return 0;
}

}  // namespace berth::sandbox::pivot
