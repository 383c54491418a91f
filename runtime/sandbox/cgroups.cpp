// Cgroup front end: detection, conversions, and the version-independent operations.
#include "sandbox/cgroups.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <thread>

#include "sandbox/cgroups_backend.h"
#include "sandbox/sys.h"
#include "sandbox/text_fields.h"

namespace berth::sandbox::cgroups {

const Layout &layout() {
    static const Layout l = [] {
        Layout out;
        std::string mountinfo;
        if (auto m = sys::read_file("/proc/self/mountinfo")) mountinfo = std::move(*m);
        for (auto line : text::split(mountinfo, '\n')) {
            // id parent maj:min root mountpoint opts [optional...] - fstype source superopts
            const auto f = text::words(line);
            std::size_t dash = 6;
            while (dash < f.size() && f[dash] != "-") ++dash;
            if (dash + 3 >= f.size()) continue;
            const std::string mnt(f[4]);
            const auto fstype = f[dash + 1], super = f[dash + 3];
            if (fstype == "cgroup2" && out.unified.empty()) {
                out.unified = mnt;
            } else if (fstype == "cgroup") {
                for (auto o : text::split(super, ','))
                    if (o == "memory" || o == "cpu" || o == "cpuacct" || o == "pids" ||
                        o == "freezer" || o == "cpuset" || o == "devices")
                        out.v1.emplace(std::string(o), mnt);
            }
        }
        if (!out.unified.empty()) {
            auto ctl = sys::read_file(out.unified + "/cgroup.controllers");
            if (ctl) {
                int need = 0;
                for (auto c : text::words(*ctl)) need += (c == "memory" || c == "cpu" || c == "pids");
                out.v2_usable = need == 3;
            }
        }
        // A v1 memory controller means the v2 hierarchy cannot have it; prefer what has it.
        if (out.v2_usable && out.v1.count("memory")) out.v2_usable = false;
        // BERTH_CGROUP_VERSION=1|2 overrides the choice (diagnosis; "2" on a hybrid host
        // runs containers in the unified hierarchy without resource controllers).
        if (const char *force = std::getenv("BERTH_CGROUP_VERSION")) {
            if (std::string(force) == "2" && !out.unified.empty()) out.v2_usable = true;
            if (std::string(force) == "1" && !out.v1.empty()) out.v2_usable = false;
        }
        return out;
    }();
    return l;
}

Info detect() {
    Info i;
    i.version.push_back(layout().v2_usable ? '2' : '1');
    return i;
}

std::string default_path(const std::string &container_id) { return "berth/" + container_id; }

uint64_t shares_to_weight(uint64_t shares) {
    if (shares == 0) return 0;
    if (shares < 2) shares = 2;
    if (shares > 262144) shares = 262144;
    return 1 + ((shares - 2) * 9999) / 262142;
}

CpuMax cpu_max(const CgroupLimits &l) {
    CpuMax m;
    if (l.nano_cpus > 0) {
        m.period_us = 100000;
        m.quota_us = l.nano_cpus * m.period_us / 1000000000;
        if (m.quota_us < 1000) m.quota_us = 1000;  // the kernel's minimum quota is 1ms
        return m;
    }
    if (l.cpu_period > 0) m.period_us = l.cpu_period;
    if (l.cpu_quota > 0) m.quota_us = l.cpu_quota;
    return m;
}

int64_t memsw_limit_v1(const CgroupLimits &l) {
    if (l.memory_swap < 0) return -1;
    if (l.memory_swap > 0) return l.memory_swap;
    if (l.memory > 0) return 2 * l.memory;
    return 0;
}

std::optional<int64_t> swap_max_v2(const CgroupLimits &l) {
    if (l.memory_swap < 0) return -1;
    if (l.memory_swap > 0) return l.memory_swap > l.memory ? l.memory_swap - l.memory : 0;
    if (l.memory > 0) return l.memory;
    return std::nullopt;
}

Result<std::vector<pid_t>> read_pids(const std::string &file) {
    auto text = TRY(sys::read_file(file));
    std::vector<pid_t> out;
    for (auto word : text::words(text)) {
        const auto p = text::to_u64(word);
        if (!p) break;
        out.push_back(static_cast<pid_t>(*p));
    }
    return out;
}

Result<uint64_t> read_u64(const std::string &file) {
    auto text = TRY(sys::read_file(file));
    if (text.rfind("max", 0) == 0) return uint64_t{0};
    try {
        return static_cast<uint64_t>(std::stoull(text));
    } catch (...) {
        return Error{"parse", file, 0, "not a number"};
    }
}

std::map<std::string, uint64_t> read_flat_keyed(const std::string &file) {
    std::map<std::string, uint64_t> out;
    auto content = sys::read_file(file);
    if (!content) return out;
    const auto w = text::words(*content);
    for (std::size_t i = 0; i + 1 < w.size(); i += 2) {
        const auto v = text::to_u64(w[i + 1]);
        if (!v) break;
        out[std::string(w[i])] = *v;
    }
    return out;
}

Result<void> rmdir_retry(const std::string &dir) {
    for (int i = 0; i < 100; ++i) {
        if (::rmdir(dir.c_str()) == 0 || errno == ENOENT) return {};
        if (errno != EBUSY) return Error::sys("rmdir", dir);
        // Tasks that were just killed leave the cgroup a moment later.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return Error::sys("rmdir", dir, EBUSY);
}

Result<uint64_t> host_cpu_ns() {
    auto stat = TRY(sys::read_file("/proc/stat"));
    const auto first = text::words(std::string_view(stat).substr(0, stat.find('\n')));
    if (first.empty() || first[0] != "cpu") return Error{"parse", "/proc/stat", 0, "no cpu line"};
    uint64_t total = 0;
    for (std::size_t i = 1; i <= 8 && i < first.size(); ++i) {  // user..steal, as Docker sums
        const auto v = text::to_u64(first[i]);
        if (!v) break;
        total += *v;
    }
    const long tick = ::sysconf(_SC_CLK_TCK);
    return total * (1000000000ull / static_cast<uint64_t>(tick > 0 ? tick : 100));
}

uint32_t online_cpus() {
    long n = ::sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? static_cast<uint32_t>(n) : 1;
}

// ---- Cgroup ----

Cgroup::Cgroup(std::unique_ptr<Backend> b) : b_(std::move(b)) {}
Cgroup::Cgroup(Cgroup &&) noexcept = default;
Cgroup &Cgroup::operator=(Cgroup &&) noexcept = default;
Cgroup::~Cgroup() = default;

static Result<void> validate_path(const std::string &path) {
    if (path.empty() || path[0] == '/' || path.find("..") != std::string::npos)
        return Error::invalid("bad cgroup path: " + path);
    return {};
}

Result<Cgroup> Cgroup::create(const std::string &path, const CgroupLimits &limits,
                              bool all_devices) {
    TRY(validate_path(path));
    if (layout().v2_usable) {
        TRY(create_v2(path));
        Cgroup cg(make_v2(path));
        CgroupGuard guard(&cg);
        TRY(cg.update(limits));
        guard.keep();
        return cg;
    }
    TRY(create_v1(path, all_devices));
    Cgroup cg(make_v1(path));
    CgroupGuard guard(&cg);
    TRY(cg.update(limits));
    guard.keep();
    return cg;
}

Result<Cgroup> Cgroup::open(const std::string &path) {
    TRY(validate_path(path));
    if (layout().v2_usable) {
        if (!exists_v2(path)) return Error::not_found("no cgroup " + path);
        return Cgroup(make_v2(path));
    }
    if (!exists_v1(path)) return Error::not_found("no cgroup " + path);
    return Cgroup(make_v1(path));
}

const std::string &Cgroup::path() const { return b_->path(); }
std::string Cgroup::version() const { return b_->version(); }
Result<void> Cgroup::enter(pid_t pid) { return b_->enter(pid); }
Result<void> Cgroup::update(const CgroupLimits &l) { return b_->update(l); }
Result<void> Cgroup::freeze() { return b_->set_frozen(true); }
Result<void> Cgroup::thaw() { return b_->set_frozen(false); }
Result<bool> Cgroup::frozen() { return b_->frozen(); }
Result<std::vector<pid_t>> Cgroup::procs() { return b_->procs(); }
Result<bool> Cgroup::oom_killed() { return b_->oom_killed(); }
Result<void> Cgroup::kill_all() { return b_->kill_all(); }
Result<void> Cgroup::remove() { return b_->remove(); }

Result<Stats> Cgroup::stats() {
    auto s = TRY(b_->stats());
    if (auto host = host_cpu_ns()) s.system_cpu_ns = *host;
    s.online_cpus = online_cpus();
    return s;
}

}  // namespace berth::sandbox::cgroups
