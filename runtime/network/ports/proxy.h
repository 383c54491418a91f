// The userland proxy's two relays. Both run on the publisher's single io thread: every
// socket is non-blocking and waits through Asio's reactor, so no connection has a thread.
// Loopback traffic always comes through here (nftables DNAT cannot rewrite it without
// route_localnet); traffic from other hosts does too where nftables is not usable.
#pragma once

#include <netinet/in.h>

#include <chrono>
#include <memory>

#include <boost/asio/io_context.hpp>

#include "util/unique_fd.h"

namespace berth::network {

class Proxy {
public:
    virtual ~Proxy() = default;
    // Closes the listening socket and every relayed connection or flow. Called on the io
    // thread; the host port is free when it returns.
    virtual void stop() = 0;
};

// Takes a listening TCP socket; accepts, connects to `backend` and copies both ways with
// splice() through a pipe (no copy to user space), honouring half-closes.
std::shared_ptr<Proxy> start_tcp_proxy(boost::asio::io_context &io, util::UniqueFd listener,
                                       const sockaddr_in &backend);

// Takes a bound UDP socket; one flow (a connected socket towards `backend`) per client
// address, dropped after `idle` without traffic.
std::shared_ptr<Proxy> start_udp_proxy(boost::asio::io_context &io, util::UniqueFd socket,
                                       const sockaddr_in &backend,
                                       std::chrono::seconds idle = std::chrono::seconds(90));

}  // namespace berth::network
