// The plan for one container: plain data, written by the containers side into
// <bundle>/spec.json and carried out by the monitor (`berthd monitor <bundle>`).
// Everything Docker-specific (image config merging, CapAdd/CapDrop, user name lookup,
// volume resolution) is already resolved here; the sandbox only executes. See README.md.
//
// Conventions: sizes are bytes; 0 means "not set / kernel default" unless noted; paths
// are absolute host paths except Mount::destination and Process::cwd (container paths).
// Every field has a default, so missing JSON keys are fine (from_json uses the defaults).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::sandbox {

struct ConsoleSize {
    uint16_t rows = 0;  // 0: leave the pty's default
    uint16_t cols = 0;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ConsoleSize, rows, cols)

struct Rootfs {
    // Image layers, lowest (base) first, as unpacked directories. overlay.cpp turns this
    // into overlayfs' lowerdir= (which lists the top first).
    std::vector<std::string> lower;
    std::string upper;   // per-container writable layer; empty: no upper (read-only overlay)
    std::string work;    // overlayfs workdir, same filesystem as upper
    std::string merged;  // where the overlay is mounted (inside the container's mount ns)
    bool readonly = false;  // ReadonlyRootfs: remounted read-only once every mount is set up
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Rootfs, lower, upper, work, merged, readonly)

struct Process {
    std::vector<std::string> args;  // argv; args[0] is looked up in PATH from env if relative
    std::vector<std::string> env;   // "KEY=value"
    std::string cwd = "/";          // created inside the rootfs if missing, like Docker
    uint32_t uid = 0;
    uint32_t gid = 0;
    std::vector<uint32_t> additional_gids;
    bool terminal = false;    // Tty: a pty; stdout and stderr are merged
    bool open_stdin = false;  // OpenStdin: attach clients may write to the process' stdin
    bool stdin_once = false;  // StdinOnce: stdin closes when the first stdin client detaches
    ConsoleSize console_size;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Process, args, env, cwd, uid, gid, additional_gids,
                                                terminal, open_stdin, stdin_once, console_size)

struct Mount {
    std::string destination;  // container path; resolved inside the rootfs (no symlink escapes)
    std::string type = "bind";  // "bind" (binds and volumes) or "tmpfs"
    std::string source;         // host path for bind; ignored for tmpfs
    // "ro" "rw" "bind" "rbind" "nosuid" "nodev" "noexec" "private" "rprivate" "slave"
    // "rslave" "shared" "rshared", and for tmpfs also data options: "size=64m" "mode=1777"
    // "uid=N" "gid=N". A bind without "bind" is recursive (Docker's default).
    std::vector<std::string> options;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Mount, destination, type, source, options)

struct Rlimit {
    std::string name;  // Docker's ulimit names: "nofile", "nproc", "core", "memlock", "stack", ...
    int64_t soft = 0;  // -1: unlimited
    int64_t hard = 0;  // -1: unlimited. Capped to the monitor's own hard limit (never raised)
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Rlimit, name, soft, hard)

struct Security {
    // The final capability set ("CAP_CHOWN", ...), CapAdd/CapDrop already applied to
    // Docker's default set (capabilities.h: default_capabilities()). Ignored when privileged.
    std::vector<std::string> capabilities;
    bool privileged = false;         // all caps, no seccomp, no masked paths, /sys rw
    bool no_new_privileges = false;  // SecurityOpt no-new-privileges
    std::string seccomp = "default"; // "default" or "unconfined"
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Security, capabilities, privileged,
                                                no_new_privileges, seccomp)

// HostConfig resource limits. 0 means unset (no limit) unless noted.
struct CgroupLimits {
    int64_t memory = 0;        // Memory, bytes
    int64_t memory_swap = 0;   // MemorySwap: memory+swap total; -1 unlimited swap; 0 unset (=2x memory, Docker)
    int64_t nano_cpus = 0;     // NanoCpus: 1e9 = one CPU; becomes quota/period (period 100ms)
    int64_t cpu_quota = 0;     // CpuQuota, microseconds per period (used when nano_cpus is 0)
    int64_t cpu_period = 0;    // CpuPeriod, microseconds (0: 100000)
    int64_t cpu_shares = 0;    // CpuShares (v2: converted to cpu.weight like runc)
    int64_t pids_limit = 0;    // PidsLimit; 0 or -1: unlimited
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CgroupLimits, memory, memory_swap, nano_cpus,
                                                cpu_quota, cpu_period, cpu_shares, pids_limit)

