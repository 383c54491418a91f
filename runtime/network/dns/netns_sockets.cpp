#include "network/dns/netns_sockets.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>

#include <optional>
#include <system_error>
#include <thread>

namespace berth::network::dns {
namespace {

Result<util::UniqueFd> bound_socket(int type, const sockaddr_in &addr, const std::string &where) {
    util::UniqueFd fd(::socket(AF_INET, type | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd) return Error::sys("create socket", where);
    const int on = 1;
    if (::setsockopt(fd.get(), IPPROTO_IP, IP_FREEBIND, &on, sizeof on) < 0)
        return Error::sys("set IP_FREEBIND", where);
    if (type == SOCK_STREAM && ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0)
        return Error::sys("set SO_REUSEADDR", where);
    if (::bind(fd.get(), reinterpret_cast<const sockaddr *>(&addr), sizeof addr) < 0)
        return Error::sys(type == SOCK_STREAM ? "bind TCP" : "bind UDP", where);
    if (type == SOCK_STREAM && ::listen(fd.get(), 64) < 0) return Error::sys("listen", where);
    return fd;
}

}  // namespace

Result<ListeningSockets> open_listening_sockets(pid_t pid, const std::string &ipv4, std::uint16_t port) {
    const std::string ns_path = "/proc/" + std::to_string(pid) + "/ns/net";
    const std::string where = ipv4 + ":" + std::to_string(port) + " in " + ns_path;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (inet_pton(AF_INET, ipv4.c_str(), &addr.sin_addr) != 1)
        return Error::invalid("not an IPv4 address: " + ipv4);

    util::UniqueFd ns(::open(ns_path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!ns) return Error::sys("open network namespace", ns_path);

    std::optional<Result<ListeningSockets>> result;
    auto enter_and_bind = [&] {
        if (::setns(ns.get(), CLONE_NEWNET) < 0) {
            result.emplace(Error::sys("setns", ns_path));
            return;
        }
        auto udp = bound_socket(SOCK_DGRAM, addr, where);
        if (!udp) {
            result.emplace(std::move(udp).error());
            return;
        }
        auto tcp = bound_socket(SOCK_STREAM, addr, where);
        if (!tcp) {
            result.emplace(std::move(tcp).error());
            return;
        }
        result.emplace(ListeningSockets{std::move(*udp), std::move(*tcp)});
    };
    try {
        std::thread(enter_and_bind).join();
    } catch (const std::system_error &e) {
        return Error::sys("start thread to enter", ns_path, e.code().value());
    }
    return std::move(*result);
}

}  // namespace berth::network::dns
