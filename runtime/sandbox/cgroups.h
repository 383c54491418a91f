// Container cgroups for the monitor and the daemon: one cgroup per container under a
// `berth` parent, on cgroup v2 when the unified hierarchy has the controllers we need,
// otherwise v1 (each controller's own mount; this machine is v1 hybrid). The driver is
// always "cgroupfs" (plain files, no systemd).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "sandbox/spec.h"

namespace berth::sandbox::cgroups {

struct Info {
    std::string version;  // "1" or "2", as /info reports CgroupVersion
    std::string driver = "cgroupfs";
};
Info detect();

std::string default_path(const std::string &container_id);  // "berth/<id>"

// Pure conversions (tested as data).
// CpuShares (2..262144) to cgroup v2 cpu.weight (1..10000), the formula runc uses.
uint64_t shares_to_weight(uint64_t shares);
struct CpuMax {
    int64_t quota_us = -1;  // -1: no limit
    int64_t period_us = 100000;
};
// NanoCpus wins over CpuQuota/CpuPeriod (Docker refuses both; we take NanoCpus).
CpuMax cpu_max(const CgroupLimits &l);
// Docker's MemorySwap semantics (memory+swap total; -1 unlimited; 0 = twice Memory).
// v1: value for memory.memsw.limit_in_bytes (-1 unlimited, 0 leave alone).
int64_t memsw_limit_v1(const CgroupLimits &l);
// v2: value for memory.swap.max (swap alone; -1 "max"; nullopt: leave alone).
std::optional<int64_t> swap_max_v2(const CgroupLimits &l);

struct Stats {
    uint64_t cpu_total_ns = 0;            // cpu_stats.cpu_usage.total_usage
    std::vector<uint64_t> percpu_ns;      // cpu_usage.percpu_usage (v1 only)
    uint64_t cpu_user_ns = 0, cpu_system_ns = 0;
    uint64_t system_cpu_ns = 0;           // cpu_stats.system_cpu_usage (host, /proc/stat)
    uint32_t online_cpus = 0;
    uint64_t nr_periods = 0, nr_throttled = 0, throttled_ns = 0;  // throttling_data
    uint64_t memory_usage = 0, memory_max_usage = 0, memory_limit = 0;
    std::map<std::string, uint64_t> memory_stat;  // memory.stat as is
    uint64_t pids_current = 0, pids_limit = 0;    // pids_limit 0: unlimited
    std::string io_stat;                          // v2's io.stat as is ("" on v1)
};

class Backend;

class Cgroup {
public:
    // Creates (or reuses) the cgroup and applies the limits. Device access is limited to
    // Docker's default device list (v1 devices controller) unless all_devices (privileged).
    static Result<Cgroup> create(const std::string &path, const CgroupLimits &limits,
                                 bool all_devices = false);
    // NotFound when the cgroup does not exist.
    static Result<Cgroup> open(const std::string &path);

    Cgroup(Cgroup &&) noexcept;
    Cgroup &operator=(Cgroup &&) noexcept;
    ~Cgroup();

    const std::string &path() const;
    std::string version() const;  // "1" or "2"

    Result<void> enter(pid_t pid);
    Result<void> update(const CgroupLimits &limits);
    Result<void> freeze();   // returns when every task is frozen
    Result<void> thaw();
    Result<bool> frozen();
    Result<Stats> stats();
    Result<std::vector<pid_t>> procs();
    Result<bool> oom_killed();  // the kernel OOM-killed a task in this cgroup
    Result<void> kill_all();    // SIGKILL every task, until the cgroup is empty
    Result<void> remove();      // kill_all, then rmdir (with retries); ok when already gone

private:
    explicit Cgroup(std::unique_ptr<Backend> b);
    std::unique_ptr<Backend> b_;
};

// Removes the cgroup unless keep() is called (an error path after create).
class CgroupGuard {
public:
    explicit CgroupGuard(Cgroup *cg) : cg_(cg) {}
    ~CgroupGuard() {
        if (cg_) (void)cg_->remove();
    }
    void keep() { cg_ = nullptr; }

private:
    Cgroup *cg_;
};

// Host CPU time for docker stats' system_cpu_usage (ns) and the online CPU count.
Result<uint64_t> host_cpu_ns();
uint32_t online_cpus();

}  // namespace berth::sandbox::cgroups
