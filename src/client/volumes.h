// Typed calls for the Engine API's /volumes endpoints.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "client/engine_client.h"

namespace berth::client {

Result<nlohmann::json> create_volume(EngineClient &c, const std::string &name, const std::string &driver,
                                     const std::map<std::string, std::string> &labels,
                                     const std::map<std::string, std::string> &options);
// {"Volumes": [...], "Warnings": [...]}
Result<nlohmann::json> list_volumes(EngineClient &c, const Filters &filters);
Result<nlohmann::json> inspect_volume(EngineClient &c, const std::string &name);
Result<void> remove_volume(EngineClient &c, const std::string &name, bool force);
// {"VolumesDeleted": [...], "SpaceReclaimed": n}
Result<nlohmann::json> prune_volumes(EngineClient &c, const Filters &filters);

}  // namespace berth::client
