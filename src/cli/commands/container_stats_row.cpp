#include "cli/commands/container_stats_row.h"

#include <cstdio>

#include "cli/format/human.h"

namespace berth::cli::commands {
namespace {

using nlohmann::json;

double num(const json &j, const json::json_pointer &p) {
    if (!j.contains(p)) return 0;
    const json &v = j.at(p);
    return v.is_number() ? v.get<double>() : 0;
}

std::string percent(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f%%", v);
    return b;
}

}  // namespace

StatsRow stats_row(const json &s, const std::string &container) {
    StatsRow r;
    r.container = container;
    r.id = s.value("id", std::string());
    r.name = s.value("name", std::string());
    if (!r.name.empty() && r.name[0] == '/') r.name.erase(0, 1);

    const double cpu_delta = num(s, "/cpu_stats/cpu_usage/total_usage"_json_pointer) -
                             num(s, "/precpu_stats/cpu_usage/total_usage"_json_pointer);
    const double system_delta = num(s, "/cpu_stats/system_cpu_usage"_json_pointer) -
                                num(s, "/precpu_stats/system_cpu_usage"_json_pointer);
    double cpus = num(s, "/cpu_stats/online_cpus"_json_pointer);
    if (cpus == 0 && s.contains("/cpu_stats/cpu_usage/percpu_usage"_json_pointer))
        cpus = static_cast<double>(s.at("/cpu_stats/cpu_usage/percpu_usage"_json_pointer).size());
    if (system_delta > 0 && cpu_delta > 0) r.cpu_percent = cpu_delta / system_delta * cpus * 100.0;

    // cgroup v1 reports total_inactive_file, v2 inactive_file: both are page cache the
    // kernel can drop, which docker does not count as used.
    const double usage = num(s, "/memory_stats/usage"_json_pointer);
    r.memory = usage;
    if (s.contains("/memory_stats/stats/total_inactive_file"_json_pointer)) {
        const double inactive = num(s, "/memory_stats/stats/total_inactive_file"_json_pointer);
        if (inactive < usage) r.memory = usage - inactive;
    } else if (s.contains("/memory_stats/stats/inactive_file"_json_pointer)) {
        const double inactive = num(s, "/memory_stats/stats/inactive_file"_json_pointer);
        if (inactive < usage) r.memory = usage - inactive;
    }
    r.memory_limit = num(s, "/memory_stats/limit"_json_pointer);
    if (r.memory_limit != 0) r.mem_percent = r.memory / r.memory_limit * 100.0;

    if (s.contains("networks") && s["networks"].is_object())
        for (const auto &[ifname, n] : s["networks"].items()) {
            (void)ifname;
            r.net_rx += n.value("rx_bytes", 0.0);
            r.net_tx += n.value("tx_bytes", 0.0);
        }
    if (s.contains("/blkio_stats/io_service_bytes_recursive"_json_pointer)) {
        const json &entries = s.at("/blkio_stats/io_service_bytes_recursive"_json_pointer);
        if (entries.is_array())
            for (const auto &e : entries) {
                std::string op = e.value("op", std::string());
                if (!op.empty()) op[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(op[0])));
                if (op == "read") r.block_read += e.value("value", 0.0);
                if (op == "write") r.block_write += e.value("value", 0.0);
            }
    }
    r.pids = static_cast<std::uint64_t>(num(s, "/pids_stats/current"_json_pointer));
    return r;
}

json stats_fields(const StatsRow &r, bool no_trunc) {
    using format::binary_size;
    using format::human_size;
    return json{{"Container", r.container},
                {"Name", r.name.empty() ? "--" : r.name},
                {"ID", no_trunc ? r.id : r.id.substr(0, 12)},
                {"CPUPerc", percent(r.cpu_percent)},
                {"MemUsage", binary_size(r.memory) + " / " + binary_size(r.memory_limit)},
                {"MemPerc", percent(r.mem_percent)},
                {"NetIO", human_size(r.net_rx, 3) + " / " + human_size(r.net_tx, 3)},
                {"BlockIO", human_size(r.block_read, 3) + " / " + human_size(r.block_write, 3)},
                {"PIDs", std::to_string(r.pids)}};
}

}  // namespace berth::cli::commands
