#include "containers/process_table.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <sstream>

#include "util/atomic_file.h"

namespace berth::containers {
namespace {

// ps's TTY column: the pts major numbers are 136..143 (Documentation/admin-guide/devices.txt).
std::string tty_name(int tty_nr) {
    if (tty_nr == 0) return "?";
    const unsigned major = (static_cast<unsigned>(tty_nr) >> 8) & 0xfff;
    const unsigned minor = (static_cast<unsigned>(tty_nr) & 0xff) | ((static_cast<unsigned>(tty_nr) >> 12) & 0xfff00);
    if (major >= 136 && major <= 143) return "pts/" + std::to_string((major - 136) * 256 + minor);
    if (major == 4 && minor < 64) return "tty" + std::to_string(minor);
    if (major == 4) return "ttyS" + std::to_string(minor - 64);
    return "?";
}

std::string two(long v) {
    char b[8];
    std::snprintf(b, sizeof b, "%02ld", v);
    return b;
}

// ps -ef's TIME: [DD-]HH:MM:SS of CPU time.
std::string cpu_time_full(std::uint64_t secs) {
    const std::uint64_t days = secs / 86400;
    std::string out = days ? std::to_string(days) + "-" : "";
    return out + two(static_cast<long>(secs % 86400 / 3600)) + ":" + two(static_cast<long>(secs % 3600 / 60)) + ":" +
           two(static_cast<long>(secs % 60));
}

// ps aux's TIME: M:SS.
std::string cpu_time_bsd(std::uint64_t secs) { return std::to_string(secs / 60) + ":" + two(static_cast<long>(secs % 60)); }

// STIME/START: HH:MM within a day, "MonDD" within a year, else the year (procps' rule).
std::string start_time(std::int64_t start, std::int64_t now) {
    const std::time_t t = static_cast<std::time_t>(start);
    std::tm tm{};
    ::localtime_r(&t, &tm);
    char buf[16];
    if (now - start < 24 * 3600) std::strftime(buf, sizeof buf, "%H:%M", &tm);
    else if (now - start < 365 * 24 * 3600) std::strftime(buf, sizeof buf, "%b%d", &tm);
    else std::strftime(buf, sizeof buf, "%Y", &tm);
    return buf;
}

std::string command_of(const ProcessInfo &p) { return p.cmdline.empty() ? "[" + p.comm + "]" : p.cmdline; }

}  // namespace

Result<PsFormat> parse_ps_args(const std::string &ps_args) {
    if (ps_args.empty() || ps_args == "-ef" || ps_args == "-fe" || ps_args == "-e -f" || ps_args == "-f")
        return PsFormat::Full;
    if (ps_args == "aux" || ps_args == "-aux" || ps_args == "au" || ps_args == "ax" || ps_args == "-ax")
        return PsFormat::Bsd;
    return Error::invalid("unsupported ps_args \"" + ps_args + "\": berthd supports the default (-ef) and aux");
}

nlohmann::json process_table(const std::vector<ProcessInfo> &procs, PsFormat format, const HostClock &clock,
                             const std::function<std::string(unsigned)> &user_name) {
    using nlohmann::json;
    const long hz = clock.ticks_per_second > 0 ? clock.ticks_per_second : 100;
    json rows = json::array();
    for (const auto &p : procs) {
        const std::uint64_t cpu_ticks = p.utime + p.stime;
        const std::int64_t started = clock.boot_time + static_cast<std::int64_t>(p.start_ticks / static_cast<std::uint64_t>(hz));
        const std::int64_t elapsed = std::max<std::int64_t>(1, clock.now - started);
        // ps' pcpu: CPU time over elapsed time, in percent.
        const double pcpu = static_cast<double>(cpu_ticks) / static_cast<double>(hz) * 100.0 / static_cast<double>(elapsed);
        if (format == PsFormat::Full) {
            rows.push_back({user_name(p.euid), std::to_string(p.pid), std::to_string(p.ppid),
                            std::to_string(static_cast<long>(pcpu)), start_time(started, clock.now), tty_name(p.tty_nr),
                            cpu_time_full(cpu_ticks / static_cast<std::uint64_t>(hz)), command_of(p)});
            continue;
        }
        const std::uint64_t rss_kb = p.rss_pages * static_cast<std::uint64_t>(clock.page_kb);
        const double pmem = clock.mem_total_kb ? static_cast<double>(rss_kb) * 100.0 / static_cast<double>(clock.mem_total_kb) : 0;
        std::string stat(1, p.state);
        if (p.nice < 0) stat += '<';
        if (p.nice > 0) stat += 'N';
        if (p.session == p.pid) stat += 's';
        if (p.threads > 1) stat += 'l';
        if (p.tpgid == p.pgrp && p.tty_nr != 0) stat += '+';
        char pc[16], pm[16];
        std::snprintf(pc, sizeof pc, "%.1f", pcpu);
        std::snprintf(pm, sizeof pm, "%.1f", pmem);
        rows.push_back({user_name(p.euid), std::to_string(p.pid), pc, pm, std::to_string(p.vsize_bytes / 1024),
                        std::to_string(rss_kb), tty_name(p.tty_nr), stat, start_time(started, clock.now),
                        cpu_time_bsd(cpu_ticks / static_cast<std::uint64_t>(hz)), command_of(p)});
    }
    json titles = format == PsFormat::Full
                      ? json{"UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"}
                      : json{"USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME", "COMMAND"};
    return json{{"Titles", titles}, {"Processes", rows}};
}

std::vector<ProcessInfo> read_processes(const std::vector<pid_t> &pids) {
    std::vector<ProcessInfo> out;
    for (pid_t pid : pids) {
        const std::string dir = "/proc/" + std::to_string(pid);
        auto stat = util::read_file(dir + "/stat");
        if (!stat) continue;
        ProcessInfo p;
        p.pid = pid;
        // The command name may hold spaces and parentheses: it ends at the last ')'.
        const auto open = stat->find('('), close = stat->rfind(')');
        if (open == std::string::npos || close == std::string::npos || close < open) continue;
        p.comm = stat->substr(open + 1, close - open - 1);
        std::istringstream ss(stat->substr(close + 2));
        std::vector<std::string> f{"", "", ""};  // fields 1..2 consumed above; index = field number
        std::string tok;
        while (ss >> tok) f.push_back(tok);
        if (f.size() < 25) continue;
        auto num = [&](std::size_t i) -> long long { return std::atoll(f[i].c_str()); };
        p.state = f[3].empty() ? '?' : f[3][0];
        p.ppid = static_cast<pid_t>(num(4));
        p.pgrp = static_cast<pid_t>(num(5));
        p.session = static_cast<pid_t>(num(6));
        p.tty_nr = static_cast<int>(num(7));
        p.tpgid = static_cast<pid_t>(num(8));
        p.utime = static_cast<std::uint64_t>(num(14));
        p.stime = static_cast<std::uint64_t>(num(15));
        p.nice = static_cast<long>(num(19));
        p.threads = static_cast<long>(num(20));
        p.start_ticks = static_cast<std::uint64_t>(num(22));
        p.vsize_bytes = static_cast<std::uint64_t>(num(23));
        p.rss_pages = static_cast<std::uint64_t>(num(24));
        if (auto status = util::read_file(dir + "/status")) {
            const auto at = status->find("\nUid:");
            if (at != std::string::npos) {
                std::istringstream u(status->substr(at + 5));
                unsigned real = 0, eff = 0;
                u >> real >> eff;
                p.euid = eff;
            }
        }
        if (auto cmd = util::read_file(dir + "/cmdline")) {
            std::string c = *cmd;
            while (!c.empty() && c.back() == '\0') c.pop_back();
            std::replace(c.begin(), c.end(), '\0', ' ');
            p.cmdline = c;
        }
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const ProcessInfo &a, const ProcessInfo &b) { return a.pid < b.pid; });
    return out;
}

