// The host side of a published port: a socket bound to host_ip:host_port (and listening,
// for TCP) before any traffic is relayed, so that a taken port fails the whole publish
// and holding the socket is what reserves the port.
#pragma once

#include <cstdint>
#include <random>
#include <utility>

#include "common/result.h"
#include "network/ports/port_publisher.h"
#include "util/unique_fd.h"

namespace berth::network {

struct BoundPort {
    util::UniqueFd fd;    // non-blocking, close-on-exec; listening for TCP
    PortMapping mapping;  // host_port resolved, host_port_end cleared
};

// /proc/sys/net/ipv4/ip_local_port_range, or Linux's default 32768-60999.
std::pair<std::uint16_t, std::uint16_t> ephemeral_port_range();

// Binds one mapping's host side. host_port 0 picks a random free port of the ephemeral
// range (availability checked by binding, as the kernel is the only judge); a range takes
// its first free port. A taken port fails with Docker's "Bind for 0.0.0.0:8080 failed:
// port is already allocated".
Result<BoundPort> bind_host_port(const PortMapping &requested, std::mt19937 &random);

// The text Docker puts in front of a host address: "0.0.0.0" for every address.
std::string display_host_ip(const std::string &host_ip);

}  // namespace berth::network
