// GET /containers/{id}/top: the container's processes read from /proc, laid out as the
// `ps` Docker runs on the host would print them (host PIDs, host user names). Docker
// shells out to ps; berthd reads /proc itself and supports the two forms people use:
// the default `-ef` and `aux`.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::containers {

// What one process looks like in /proc (times in clock ticks, as /proc/<pid>/stat has them).
struct ProcessInfo {
    pid_t pid = 0, ppid = 0, pgrp = 0, session = 0, tpgid = 0;
    char state = '?';
    int tty_nr = 0;
    long nice = 0, threads = 1;
    std::uint64_t utime = 0, stime = 0, start_ticks = 0;
    std::uint64_t vsize_bytes = 0, rss_pages = 0;
    unsigned euid = 0;
    std::string comm, cmdline;  // cmdline with NULs as spaces; empty for kernel threads
};

// What the layout needs besides the processes.
struct HostClock {
    std::int64_t now = 0;        // unix seconds
    std::int64_t boot_time = 0;  // /proc/stat btime
    long ticks_per_second = 100;
    std::uint64_t mem_total_kb = 0;
    long page_kb = 4;
};

enum class PsFormat { Full, Bsd };  // "-ef" (the default), "aux"

// ps_args as Docker's top receives them; 400 for what we do not lay out.
Result<PsFormat> parse_ps_args(const std::string &ps_args);

// {"Titles": [...], "Processes": [[...], ...]}, Docker's ContainerTopOKBody.
nlohmann::json process_table(const std::vector<ProcessInfo> &procs, PsFormat format, const HostClock &clock,
                             const std::function<std::string(unsigned)> &user_name);

// Reading /proc. A process that exits meanwhile is skipped.
std::vector<ProcessInfo> read_processes(const std::vector<pid_t> &pids);
HostClock read_host_clock();
// The name of a uid in the host's /etc/passwd, else the number (as ps prints it).
std::string host_user_name(unsigned uid);

}  // namespace berth::containers
