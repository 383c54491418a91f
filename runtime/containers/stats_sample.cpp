#include "containers/stats_sample.h"

#include <sstream>

#include "containers/time_format.h"
#include "util/atomic_file.h"

namespace berth::containers {
namespace {

using nlohmann::json;

json null_blkio() {
    json b = json::object();
    for (const char *k : {"io_service_bytes_recursive", "io_serviced_recursive", "io_queue_recursive",
                          "io_service_time_recursive", "io_wait_time_recursive", "io_merged_recursive",
                          "io_time_recursive", "sectors_recursive"})
        b[k] = nullptr;
    return b;
}

json zero_cpu() {
    return json{{"cpu_usage", {{"total_usage", 0}, {"usage_in_kernelmode", 0}, {"usage_in_usermode", 0}}},
                {"throttling_data", {{"periods", 0}, {"throttled_periods", 0}, {"throttled_time", 0}}}};
}

json cpu_json(const sandbox::cgroups::Stats &c) {
    json usage = {{"total_usage", c.cpu_total_ns},
                  {"usage_in_kernelmode", c.cpu_system_ns},
                  {"usage_in_usermode", c.cpu_user_ns}};
    if (!c.percpu_ns.empty()) usage["percpu_usage"] = c.percpu_ns;  // v1 only, as Docker
    return json{{"cpu_usage", usage},
                {"system_cpu_usage", c.system_cpu_ns},
                {"online_cpus", c.online_cpus},
                {"throttling_data",
                 {{"periods", c.nr_periods}, {"throttled_periods", c.nr_throttled}, {"throttled_time", c.throttled_ns}}}};
}

}  // namespace

json zero_stats_json(const std::string &name, const std::string &id) {
    return json{{"read", kZeroTime},
                {"preread", kZeroTime},
                {"pids_stats", json::object()},
                {"blkio_stats", null_blkio()},
                {"num_procs", 0},
                {"storage_stats", json::object()},
                {"cpu_stats", zero_cpu()},
                {"precpu_stats", zero_cpu()},
                {"memory_stats", json::object()},
                {"name", name},
                {"id", id}};
}

json stats_json(const Sample &s, const json &previous, const std::string &name, const std::string &id) {
    const auto &c = s.cgroup;
    json out = zero_stats_json(name, id);
    out["read"] = s.read;
    json pids = {{"current", c.pids_current}};
    if (c.pids_limit > 0) pids["limit"] = c.pids_limit;
    out["pids_stats"] = pids;
    if (s.block_io) {
        json bytes = json::array(), ops = json::array();
        for (const auto &[dev, io] : *s.block_io) {
            (void)dev;
            bytes.push_back({{"major", io.major}, {"minor", io.minor}, {"op", "read"}, {"value", io.read_bytes}});
            bytes.push_back({{"major", io.major}, {"minor", io.minor}, {"op", "write"}, {"value", io.write_bytes}});
            ops.push_back({{"major", io.major}, {"minor", io.minor}, {"op", "read"}, {"value", io.reads}});
            ops.push_back({{"major", io.major}, {"minor", io.minor}, {"op", "write"}, {"value", io.writes}});
        }
        out["blkio_stats"]["io_service_bytes_recursive"] = bytes;
        out["blkio_stats"]["io_serviced_recursive"] = ops;
    }
    out["cpu_stats"] = cpu_json(c);
    if (previous.is_object() && previous.contains("cpu_stats")) {
        out["precpu_stats"] = previous["cpu_stats"];
        out["preread"] = previous.value("read", std::string(kZeroTime));
    }
    // An unlimited cgroup reports a huge limit (v1) or "max" (v2): Docker shows the
    // machine's memory instead.
    std::uint64_t limit = c.memory_limit;
    if ((limit == 0 || limit > s.machine_memory) && s.machine_memory > 0) limit = s.machine_memory;
    json mem = {{"usage", c.memory_usage}, {"stats", c.memory_stat}, {"limit", limit}};
    if (s.cgroup_version == "1") mem["max_usage"] = c.memory_max_usage;  // v2 has no such field in Docker
    out["memory_stats"] = mem;
    if (!s.networks.empty()) {
        json nets = json::object();
        for (const auto &[ifname, n] : s.networks)
            nets[ifname] = {{"rx_bytes", n.rx_bytes},   {"rx_packets", n.rx_packets}, {"rx_errors", n.rx_errors},
                            {"rx_dropped", n.rx_dropped}, {"tx_bytes", n.tx_bytes},   {"tx_packets", n.tx_packets},
                            {"tx_errors", n.tx_errors}, {"tx_dropped", n.tx_dropped}};
        out["networks"] = nets;
    }
    return out;
}

std::map<std::string, InterfaceCounters> parse_net_dev(const std::string &text) {
    std::map<std::string, InterfaceCounters> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;  // the two header lines
        std::string name = line.substr(0, colon);
        name.erase(0, name.find_first_not_of(' '));
        if (name.rfind("eth", 0) != 0) continue;
        // rx: bytes packets errs drop fifo frame compressed multicast; tx: bytes packets errs drop ...
        std::istringstream f(line.substr(colon + 1));
        std::uint64_t v[16] = {};
        for (auto &x : v) f >> x;
        InterfaceCounters c;
        c.rx_bytes = v[0], c.rx_packets = v[1], c.rx_errors = v[2], c.rx_dropped = v[3];
        c.tx_bytes = v[8], c.tx_packets = v[9], c.tx_errors = v[10], c.tx_dropped = v[11];
        out[name] = c;
    }
    return out;
}

std::map<std::string, DeviceIo> parse_io_stat(const std::string &text) {
    std::map<std::string, DeviceIo> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string dev, kv;
        if (!(f >> dev)) continue;
        DeviceIo io;
        if (std::sscanf(dev.c_str(), "%u:%u", &io.major, &io.minor) != 2) continue;
        while (f >> kv) {
            const auto eq = kv.find('=');
            if (eq == std::string::npos) continue;
            const std::uint64_t v = std::strtoull(kv.c_str() + eq + 1, nullptr, 10);
            const std::string k = kv.substr(0, eq);
            if (k == "rbytes") io.read_bytes = v;
            else if (k == "wbytes") io.write_bytes = v;
            else if (k == "rios") io.reads = v;
            else if (k == "wios") io.writes = v;
        }
        out[dev] = io;
    }
    return out;
}

Result<Sample> collect_stats(const std::string &container_id, pid_t init_pid) {
    auto cg = TRY(sandbox::cgroups::Cgroup::open(sandbox::cgroups::default_path(container_id)));
    Sample s;
    s.read = now_rfc3339_nano();
    s.cgroup_version = cg.version();
    s.cgroup = TRY(cg.stats());
    if (s.cgroup_version == "2") s.block_io = parse_io_stat(s.cgroup.io_stat);
    if (auto mem = util::read_file("/proc/meminfo")) {
        const auto at = mem->find("MemTotal:");
        if (at != std::string::npos) s.machine_memory = std::strtoull(mem->c_str() + at + 9, nullptr, 10) * 1024;
    }
    // Networking hook: the init's network namespace, seen through its /proc.
    if (auto dev = util::read_file("/proc/" + std::to_string(init_pid) + "/net/dev")) s.networks = parse_net_dev(*dev);
    return s;
}

}  // namespace berth::containers
