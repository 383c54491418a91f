// rlimits (Docker's --ulimit): names mapped to RLIMIT_*, hard limits capped to what the
// monitor itself has, because root here lacks CAP_SYS_RESOURCE and must never try to
// raise a hard limit.
#pragma once

#include <sys/resource.h>

#include <string>
#include <vector>

#include "common/result.h"
#include "sandbox/spec.h"

namespace berth::sandbox::rlimits {

struct Planned {
    int resource = 0;
    struct rlimit limit {};
};

Result<int> resource_of(const std::string &name);  // "nofile" -> RLIMIT_NOFILE
// Pure: caps hard (and soft) at `current_hard`; -1 means unlimited.
struct rlimit clamp(int64_t soft, int64_t hard, rlim_t current_hard);
// Reads the current hard limits and produces what the child will set.
Result<std::vector<Planned>> plan(const std::vector<Rlimit> &wanted);
// In the child: setrlimit for each; returns 0 or errno.
int apply(const std::vector<Planned> &p, const char **step);

}  // namespace berth::sandbox::rlimits
