// Address management for bridge networks, as Docker's default IPAM does it: subnets come
// from the predefined pools (172.17.0.0/16 ... 172.31.0.0/16, then 192.168.0.0/20 ...
// 192.168.240.0/20), skipping any that overlaps a route or address already on the host
// (another engine may own 172.17/16); containers get addresses from the subnet (or its
// IPRange), the gateway and network/broadcast addresses excluded. Pure: the host's
// routes and the addresses in use are passed in.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "network/ipv4.h"

namespace berth::network {

// Docker's default address pools for local networks, in the order they are tried.
std::vector<Subnet> default_pools();

// The first pool overlapping none of `taken` (host routes and addresses, other networks'
// subnets). 503-ish Unavailable error when every pool is used, with Docker's wording.
Result<Subnet> choose_subnet(const std::vector<Subnet> &taken);

// The gateway Docker picks: the first host address of the subnet.
std::uint32_t default_gateway(const Subnet &s);

// Docker's MAC for an IPv4 endpoint: 02:42 followed by the four address bytes.
std::array<std::uint8_t, 6> mac_for(std::uint32_t address);
std::string format_mac(const std::array<std::uint8_t, 6> &mac);

// One network's address space: which addresses containers may get, which they have.
struct AddressSpace {
    Subnet subnet;
    std::uint32_t gateway = 0;
    std::optional<Subnet> range;  // IPRange: containers' addresses come from here only
    std::set<std::uint32_t> allocated;

    // `requested` (IPAMConfig.IPv4Address) must be inside the subnet and free; otherwise
    // the lowest free address of the range. Errors: 400 for an address outside the subnet,
    // 409 for one in use, 503 when the range is full.
    Result<std::uint32_t> allocate(std::optional<std::uint32_t> requested = std::nullopt);
    void release(std::uint32_t address) { allocated.erase(address); }
};

}  // namespace berth::network
