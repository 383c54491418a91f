// The resolvers the DNS server forwards to: the nameservers of the host's resolv.conf,
// loopback ones included (berthd forwards from the host's namespace).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berth::network::dns {

// The addresses of the "nameserver" lines (resolv.conf(5)), in order, IPv4 and IPv6,
// without duplicates; lines that don't hold an address are skipped.
std::vector<std::string> parse_nameservers(std::string_view resolv_conf);
// The same from a file; no file means no upstreams.
std::vector<std::string> read_nameservers(const std::filesystem::path &resolv_conf);

}  // namespace berth::network::dns
