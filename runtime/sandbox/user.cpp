// User switch (see user.h).
#include "sandbox/user.h"

#include <grp.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>

namespace berth::sandbox::user {

int switch_to(uid_t uid, gid_t gid, const std::vector<gid_t> &groups, const char **step) {
    // Without KEEPCAPS a switch away from uid 0 empties the permitted set, and the final
    // capset (which Docker's semantics need for root and non-root alike) would fail.
    if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0) {
        *step = "prctl keepcaps";
        return errno;
    }
    if (setgroups(groups.size(), groups.data()) < 0) {
        *step = "setgroups";
        return errno;
    }
    if (setresgid(gid, gid, gid) < 0) {
        *step = "setresgid";
        return errno;
    }
    if (setresuid(uid, uid, uid) < 0) {
        *step = "setresuid";
        return errno;
    }
    if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0) {
        *step = "prctl keepcaps";
        return errno;
    }
    return 0;
}

}  // namespace berth::sandbox::user
