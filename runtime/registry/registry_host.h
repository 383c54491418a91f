// Where a reference's registry lives and how Berth may talk to it: docker.io's API host,
// and whether plain HTTP is allowed (dockerd's --insecure-registry rules).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace berth::images::registry {

struct RegistryHost {
    std::string domain;    // as in the reference: "docker.io", "127.0.0.1:5000", "[::1]:5000"
    std::string api_host;  // what to connect to: "registry-1.docker.io", "127.0.0.1:5000"
    std::string hostname;  // api_host without port or brackets: "127.0.0.1", "::1"
};

// docker.io is served by registry-1.docker.io (distribution/reference's defaultDomain note).
RegistryHost registry_host(std::string_view domain);

// True when the registry may be reached over plain HTTP: `insecure` lists it (exactly
// "host[:port]" as in the reference, or a CIDR holding its IP literal), or it is a loopback
// address (127.0.0.0/8, ::1, localhost), which Docker always treats as insecure.
bool allows_plain_http(const RegistryHost &host, const std::vector<std::string> &insecure);

// True when the user listed the registry in `insecure` (loopback addresses not counted).
bool listed_as_insecure(const RegistryHost &host, const std::vector<std::string> &insecure);

// True when `ip` (an IPv4 or IPv6 literal) lies inside `cidr` ("10.0.0.0/8", "fd00::/8").
bool ip_in_cidr(std::string_view ip, std::string_view cidr);

}  // namespace berth::images::registry
