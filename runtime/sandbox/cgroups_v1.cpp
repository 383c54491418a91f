// cgroup v1: one directory per controller mount (cpu and cpuacct may share one).
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <set>
#include <thread>

#include "sandbox/cgroups_backend.h"
#include "sandbox/sys.h"
#include "sandbox/text_fields.h"

namespace berth::sandbox::cgroups {
namespace {

std::string dir_of(const char *controller, const std::string &path) {
    auto it = layout().v1.find(controller);
    if (it == layout().v1.end()) return {};
    return it->second + "/" + path;
}

std::vector<std::string> all_dirs(const std::string &path) {
    std::set<std::string> mounts;
    for (const auto &[ctl, mnt] : layout().v1) mounts.insert(mnt);
    std::vector<std::string> out;
    for (const auto &m : mounts) out.push_back(m + "/" + path);
    return out;
}

// Docker's default device allow list (moby oci/devices_linux.go): mknod of anything,
// read/write of the pseudo devices and ptys only.
const char *const kDefaultDevices[] = {
    "c *:* m",   "b *:* m",   "c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm",   "c 1:8 rwm",
    "c 1:9 rwm", "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm", "c 136:* rwm", "c 10:200 rwm",
};

// A new cpuset cgroup starts with no CPUs and no memory nodes; tasks cannot join it until
// both are copied from the parent.
Result<void> init_cpuset(const std::string &dir) {
    auto parent = dir.substr(0, dir.rfind('/'));
    for (const char *f : {"cpuset.cpus", "cpuset.mems"}) {
        auto mine = sys::read_file(dir + "/" + f);
        if (mine && mine->find_first_not_of(" \n") != std::string::npos) continue;
        auto theirs = TRY(sys::read_file(parent + "/" + f));
        TRY(sys::write_file(dir + "/" + f, theirs));
    }
    return {};
}

class V1 final : public Backend {
public:
    explicit V1(std::string path) : path_(std::move(path)) {}
    const std::string &path() const override { return path_; }
    std::string version() const override { return "1"; }

    Result<void> enter(pid_t pid) override {
        for (const auto &d : all_dirs(path_))
            if (sys::exists(d)) TRY(sys::write_file(d + "/cgroup.procs", std::to_string(pid)));
        return {};
    }

    Result<void> update(const CgroupLimits &l) override {
        const auto mem = dir_of("memory", path_);
        if (!mem.empty() && l.memory > 0) {
            const int64_t memsw = memsw_limit_v1(l);
            const std::string sw = mem + "/memory.memsw.limit_in_bytes";
            const bool has_swap = sys::exists(sw);
            auto first = sys::write_file(mem + "/memory.limit_in_bytes", std::to_string(l.memory));
            // memsw must stay >= the memory limit: when lowering, the order flips.
            if (has_swap && memsw != 0) TRY(sys::write_file(sw, std::to_string(memsw)));
            if (!first) TRY(sys::write_file(mem + "/memory.limit_in_bytes", std::to_string(l.memory)));
        }
        const auto cpu = dir_of("cpu", path_);
        if (!cpu.empty()) {
            const CpuMax m = cpu_max(l);
            if (m.quota_us > 0 || l.cpu_period > 0)
                TRY(sys::write_file(cpu + "/cpu.cfs_period_us", std::to_string(m.period_us)));
            if (m.quota_us > 0) TRY(sys::write_file(cpu + "/cpu.cfs_quota_us", std::to_string(m.quota_us)));
            if (l.cpu_shares > 0) TRY(sys::write_file(cpu + "/cpu.shares", std::to_string(l.cpu_shares)));
        }
        const auto pids = dir_of("pids", path_);
        if (!pids.empty() && l.pids_limit != 0)
            TRY(sys::write_file(pids + "/pids.max",
                                l.pids_limit < 0 ? "max" : std::to_string(l.pids_limit)));
        return {};
    }

    Result<void> set_frozen(bool frozen) override {
        const auto f = dir_of("freezer", path_);
        if (f.empty()) return Error::internal("no freezer controller");
        const std::string want = frozen ? "FROZEN" : "THAWED";
        for (int i = 0; i < 1000; ++i) {
            // Writing FROZEN again nudges tasks that were forking while FREEZING.
            TRY(sys::write_file(f + "/freezer.state", want));
            auto state = TRY(sys::read_file(f + "/freezer.state"));
            if (state.rfind(want, 0) == 0) return {};
            std::this_thread::sleep_for(std::chrono::milliseconds(1 + i / 10));
        }
        return Error{"freeze", f, EBUSY, "tasks did not reach " + want};
    }

    Result<bool> frozen() override {
        const auto f = dir_of("freezer", path_);
        if (f.empty()) return false;
        auto state = TRY(sys::read_file(f + "/freezer.state"));
        return state.rfind("FROZEN", 0) == 0;
    }

