// How code running in the container child reports a failure: a fixed-size record (no
// allocation) sent to the monitor over the SOCK_SEQPACKET sync socket.
#pragma once

#include <cstdio>

namespace berth::sandbox {

struct StepError {
    int err = 0;          // errno
    char step[240] = {};  // "mount `/proc`", "exec `/bin/sh`"
};

// Fills `e` and returns err (so callers can `return fail(...)`).
inline int fail(StepError &e, const char *op, const char *object, int err) {
    e.err = err;
    if (object && *object)
        std::snprintf(e.step, sizeof e.step, "%s `%s`", op, object);
    else
        std::snprintf(e.step, sizeof e.step, "%s", op);
    return err;
}

}  // namespace berth::sandbox
