// cgroup v2: one directory in the unified hierarchy; controllers enabled top-down via
// cgroup.subtree_control.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

#include "sandbox/cgroups_backend.h"
#include "sandbox/sys.h"
#include "sandbox/text_fields.h"

namespace berth::sandbox::cgroups {
namespace {

std::string dir_of(const std::string &path) { return layout().unified + "/" + path; }

class V2 final : public Backend {
public:
    explicit V2(std::string path) : path_(std::move(path)), dir_(dir_of(path_)) {}
    const std::string &path() const override { return path_; }
    std::string version() const override { return "2"; }

    Result<void> enter(pid_t pid) override {
        return sys::write_file(dir_ + "/cgroup.procs", std::to_string(pid));
    }

    Result<void> update(const CgroupLimits &l) override {
        if (l.memory > 0) {
            TRY(reclaim_below(l.memory));
            TRY(sys::write_file(dir_ + "/memory.max", std::to_string(l.memory)));
            const auto sw = swap_max_v2(l);
            if (sw && sys::exists(dir_ + "/memory.swap.max"))
                TRY(sys::write_file(dir_ + "/memory.swap.max", *sw < 0 ? "max" : std::to_string(*sw)));
        }
        const CpuMax m = cpu_max(l);
        if (m.quota_us > 0)
            TRY(sys::write_file(dir_ + "/cpu.max",
                                std::to_string(m.quota_us) + " " + std::to_string(m.period_us)));
        if (l.cpu_shares > 0)
            TRY(sys::write_file(dir_ + "/cpu.weight", std::to_string(shares_to_weight(l.cpu_shares))));
        if (l.pids_limit != 0)
            TRY(sys::write_file(dir_ + "/pids.max", l.pids_limit < 0 ? "max" : std::to_string(l.pids_limit)));
        return {};
    }

    Result<void> set_frozen(bool frozen) override {
        TRY(sys::write_file(dir_ + "/cgroup.freeze", frozen ? "1" : "0"));
        for (int i = 0; i < 1000; ++i) {
            auto ev = read_flat_keyed(dir_ + "/cgroup.events");
            if ((ev["frozen"] == 1) == frozen) return {};
            std::this_thread::sleep_for(std::chrono::milliseconds(1 + i / 10));
        }
        return Error{"freeze", dir_, EBUSY, "cgroup.events did not report the change"};
    }

    Result<bool> frozen() override {
        auto ev = read_flat_keyed(dir_ + "/cgroup.events");
        return ev["frozen"] == 1;
    }

    Result<Stats> stats() override {
        Stats s;
        auto cpu = read_flat_keyed(dir_ + "/cpu.stat");
        s.cpu_total_ns = cpu["usage_usec"] * 1000;
        s.cpu_user_ns = cpu["user_usec"] * 1000;
        s.cpu_system_ns = cpu["system_usec"] * 1000;
        s.nr_periods = cpu["nr_periods"];
        s.nr_throttled = cpu["nr_throttled"];
        s.throttled_ns = cpu["throttled_usec"] * 1000;
        if (auto v = read_u64(dir_ + "/memory.current")) s.memory_usage = *v;
        if (auto v = read_u64(dir_ + "/memory.peak")) s.memory_max_usage = *v;
        if (auto v = read_u64(dir_ + "/memory.max")) s.memory_limit = *v;
        s.memory_stat = read_flat_keyed(dir_ + "/memory.stat");
        if (auto v = read_u64(dir_ + "/pids.current")) s.pids_current = *v;
        if (auto v = read_u64(dir_ + "/pids.max")) s.pids_limit = *v;
        if (auto io = sys::read_file(dir_ + "/io.stat")) s.io_stat = std::move(*io);
        return s;
    }

    Result<std::vector<pid_t>> procs() override { return read_pids(dir_ + "/cgroup.procs"); }

    Result<bool> oom_killed() override {
        auto ev = read_flat_keyed(dir_ + "/memory.events");
        return ev["oom_kill"] > 0;
    }

    Result<void> kill_all() override {
        const bool has_kill = sys::exists(dir_ + "/cgroup.kill");  // Linux 5.14+
        for (int round = 0; round < 200; ++round) {
            auto pids = TRY(procs());
            if (pids.empty()) return {};
            if (has_kill) {
                TRY(sys::write_file(dir_ + "/cgroup.kill", "1"));
            } else {
                (void)set_frozen(true);
                for (pid_t p : pids) ::kill(p, SIGKILL);
                (void)set_frozen(false);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return Error{"kill cgroup tasks", dir_, EBUSY, "tasks remain"};
    }

    Result<void> remove() override {
        if (!sys::exists(dir_)) return {};
        TRY(kill_all());
        return rmdir_retry(dir_);
    }

private:
    // v2 never refuses a memory.max below the usage: the kernel reclaims, then OOM-kills
    // tasks until the cgroup fits (cgroup-v2.rst, "memory.max"). v1 answers EBUSY instead,
    // which is what Docker's update reports and what berthd promises: a limit the kernel
    // cannot reach changes nothing. So reclaim down to it first (memory.reclaim, Linux
    // 5.19+) and refuse with EBUSY when the usage stays above it.
    Result<void> reclaim_below(int64_t limit) {
        const auto wanted = static_cast<uint64_t>(limit);
        auto current = read_u64(dir_ + "/memory.current");
        if (!current || *current <= wanted) return {};
        if (sys::exists(dir_ + "/memory.reclaim"))
            (void)sys::write_file(dir_ + "/memory.reclaim", std::to_string(*current - wanted));  // EAGAIN: not all
        current = read_u64(dir_ + "/memory.current");
        if (current && *current > wanted)
            return Error{"set memory.max", dir_ + "/memory.max", EBUSY,
                         "usage " + std::to_string(*current) + " stays above " + std::to_string(wanted)};
        return {};
    }

    std::string path_;
    std::string dir_;
};

}  // namespace

std::unique_ptr<Backend> make_v2(const std::string &path) { return std::make_unique<V2>(path); }

bool exists_v2(const std::string &path) { return sys::exists(dir_of(path)); }

Result<void> create_v2(const std::string &path) {
    // Every ancestor must delegate the controllers to its children ("no internal
    // processes": only the leaves hold tasks, which is the case for berth/<id>).
    std::string cur = layout().unified;
    for (auto part : text::split(path, '/')) {
        auto avail = sys::read_file(cur + "/cgroup.controllers");
        if (avail) {
            for (auto c : text::words(*avail))
                if (c == "memory" || c == "cpu" || c == "pids" || c == "cpuset" || c == "io")
                    (void)sys::write_file(cur + "/cgroup.subtree_control", "+" + std::string(c));
        }
        cur += "/";
        cur += part;
        if (::mkdir(cur.c_str(), 0755) < 0 && errno != EEXIST) return Error::sys("mkdir", cur);
    }
    return {};
}

}  // namespace berth::sandbox::cgroups
