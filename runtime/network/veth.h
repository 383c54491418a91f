// One container's interface on a bridge network: a veth pair whose host end (veth<7 hex>)
// joins the bridge and whose other end goes into the container's network namespace as
// eth<N> with its address, MAC and (for the first network) the default route.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "common/result.h"

namespace berth::network {

struct VethPlan {
    std::string host_name;        // veth<7 hex>, in the host namespace
    std::string bridge;           // the bridge the host end joins
    std::string netns_path;       // /proc/<pid>/ns/net of the container
    std::string container_name;   // "" = the first free eth<N>
    std::uint32_t address = 0;
    int prefix = 0;
    std::uint32_t gateway = 0;
    std::array<std::uint8_t, 6> mac{};
    bool default_route = true;    // only the first network gives the container its default route
    bool internal = false;        // Internal networks have no default route
};

// All or nothing: on failure the pair is deleted again. Returns the interface name the
// container got.
Result<std::string> create_container_veth(const VethPlan &plan);

// Deletes the host end (its peer goes with it); a link already gone is not an error.
Result<void> delete_host_veth(const std::string &host_name);

}  // namespace berth::network