struct Cgroup {
    // Relative to each hierarchy root (v1: under every controller; v2: under the unified
    // mount). Default chosen by the containers side: "berth/<id>".
    std::string path;
    CgroupLimits limits;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Cgroup, path, limits)

struct Network {
    // "none": a new network namespace with only lo up (default; networking adds a veth
    //         later through /proc/<pid>/ns/net while the start gate holds the container);
    // "host": stay in the host's network namespace;
    // "join": setns into `path` (another container's /proc/<pid>/ns/net or a bind-mounted ns).
    std::string mode = "none";
    std::string path;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Network, mode, path)

struct LogConfig {
    std::string path;      // json-file log; empty: no log written
    int64_t max_size = 0;  // bytes; 0: no rotation
    int max_file = 1;      // number of files kept, counting the live one (<path>, <path>.1, ...)
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LogConfig, path, max_size, max_file)

struct Spec {
    std::string id;      // 64 hex
    std::string bundle;  // the container's directory: spec.json, state files, attach.sock
    Rootfs rootfs;
    std::string hostname;
    std::string domainname;
    Process process;
    std::vector<Mount> mounts;  // user mounts (binds, volumes, tmpfs), in order
    Security security;
    std::vector<Rlimit> rlimits;
    Cgroup cgroup;
    Network network;
    bool init = false;       // Init: the built-in tiny init is PID 1 (tiny_init.h)
    LogConfig log;
    int stop_signal = 15;    // for the daemon's stop; the monitor does not use it
    int64_t shm_size = 0;    // /dev/shm size; 0: 64 MiB (Docker's default)
    // Files in the bundle bind-mounted over /etc/hostname, /etc/hosts, /etc/resolv.conf
    // (empty: not mounted).
    std::string hostname_file;
    std::string hosts_file;
    std::string resolv_conf_file;
    // When true the monitor sets everything up, reports {"state":"created"} on fd 3 and
    // waits for the line "start" before the process runs (network setup, early attach).
    bool start_gate = false;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Spec, id, bundle, rootfs, hostname, domainname,
                                                process, mounts, security, rlimits, cgroup, network,
                                                init, log, stop_signal, shm_size, hostname_file,
                                                hosts_file, resolv_conf_file, start_gate)

// What `berthd exec-process <bundle> <exec-id>` runs: <bundle>/exec/<exec-id>/spec.json.
// Namespaces, cgroup, seccomp, capabilities and rlimits come from the container's spec.json;
// privileged here (docker exec --privileged) lifts capability and seccomp limits.
struct ExecSpec {
    std::string id;  // exec id
    Process process;
    bool privileged = false;
    bool start_gate = false;  // as Spec::start_gate
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ExecSpec, id, process, privileged, start_gate)

// What the monitor records when the container's init has been reaped (<bundle>/exit.json,
// written atomically: temp, fsync, rename). Exec processes record the same shape in
// <bundle>/exec/<exec-id>/exit.json.
struct ExitStatus {
    int exit_code = 0;       // the process' code, or 128+signal when killed by a signal
    bool oom_killed = false; // the cgroup saw an OOM kill while the container ran
    std::string finished_at; // RFC 3339 with nanoseconds, UTC
    std::string error;       // set when setup failed after the spawn (exit_code is then 127/126)
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ExitStatus, exit_code, oom_killed, finished_at, error)

// Reads and validates a spec file (fields the monitor cannot run without).
Result<Spec> load_spec(const std::string &path);
Result<ExecSpec> load_exec_spec(const std::string &path);
// Atomic write of any JSON state file (temp, fsync, rename, fsync of the directory).
Result<void> write_json_atomic(const std::string &path, const nlohmann::json &j);
Result<ExitStatus> load_exit_status(const std::string &path);

}  // namespace berth::sandbox
