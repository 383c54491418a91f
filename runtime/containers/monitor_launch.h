// Starts a container's monitor (`berthd monitor <bundle>`, sandbox/README.md) with
// posix_spawn — never fork/clone from the threaded daemon — and waits for its report on
// fd 3: the container's init pid and the monitor's pid, or the step that failed.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "common/result.h"

namespace berth::containers {

struct MonitorStarted {
    pid_t pid = 0;          // the container's init, host pid
    pid_t monitor_pid = 0;
};

// The binary that runs berthd's monitor and exec-process modes: berth-monitor beside
// berthd's own executable when it is there (runtime/monitor_main.cpp), else berthd itself.
std::filesystem::path find_monitor_executable();

// `monitor_exe` is what find_monitor_executable() found. On failure nothing is left running:
// the monitor cleans up after an error line, and a monitor that says nothing in time
// is killed.
// With the spec's start_gate, `on_created` runs while the container waits before its
// first instruction (attach clients connect then, so they miss no output); the container
// is released when it returns.
Result<MonitorStarted> launch_monitor(const std::filesystem::path &monitor_exe,
                                      const std::filesystem::path &bundle,
                                      const std::function<void()> &on_created = {},
                                      std::chrono::milliseconds timeout = std::chrono::seconds(60));

// The same for `berthd exec-process <bundle> <exec-id>` (sandbox/README.md, Exec): a
// process joining the running container; its report and start gate work the same way.
Result<MonitorStarted> launch_exec_process(const std::filesystem::path &monitor_exe,
                                           const std::filesystem::path &bundle, const std::string &exec_id,
                                           const std::function<void()> &on_created = {},
                                           std::chrono::milliseconds timeout = std::chrono::seconds(60));

// Whether `pid` is a live `berthd monitor <bundle>` (pids get reused).
bool is_monitor_of(pid_t pid, const std::filesystem::path &bundle);

}  // namespace berth::containers
