// docker's STATUS column wording ("Up 2 minutes", "Exited (0) 5 seconds ago"), for engines
// whose container list leaves "Status" empty.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace berth::cli::commands {

std::string status_text(const std::string &state, int exit_code, std::int64_t started_unix,
                        std::int64_t finished_unix, std::int64_t now_unix);

// One `ps` row's cells keyed as docker's --format placeholders: ID, Image, Command,
// CreatedAt, RunningFor, Ports, Status, State, Names, Labels.
nlohmann::json ps_row(const nlohmann::json &container, bool no_trunc, std::int64_t now_unix);

}  // namespace berth::cli::commands
