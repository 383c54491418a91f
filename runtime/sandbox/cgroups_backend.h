// Internal: what a cgroup version must provide (cgroups_v1.cpp, cgroups_v2.cpp).
#pragma once

#include "sandbox/cgroups.h"

namespace berth::sandbox::cgroups {

class Backend {
public:
    virtual ~Backend() = default;
    virtual const std::string &path() const = 0;
    virtual std::string version() const = 0;
    virtual Result<void> enter(pid_t pid) = 0;
    virtual Result<void> update(const CgroupLimits &l) = 0;
    virtual Result<void> set_frozen(bool frozen) = 0;
    virtual Result<bool> frozen() = 0;
    virtual Result<Stats> stats() = 0;
    virtual Result<std::vector<pid_t>> procs() = 0;
    virtual Result<bool> oom_killed() = 0;
    virtual Result<void> kill_all() = 0;
    virtual Result<void> remove() = 0;
};

// Where the hierarchies are (from /proc/self/mountinfo).
struct Layout {
    std::string unified;                          // cgroup2 mount ("" if none)
    std::map<std::string, std::string> v1;        // controller -> mount point
    bool v2_usable = false;                       // unified has memory, cpu and pids
};
const Layout &layout();

std::unique_ptr<Backend> make_v1(const std::string &path);
std::unique_ptr<Backend> make_v2(const std::string &path);
Result<void> create_v1(const std::string &path, bool all_devices);
Result<void> create_v2(const std::string &path);
bool exists_v1(const std::string &path);
bool exists_v2(const std::string &path);

// Shared helpers.
Result<std::vector<pid_t>> read_pids(const std::string &file);
Result<uint64_t> read_u64(const std::string &file);  // "max" reads as 0
std::map<std::string, uint64_t> read_flat_keyed(const std::string &file);  // "key value" lines
Result<void> rmdir_retry(const std::string &dir);

}  // namespace berth::sandbox::cgroups
