// One line of `berth stats`, computed from a StatsJSON body exactly as the docker CLI
// computes it (cli/command/container/stats_helpers.go): CPU % from the delta against
// precpu_stats, memory without the inactive page cache, NET and BLOCK I/O summed.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace berth::cli::commands {

struct StatsRow {
    std::string container;  // as the user named it (or the ID)
    std::string id, name;
    double cpu_percent = 0, mem_percent = 0;
    double memory = 0, memory_limit = 0;
    double net_rx = 0, net_tx = 0, block_read = 0, block_write = 0;
    std::uint64_t pids = 0;
};

StatsRow stats_row(const nlohmann::json &stats, const std::string &container);
// The fields --format templates see: .Container .Name .ID .CPUPerc .MemUsage .MemPerc
// .NetIO .BlockIO .PIDs (ID cut to 12 characters unless no_trunc).
nlohmann::json stats_fields(const StatsRow &row, bool no_trunc);

}  // namespace berth::cli::commands
