#include "network/ports/host_ports.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <tuple>

namespace berth::network {
namespace {

// Ports of the ephemeral range tried before giving up on a random choice; each try is one
// bind(), so this bounds the cost when the range is nearly exhausted.
constexpr int kRandomTries = 512;

std::string endpoint_text(const std::string &host_ip, std::uint16_t port) {
    return display_host_ip(host_ip) + ":" + std::to_string(port);
}

// One bind attempt: the fd on success, errno on failure.
Result<util::UniqueFd> try_bind(const PortMapping &m, std::uint16_t port) {
    bool tcp = m.proto == "tcp";
    util::UniqueFd fd(::socket(AF_INET, (tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd) return Error::sys("socket", m.proto);
    if (tcp) {
        // Lets a restarted berthd listen again while old connections sit in TIME_WAIT. Not for
        // UDP: there SO_REUSEADDR would let two sockets share the port.
        int on = 1;
        ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (!m.host_ip.empty() && ::inet_pton(AF_INET, m.host_ip.c_str(), &addr.sin_addr) != 1)
        return Error::invalid("invalid host IP " + m.host_ip);
    if (::bind(fd.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0)
        return Error::sys("bind", endpoint_text(m.host_ip, port));
    if (tcp && ::listen(fd.get(), SOMAXCONN) < 0)
        return Error::sys("listen", endpoint_text(m.host_ip, port));
    return fd;
}

Error bind_failed(const PortMapping &m, const std::string &ports, const Error &e) {
    if (e.err == EADDRINUSE) {
        // Docker answers 500 with this sentence (libnetwork's portallocator).
        return Error::internal("Bind for " + display_host_ip(m.host_ip) + ":" + ports +
                               " failed: port is already allocated");
    }
    if (e.kind != ErrorKind::Internal || e.err == 0) return e;
    return Error::internal("Error starting userland proxy: listen " + m.proto + "4 " +
                           display_host_ip(m.host_ip) + ":" + ports + ": bind: " +
                           std::strerror(e.err));
}

}  // namespace

std::string display_host_ip(const std::string &host_ip) {
    return host_ip.empty() ? "0.0.0.0" : host_ip;
}

std::pair<std::uint16_t, std::uint16_t> ephemeral_port_range() {
    std::ifstream in("/proc/sys/net/ipv4/ip_local_port_range");
    unsigned low = 0, high = 0;
    if (in >> low >> high && low > 0 && low <= high && high <= 65535)
        return {static_cast<std::uint16_t>(low), static_cast<std::uint16_t>(high)};
    return {32768, 60999};
}

Result<BoundPort> bind_host_port(const PortMapping &requested, std::mt19937 &random) {
    BoundPort out;
    out.mapping = requested;
    out.mapping.host_port_end = 0;

    if (requested.host_port != 0 && requested.host_port_end == 0) {
        auto fd = try_bind(requested, requested.host_port);
        if (!fd) return bind_failed(requested, std::to_string(requested.host_port), fd.error());
        out.fd = std::move(fd).value();
        return out;
    }

    std::uint16_t first = requested.host_port, last = requested.host_port_end;
    std::uint32_t start = first;
    int tries = last - first + 1;
    if (requested.host_port == 0) {
        std::tie(first, last) = ephemeral_port_range();
        start = std::uniform_int_distribution<std::uint32_t>(first, last)(random);
        tries = std::min<int>(kRandomTries, last - first + 1);
    }
    std::uint32_t span = last - first + 1;
    Error last_error = Error::internal("no port tried");
    for (int i = 0; i < tries; ++i) {
        auto port = static_cast<std::uint16_t>(first + (start - first + i) % span);
        auto fd = try_bind(requested, port);
        if (fd) {
            out.fd = std::move(fd).value();
            out.mapping.host_port = port;
            return out;
        }
        last_error = std::move(fd).error();
        if (last_error.err != EADDRINUSE) break;  // a bad address fails every port alike
    }
    std::string ports = requested.host_port == 0
                            ? std::to_string(first) + "-" + std::to_string(last)
                            : std::to_string(requested.host_port) + "-" + std::to_string(requested.host_port_end);
    return bind_failed(requested, ports, last_error);
}

}  // namespace berth::network
