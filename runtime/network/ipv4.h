// IPv4 addresses and subnets as plain numbers (host byte order), parsed from and printed
// as the dotted text the Engine API uses ("172.17.0.2", "172.17.0.0/16").
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"

namespace berth::network {

Result<std::uint32_t> parse_ipv4(const std::string &text);
std::string format_ipv4(std::uint32_t address);

struct Subnet {
    std::uint32_t base = 0;  // the network address (host bits zero)
    int prefix = 0;          // 0..32

    std::uint32_t mask() const { return prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix); }
    std::uint32_t last() const { return base | ~mask(); }
    bool contains(std::uint32_t a) const { return (a & mask()) == base; }
    bool overlaps(const Subnet &o) const { return contains(o.base) || o.contains(base); }
    std::string str() const { return format_ipv4(base) + "/" + std::to_string(prefix); }
    bool operator==(const Subnet &) const = default;
};

// "a.b.c.d/len". Host bits set are refused ("172.17.0.1/16"), as Docker's IPAM does for
// a Subnet, unless `allow_host_bits` (an address with its prefix, "172.17.0.2/16").
Result<Subnet> parse_subnet(const std::string &text, bool allow_host_bits = false);

}  // namespace berth::network
