#include "network/ipam.h"

#include <cstdio>

namespace berth::network {

std::vector<Subnet> default_pools() {
    // moby's ipamutils.localScopeDefaultNetworks: 172.17.0.0/16 split into /16s up to
    // 172.31, then 192.168.0.0/16 split into /20s.
    std::vector<Subnet> out;
    for (std::uint32_t b = 17; b <= 31; ++b) out.push_back({(172u << 24) | (b << 16), 16});
    for (std::uint32_t c = 0; c < 256; c += 16) out.push_back({(192u << 24) | (168u << 16) | (c << 8), 20});
    return out;
}

Result<Subnet> choose_subnet(const std::vector<Subnet> &taken) {
    for (const auto &pool : default_pools()) {
        bool free = true;
        for (const auto &t : taken) {
            // The default route (0.0.0.0/0) overlaps everything and says nothing.
            if (t.prefix == 0) continue;
            if (pool.overlaps(t)) {
                free = false;
                break;
            }
        }
        if (free) return pool;
    }
    return Error::of(ErrorKind::Unavailable,
                     "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
}

std::uint32_t default_gateway(const Subnet &s) { return s.base + 1; }

std::array<std::uint8_t, 6> mac_for(std::uint32_t a) {
    return {0x02, 0x42, static_cast<std::uint8_t>(a >> 24), static_cast<std::uint8_t>(a >> 16),
            static_cast<std::uint8_t>(a >> 8), static_cast<std::uint8_t>(a)};
}

std::string format_mac(const std::array<std::uint8_t, 6> &m) {
    char buf[18];
    std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    return buf;
}

Result<std::uint32_t> AddressSpace::allocate(std::optional<std::uint32_t> requested) {
    const Subnet &pool = range ? *range : subnet;
    auto usable = [&](std::uint32_t a) {
        // The network and broadcast addresses are never handed out (for /31 and /32 there are none).
        if (subnet.prefix < 31 && (a == subnet.base || a == subnet.last())) return false;
        return a != gateway;
    };
    if (requested) {
        if (!subnet.contains(*requested))
            return Error::invalid("no available IPv4 addresses on this network's address pools: " + subnet.str() +
                                  " (requested " + format_ipv4(*requested) + ")");
        if (!usable(*requested) || allocated.count(*requested))
            return Error::conflict("Address already in use: " + format_ipv4(*requested));
        allocated.insert(*requested);
        return *requested;
    }
    for (std::uint64_t a = pool.base; a <= pool.last(); ++a) {
        const auto addr = static_cast<std::uint32_t>(a);
        if (usable(addr) && subnet.contains(addr) && !allocated.count(addr)) {
            allocated.insert(addr);
            return addr;
        }
    }
    return Error::of(ErrorKind::Unavailable, "no available IPv4 addresses on this network's address pools: " + subnet.str());
}

}  // namespace berth::network
