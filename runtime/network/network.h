// A network's record, as kept in <root>/network/<id>.json and shown by GET /networks/{id}
// (Docker's inspect shape), with the endpoints of the containers attached to it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "network/ipam.h"

namespace berth::network {

struct IpamPool {
    Subnet subnet;
    std::uint32_t gateway = 0;
    std::optional<Subnet> range;
    bool chosen = false;  // picked from the default pools (may move before first use)
};

struct Endpoint {
    std::string container_id;
    std::string container_name;  // without the leading '/'
    std::string endpoint_id;     // 64 hex
    std::string host_veth;       // veth<7 hex>
    std::uint32_t address = 0;
    std::vector<std::string> aliases;
};

struct Network {
    std::string id;    // 64 hex
    std::string name;
    std::string created;  // RFC3339Nano
    std::string driver = "bridge";  // bridge, host, null
    bool internal = false;
    bool attachable = false;
    bool predefined = false;  // bridge, host, none: never removed
    std::map<std::string, std::string> ipam_options;
    std::optional<IpamPool> pool;  // bridge networks only
    std::map<std::string, std::string> options;
    std::map<std::string, std::string> labels;
    std::string bridge;  // interface name (bridge driver)
    std::map<std::string, Endpoint> endpoints;  // container id -> endpoint

    bool is_bridge() const { return driver == "bridge"; }
    // Docker's default bridge network (no --ip, no aliases, no name resolution).
    bool is_default_bridge() const { return predefined && driver == "bridge"; }
    AddressSpace address_space() const;
};

nlohmann::json to_api_json(const Network &n);
nlohmann::json to_disk_json(const Network &n);
Result<Network> network_from_disk_json(const nlohmann::json &j);

// A random 64-hex id.
std::string random_id();

}  // namespace berth::network