HostClock read_host_clock() {
    HostClock c;
    c.now = static_cast<std::int64_t>(std::time(nullptr));
    c.ticks_per_second = ::sysconf(_SC_CLK_TCK);
    c.page_kb = ::sysconf(_SC_PAGESIZE) / 1024;
    if (auto stat = util::read_file("/proc/stat")) {
        const auto at = stat->find("\nbtime ");
        if (at != std::string::npos) c.boot_time = std::atoll(stat->c_str() + at + 7);
    }
    if (auto mem = util::read_file("/proc/meminfo")) {
        const auto at = mem->find("MemTotal:");
        if (at != std::string::npos) c.mem_total_kb = std::strtoull(mem->c_str() + at + 9, nullptr, 10);
    }
    return c;
}

std::string host_user_name(unsigned uid) {
    std::ifstream in("/etc/passwd");
    std::string line;
    while (std::getline(in, line)) {
        // name:x:uid:...
        const auto a = line.find(':');
        if (a == std::string::npos) continue;
        const auto b = line.find(':', a + 1);
        if (b == std::string::npos) continue;
        const auto e = line.find(':', b + 1);
        if (line.substr(b + 1, e - b - 1) == std::to_string(uid)) return line.substr(0, a);
    }
    return std::to_string(uid);
}

}  // namespace berth::containers
