// GET /containers/{id}/stats: one sample in Docker's StatsJSON shape, from the container's
// cgroup (sandbox::cgroups::Stats) and its network namespace. Shaping is pure (tested as
// data); reading is in collect_stats().
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "sandbox/cgroups.h"

namespace berth::containers {

// One interface's counters as /proc/<pid>/net/dev has them (Docker's NetworkStats).
struct InterfaceCounters {
    std::uint64_t rx_bytes = 0, rx_packets = 0, rx_errors = 0, rx_dropped = 0;
    std::uint64_t tx_bytes = 0, tx_packets = 0, tx_errors = 0, tx_dropped = 0;
};

// Block I/O bytes per device (v2 io.stat rbytes/wbytes), for blkio_stats.
struct DeviceIo {
    unsigned major = 0, minor = 0;
    std::uint64_t read_bytes = 0, write_bytes = 0, reads = 0, writes = 0;
};

struct Sample {
    std::string read;                        // RFC 3339 nano
    std::string cgroup_version = "1";        // memory_stats' shape follows it
    sandbox::cgroups::Stats cgroup;
    std::optional<std::map<std::string, DeviceIo>> block_io;  // nullopt: not measured (v1 without blkio)
    std::uint64_t machine_memory = 0;        // the limit reported when the cgroup has none
    // Networking hook: the container's interfaces (eth*), from its network namespace.
    // Empty until networking gives containers interfaces: then "networks" is left out.
    std::map<std::string, InterfaceCounters> networks;
};

// The StatsJSON body. `previous` is the previous sample's body (precpu_stats, preread);
// null for the first one.
nlohmann::json stats_json(const Sample &s, const nlohmann::json &previous, const std::string &name,
                          const std::string &id);
// What Docker answers for a container that is not running: zero times and counters.
nlohmann::json zero_stats_json(const std::string &name, const std::string &id);

// /proc/<pid>/net/dev, the interfaces whose names start with "eth" (the loopback and
// tunnels are not the container's traffic as docker stats shows it).
std::map<std::string, InterfaceCounters> parse_net_dev(const std::string &text);
// v2 io.stat lines: "8:0 rbytes=1 wbytes=2 rios=3 wios=4 ...".
std::map<std::string, DeviceIo> parse_io_stat(const std::string &text);

// Reads everything for a running container (init_pid: its init's host PID).
Result<Sample> collect_stats(const std::string &container_id, pid_t init_pid);

}  // namespace berth::containers
