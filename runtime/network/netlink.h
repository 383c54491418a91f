// rtnetlink through libmnl: the link, address and route operations networking needs
// (what `ip link/addr/route` would do, without running it). One Rtnetlink is a socket
// bound in one network namespace; a socket keeps the namespace it was opened in, so
// open_in_netns() opens it from a short-lived thread that setns()'d into the target.
// Every error names the operation, the interface and the kernel's answer.
#pragma once

#include <sys/types.h>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "network/ipv4.h"

struct mnl_socket;
struct nlmsghdr;

namespace berth::network {

struct LinkInfo {
    int index = 0;
    std::string name;
    int master = 0;  // bridge the link is enslaved to (0: none)
    bool up = false;
};

struct AddressInfo {
    int ifindex = 0;
    std::uint32_t address = 0;
    int prefix = 0;
};

struct RouteInfo {
    Subnet dst;      // 0.0.0.0/0 for a default route
    int oif = 0;     // output interface (0: none given)
    std::uint32_t gateway = 0;
};

class Rtnetlink {
public:
    // A socket in the caller's network namespace.
    static Result<Rtnetlink> open();
    // A socket in the network namespace `netns_path` (/proc/<pid>/ns/net).
    static Result<Rtnetlink> open_in_netns(const std::string &netns_path);

    Rtnetlink(Rtnetlink &&) noexcept;
    Rtnetlink &operator=(Rtnetlink &&) noexcept;
    ~Rtnetlink();

    // 404-kind error when there is no such link.
    Result<int> link_index(const std::string &name);
    bool link_exists(const std::string &name) { return link_index(name).ok(); }
    Result<std::vector<LinkInfo>> links();

    Result<void> create_bridge(const std::string &name);
    // A veth pair `name` <-> `peer`, both in this namespace.
    Result<void> create_veth(const std::string &name, const std::string &peer);
    // A veth pair whose peer is made directly in the namespace open as `peer_netns_fd`,
    // already named and with its MAC address (all zeros: a random one): moving a link between namespaces afterwards
    // costs a network-wide RCU wait (about 18 ms here) on every container start.
    Result<void> create_veth_into(const std::string &name, const std::string &peer, int peer_netns_fd,
                                  const std::array<std::uint8_t, 6> &peer_mac);
    Result<void> delete_link(const std::string &name);
    Result<void> set_up(const std::string &name);
    Result<void> set_master(const std::string &name, const std::string &bridge);

    Result<void> add_address(const std::string &name, std::uint32_t address, int prefix);
    Result<std::vector<AddressInfo>> addresses();
    Result<void> add_default_route(std::uint32_t gateway, const std::string &dev);
    Result<std::vector<RouteInfo>> routes();

private:
    explicit Rtnetlink(mnl_socket *s);
    // Sends one request with NLM_F_ACK and waits for the kernel's answer.
    Result<void> request(nlmsghdr *msg, const std::string &op, const std::string &object);
    // Sends a dump request; `each` sees every answer message.
    Result<void> dump(nlmsghdr *msg, const std::string &op, const std::function<void(const nlmsghdr *)> &each);
    Result<void> link_flags_change(const std::string &op, const std::string &name,
                                   const std::function<void(nlmsghdr *)> &fill);
    // `peer_attrs` adds to the peer's part of the request (after its name).
    Result<void> create_veth_with(const std::string &name, const std::string &peer,
                                  const std::function<void(nlmsghdr *)> &peer_attrs);

    mnl_socket *sock_ = nullptr;
    unsigned port_ = 0;
    unsigned seq_ = 0;
};

// Writes "1" to /proc/sys/net/ipv4/ip_forward (containers reach beyond their bridge).
Result<void> enable_ip_forwarding();

}  // namespace berth::network
