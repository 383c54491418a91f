// Typed calls for what a container uses and may use: top, stats, update, and prune.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "client/engine_client.h"

namespace berth::client {

// {"Titles": [...], "Processes": [[...]]}; ps_args empty: the engine's default (-ef).
Result<nlohmann::json> top_container(EngineClient &c, const std::string &id, const std::string &ps_args = {});
// One StatsJSON. one_shot: no second sample (precpu_stats empty, answers at once).
Result<nlohmann::json> container_stats(EngineClient &c, const std::string &id, bool one_shot = false);
// A sample a second until the callback returns false, the stream ends or `cancel` is set.
Result<void> stream_container_stats(EngineClient &c, const std::string &id, const JsonCallback &on_sample,
                                    Cancel cancel = nullptr);
// {"Warnings": [...]}; body: Docker's UpdateConfig (Memory, NanoCpus, RestartPolicy...).
Result<nlohmann::json> update_container(EngineClient &c, const std::string &id, const nlohmann::json &body);
// {"ContainersDeleted": [...], "SpaceReclaimed": n}
Result<nlohmann::json> prune_containers(EngineClient &c, const Filters &filters);

}  // namespace berth::client
