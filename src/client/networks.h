// Typed calls for the Engine API's /networks endpoints.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "client/engine_client.h"

namespace berth::client {

// `body` is the create request (Name, Driver, Internal, Attachable, IPAM, Labels, Options);
// returns {"Id": ..., "Warning": ...}.
Result<nlohmann::json> create_network(EngineClient &c, const nlohmann::json &body);
Result<nlohmann::json> list_networks(EngineClient &c, const Filters &filters);
Result<nlohmann::json> inspect_network(EngineClient &c, const std::string &id_or_name);
Result<void> remove_network(EngineClient &c, const std::string &id_or_name);
// `endpoint_config`: {"Aliases": [...], "IPAMConfig": {"IPv4Address": ...}} or null.
Result<void> connect_network(EngineClient &c, const std::string &network, const std::string &container,
                             const nlohmann::json &endpoint_config);
Result<void> disconnect_network(EngineClient &c, const std::string &network, const std::string &container,
                                bool force);
// {"NetworksDeleted": [...]}
Result<nlohmann::json> prune_networks(EngineClient &c, const Filters &filters);

}  // namespace berth::client
