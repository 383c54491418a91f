// The listening sockets of a container's DNS server, made inside its network namespace.
// A socket stays in the namespace it was created in, so a short-lived thread setns()es
// there, creates and binds them, and exits; the daemon's threads never change namespace.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "common/result.h"
#include "util/unique_fd.h"

namespace berth::network::dns {

struct ListeningSockets {
    util::UniqueFd udp;
    util::UniqueFd tcp;  // listening
};

// UDP and TCP sockets bound to ipv4:port in the network namespace of `pid`. IP_FREEBIND
// lets the bind succeed before the namespace's lo is up.
Result<ListeningSockets> open_listening_sockets(pid_t pid, const std::string &ipv4, std::uint16_t port);

}  // namespace berth::network::dns