    Result<Stats> stats() override {
        Stats s;
        const auto acct = dir_of("cpuacct", path_);
        if (!acct.empty()) {
            if (auto v = read_u64(acct + "/cpuacct.usage")) s.cpu_total_ns = *v;
            if (auto t = sys::read_file(acct + "/cpuacct.usage_percpu")) {
                for (auto word : text::words(*t)) {
                    const auto v = text::to_u64(word);
                    if (!v) break;
                    s.percpu_ns.push_back(*v);
                }
            }
            auto st = read_flat_keyed(acct + "/cpuacct.stat");
            const uint64_t tick = 1000000000ull / static_cast<uint64_t>(::sysconf(_SC_CLK_TCK));
            s.cpu_user_ns = st["user"] * tick;
            s.cpu_system_ns = st["system"] * tick;
        }
        const auto cpu = dir_of("cpu", path_);
        if (!cpu.empty()) {
            auto st = read_flat_keyed(cpu + "/cpu.stat");
            s.nr_periods = st["nr_periods"];
            s.nr_throttled = st["nr_throttled"];
            s.throttled_ns = st["throttled_time"];
        }
        const auto mem = dir_of("memory", path_);
        if (!mem.empty()) {
            if (auto v = read_u64(mem + "/memory.usage_in_bytes")) s.memory_usage = *v;
            if (auto v = read_u64(mem + "/memory.max_usage_in_bytes")) s.memory_max_usage = *v;
            if (auto v = read_u64(mem + "/memory.limit_in_bytes")) s.memory_limit = *v;
            s.memory_stat = read_flat_keyed(mem + "/memory.stat");
        }
        const auto pids = dir_of("pids", path_);
        if (!pids.empty()) {
            if (auto v = read_u64(pids + "/pids.current")) s.pids_current = *v;
            if (auto v = read_u64(pids + "/pids.max")) s.pids_limit = *v;
        }
        return s;
    }

    Result<std::vector<pid_t>> procs() override {
        for (const char *c : {"pids", "freezer", "memory", "cpu"}) {
            auto d = dir_of(c, path_);
            if (!d.empty() && sys::exists(d)) return read_pids(d + "/cgroup.procs");
        }
        return std::vector<pid_t>{};
    }

    Result<bool> oom_killed() override {
        const auto mem = dir_of("memory", path_);
        if (mem.empty()) return false;
        // "oom_kill N" exists since Linux 4.13; "under_oom 1" catches a live OOM before it.
        auto kv = read_flat_keyed(mem + "/memory.oom_control");
        return kv["oom_kill"] > 0 || kv["under_oom"] > 0;
    }

    Result<void> kill_all() override {
        for (int round = 0; round < 200; ++round) {
            auto pids = TRY(procs());
            if (pids.empty()) return {};
            // Frozen tasks cannot fork while we kill them; SIGKILL still lands on thaw.
            const bool can_freeze = !dir_of("freezer", path_).empty();
            if (can_freeze) (void)set_frozen(true);
            for (pid_t p : pids) ::kill(p, SIGKILL);
            if (can_freeze) (void)set_frozen(false);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return Error{"kill cgroup tasks", path_, EBUSY, "tasks remain"};
    }

    Result<void> remove() override {
        bool any = false;
        for (const auto &d : all_dirs(path_)) any |= sys::exists(d);
        if (!any) return {};
        TRY(kill_all());
        for (const auto &d : all_dirs(path_)) TRY(rmdir_retry(d));
        return {};
    }

private:
    std::string path_;
};

}  // namespace

std::unique_ptr<Backend> make_v1(const std::string &path) { return std::make_unique<V1>(path); }

bool exists_v1(const std::string &path) {
    for (const auto &d : all_dirs(path))
        if (sys::exists(d)) return true;
    return false;
}

Result<void> create_v1(const std::string &path, bool all_devices) {
    for (const auto &[ctl, mnt] : layout().v1) {
        const std::string dir = mnt + "/" + path;
        // Create level by level so every new cpuset level gets its CPUs and nodes.
        std::string cur = mnt;
        for (auto part : text::split(path, '/')) {
            cur += "/";
            cur += part;
            if (::mkdir(cur.c_str(), 0755) < 0 && errno != EEXIST) return Error::sys("mkdir", cur);
            if (ctl == "cpuset") TRY(init_cpuset(cur));
        }
        if (ctl == "devices") {
            if (all_devices) {
                TRY(sys::write_file(dir + "/devices.allow", "a"));
            } else {
                TRY(sys::write_file(dir + "/devices.deny", "a"));
                for (const char *rule : kDefaultDevices)
                    TRY(sys::write_file(dir + "/devices.allow", rule));
            }
        }
    }
    return {};
}

}  // namespace berth::sandbox::cgroups
