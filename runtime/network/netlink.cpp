#include "network/netlink.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <sched.h>
#include <unistd.h>

#include <cstring>
#include <optional>
#include <thread>

#include <libmnl/libmnl.h>

#include "util/unique_fd.h"

namespace berth::network {
namespace {

// A request buffer: rtnetlink messages here stay far below one page.
struct Buffer {
    alignas(nlmsghdr) char data[32768];
};

nlmsghdr *put_header(Buffer &b, std::uint16_t type, std::uint16_t flags) {
    std::memset(b.data, 0, sizeof b.data);
    nlmsghdr *nlh = mnl_nlmsg_put_header(b.data);
    nlh->nlmsg_type = type;
    nlh->nlmsg_flags = NLM_F_REQUEST | flags;
    return nlh;
}

ifinfomsg *put_ifinfo(nlmsghdr *nlh, int index = 0) {
    auto *ifi = static_cast<ifinfomsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(ifinfomsg)));
    ifi->ifi_family = AF_UNSPEC;
    ifi->ifi_index = index;
    return ifi;
}

Error netlink_error(const std::string &op, const std::string &object, int err) {
    Error e = Error::sys(op, object, err);
    if (err == ENODEV) e.kind = ErrorKind::NotFound;
    if (err == EEXIST) e.kind = ErrorKind::Conflict;
    return e;
}

}  // namespace

Rtnetlink::Rtnetlink(mnl_socket *s) : sock_(s), port_(mnl_socket_get_portid(s)), seq_(static_cast<unsigned>(::time(nullptr))) {}

Rtnetlink::Rtnetlink(Rtnetlink &&o) noexcept : sock_(o.sock_), port_(o.port_), seq_(o.seq_) { o.sock_ = nullptr; }

Rtnetlink &Rtnetlink::operator=(Rtnetlink &&o) noexcept {
    if (this != &o) {
        if (sock_) mnl_socket_close(sock_);
        sock_ = o.sock_;
        port_ = o.port_;
        seq_ = o.seq_;
        o.sock_ = nullptr;
    }
    return *this;
}

Rtnetlink::~Rtnetlink() {
    if (sock_) mnl_socket_close(sock_);
}

Result<Rtnetlink> Rtnetlink::open() {
    mnl_socket *s = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
    if (!s) return Error::sys("open rtnetlink socket", "NETLINK_ROUTE");
    if (mnl_socket_bind(s, 0, MNL_SOCKET_AUTOPID) < 0) {
        int e = errno;
        mnl_socket_close(s);
        return Error::sys("bind rtnetlink socket", "NETLINK_ROUTE", e);
    }
    return Rtnetlink(s);
}

Result<Rtnetlink> Rtnetlink::open_in_netns(const std::string &netns_path) {
    util::UniqueFd ns(::open(netns_path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!ns) return Error::sys("open network namespace", netns_path);
    // setns() changes only the calling thread's namespace; the socket opened there stays
    // in the container's namespace after the thread is gone.
    std::optional<Result<Rtnetlink>> out;
    std::thread t([&] {
        if (::setns(ns.get(), CLONE_NEWNET) < 0) {
            out.emplace(Error::sys("enter network namespace", netns_path));
            return;
        }
        out.emplace(open());
    });
    t.join();
    return std::move(*out);
}

Result<void> Rtnetlink::request(nlmsghdr *nlh, const std::string &op, const std::string &object) {
    nlh->nlmsg_flags |= NLM_F_ACK;
    nlh->nlmsg_seq = ++seq_;
    if (mnl_socket_sendto(sock_, nlh, nlh->nlmsg_len) < 0) return netlink_error(op, object, errno);
    Buffer b;
    for (;;) {
        ssize_t n = mnl_socket_recvfrom(sock_, b.data, sizeof b.data);
        if (n < 0) {
            if (errno == EINTR) continue;
            return netlink_error(op, object, errno);
        }
        int r = mnl_cb_run(b.data, static_cast<size_t>(n), nlh->nlmsg_seq, port_, nullptr, nullptr);
        if (r < 0) return netlink_error(op, object, errno);
        if (r == MNL_CB_STOP) return {};
    }
}

namespace {
struct DumpContext {
    const std::function<void(const nlmsghdr *)> *each;
};
int dump_cb(const nlmsghdr *nlh, void *data) {
    (*static_cast<DumpContext *>(data)->each)(nlh);
    return MNL_CB_OK;
}
}  // namespace

Result<void> Rtnetlink::dump(nlmsghdr *nlh, const std::string &op, const std::function<void(const nlmsghdr *)> &each) {
    nlh->nlmsg_seq = ++seq_;
    if (mnl_socket_sendto(sock_, nlh, nlh->nlmsg_len) < 0) return netlink_error(op, "", errno);
    Buffer b;
    DumpContext ctx{&each};
    for (;;) {
        ssize_t n = mnl_socket_recvfrom(sock_, b.data, sizeof b.data);
        if (n < 0) {
            if (errno == EINTR) continue;
            return netlink_error(op, "", errno);
        }
        int r = mnl_cb_run(b.data, static_cast<size_t>(n), nlh->nlmsg_seq, port_, dump_cb, &ctx);
        if (r < 0) return netlink_error(op, "", errno);
        if (r == MNL_CB_STOP) return {};
    }
}

namespace {
struct LinkAttrs {
    std::string name;
    int master = 0;
};
int link_attr_cb(const nlattr *attr, void *data) {
    auto *a = static_cast<LinkAttrs *>(data);
    switch (mnl_attr_get_type(attr)) {
    case IFLA_IFNAME:
        if (mnl_attr_validate(attr, MNL_TYPE_STRING) >= 0) a->name = mnl_attr_get_str(attr);
        break;
    case IFLA_MASTER:
        if (mnl_attr_validate(attr, MNL_TYPE_U32) >= 0) a->master = static_cast<int>(mnl_attr_get_u32(attr));
        break;
    default:
        break;
    }
    return MNL_CB_OK;
}
LinkInfo parse_link(const nlmsghdr *nlh) {
    const auto *ifi = static_cast<const ifinfomsg *>(mnl_nlmsg_get_payload(nlh));
    LinkAttrs a;
    mnl_attr_parse(nlh, sizeof(*ifi), link_attr_cb, &a);
    return LinkInfo{ifi->ifi_index, a.name, a.master, (ifi->ifi_flags & IFF_UP) != 0};
}
}  // namespace

Result<int> Rtnetlink::link_index(const std::string &name) {
    if (name.empty() || name.size() >= IFNAMSIZ) return Error::invalid("invalid interface name: " + name);
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_GETLINK, 0);
    put_ifinfo(nlh);
    mnl_attr_put_strz(nlh, IFLA_IFNAME, name.c_str());
    nlh->nlmsg_seq = ++seq_;
    if (mnl_socket_sendto(sock_, nlh, nlh->nlmsg_len) < 0) return netlink_error("look up link", name, errno);
    int index = 0;
    std::function<void(const nlmsghdr *)> each = [&](const nlmsghdr *m) { index = parse_link(m).index; };
    DumpContext ctx{&each};
    Buffer rb;
    for (;;) {
        ssize_t n = mnl_socket_recvfrom(sock_, rb.data, sizeof rb.data);
        if (n < 0) {
            if (errno == EINTR) continue;
            return netlink_error("look up link", name, errno);
        }
        int r = mnl_cb_run(rb.data, static_cast<size_t>(n), nlh->nlmsg_seq, port_, dump_cb, &ctx);
        if (r < 0) return netlink_error("look up link", name, errno);
        // A single answer (no NLM_F_MULTI) ends the exchange.
        if (r == MNL_CB_STOP || index > 0) break;
    }
    if (index <= 0) return netlink_error("look up link", name, ENODEV);
    return index;
}

Result<std::vector<LinkInfo>> Rtnetlink::links() {
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_GETLINK, NLM_F_DUMP);
    auto *gen = static_cast<rtgenmsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(rtgenmsg)));
    gen->rtgen_family = AF_PACKET;
    std::vector<LinkInfo> out;
    TRY(dump(nlh, "list links", [&](const nlmsghdr *m) {
        if (m->nlmsg_type == RTM_NEWLINK) out.push_back(parse_link(m));
    }));
    return out;
}

Result<void> Rtnetlink::create_bridge(const std::string &name) {
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
    put_ifinfo(nlh);
    mnl_attr_put_strz(nlh, IFLA_IFNAME, name.c_str());
    nlattr *info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
    mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "bridge");
    mnl_attr_nest_end(nlh, info);
    return request(nlh, "create bridge", name);
}

Result<void> Rtnetlink::create_veth(const std::string &name, const std::string &peer) {
    return create_veth_with(name, peer, [](nlmsghdr *) {});
}

Result<void> Rtnetlink::create_veth_into(const std::string &name, const std::string &peer, int peer_netns_fd,
                                         const std::array<std::uint8_t, 6> &peer_mac) {
    return create_veth_with(name, peer, [&](nlmsghdr *nlh) {
        mnl_attr_put_u32(nlh, IFLA_NET_NS_FD, static_cast<std::uint32_t>(peer_netns_fd));
        // All zeros is no address: the kernel then picks a random one.
        if (peer_mac != std::array<std::uint8_t, 6>{}) mnl_attr_put(nlh, IFLA_ADDRESS, peer_mac.size(), peer_mac.data());
    });
}

Result<void> Rtnetlink::create_veth_with(const std::string &name, const std::string &peer,
                                         const std::function<void(nlmsghdr *)> &peer_attrs) {
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
    put_ifinfo(nlh);
    mnl_attr_put_strz(nlh, IFLA_IFNAME, name.c_str());
    nlattr *info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
    mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "veth");
    nlattr *data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);
    // VETH_INFO_PEER carries a whole ifinfomsg followed by the peer's attributes
    // (linux/veth.h; drivers/net/veth.c veth_newlink).
    nlattr *peer_attr = mnl_attr_nest_start(nlh, VETH_INFO_PEER);
    auto *pi = static_cast<ifinfomsg *>(mnl_nlmsg_get_payload_tail(nlh));
    std::memset(pi, 0, sizeof *pi);
    pi->ifi_family = AF_UNSPEC;
    nlh->nlmsg_len += MNL_ALIGN(sizeof(ifinfomsg));
    mnl_attr_put_strz(nlh, IFLA_IFNAME, peer.c_str());
    peer_attrs(nlh);
    mnl_attr_nest_end(nlh, peer_attr);
    mnl_attr_nest_end(nlh, data);
    mnl_attr_nest_end(nlh, info);
    return request(nlh, "create veth pair", name + " <-> " + peer);
}

Result<void> Rtnetlink::delete_link(const std::string &name) {
    const int index = TRY(link_index(name));
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_DELLINK, 0);
    put_ifinfo(nlh, index);
    return request(nlh, "delete link", name);
}

Result<void> Rtnetlink::link_flags_change(const std::string &op, const std::string &name,
                                          const std::function<void(nlmsghdr *)> &fill) {
    const int index = TRY(link_index(name));
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_NEWLINK, 0);
    put_ifinfo(nlh, index);
    fill(nlh);
    return request(nlh, op, name);
}

Result<void> Rtnetlink::set_up(const std::string &name) {
    return link_flags_change("set link up", name, [](nlmsghdr *nlh) {
        auto *ifi = static_cast<ifinfomsg *>(mnl_nlmsg_get_payload(nlh));
        ifi->ifi_change = IFF_UP;
        ifi->ifi_flags = IFF_UP;
    });
}

Result<void> Rtnetlink::set_master(const std::string &name, const std::string &bridge) {
    const int master = TRY(link_index(bridge));
    return link_flags_change("attach link to bridge " + bridge, name,
                             [&](nlmsghdr *nlh) { mnl_attr_put_u32(nlh, IFLA_MASTER, static_cast<std::uint32_t>(master)); });
}

Result<void> Rtnetlink::add_address(const std::string &name, std::uint32_t address, int prefix) {
    const int index = TRY(link_index(name));
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL);
    auto *ifa = static_cast<ifaddrmsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(ifaddrmsg)));
    ifa->ifa_family = AF_INET;
    ifa->ifa_prefixlen = static_cast<unsigned char>(prefix);
    ifa->ifa_scope = RT_SCOPE_UNIVERSE;
    ifa->ifa_index = static_cast<unsigned>(index);
    const Subnet s{address & Subnet{0, prefix}.mask(), prefix};
    mnl_attr_put_u32(nlh, IFA_LOCAL, htonl(address));
    mnl_attr_put_u32(nlh, IFA_ADDRESS, htonl(address));
    if (prefix < 31) mnl_attr_put_u32(nlh, IFA_BROADCAST, htonl(s.last()));
    return request(nlh, "add address " + format_ipv4(address) + "/" + std::to_string(prefix), name);
}

namespace {
struct AddrAttrs {
    std::uint32_t local = 0, address = 0;
    bool has_local = false;
};
int addr_attr_cb(const nlattr *attr, void *data) {
    auto *a = static_cast<AddrAttrs *>(data);
    const int type = mnl_attr_get_type(attr);
    if ((type == IFA_LOCAL || type == IFA_ADDRESS) && mnl_attr_validate(attr, MNL_TYPE_U32) >= 0) {
        const std::uint32_t v = ntohl(mnl_attr_get_u32(attr));
        if (type == IFA_LOCAL) {
            a->local = v;
            a->has_local = true;
        } else {
            a->address = v;
        }
    }
    return MNL_CB_OK;
}
struct RouteAttrs {
    std::uint32_t dst = 0, gateway = 0;
    int oif = 0;
    std::uint32_t table = 0;
};
int route_attr_cb(const nlattr *attr, void *data) {
    auto *a = static_cast<RouteAttrs *>(data);
    const int type = mnl_attr_get_type(attr);
    if (mnl_attr_validate(attr, MNL_TYPE_U32) < 0) return MNL_CB_OK;
    if (type == RTA_DST) a->dst = ntohl(mnl_attr_get_u32(attr));
    if (type == RTA_GATEWAY) a->gateway = ntohl(mnl_attr_get_u32(attr));
    if (type == RTA_OIF) a->oif = static_cast<int>(mnl_attr_get_u32(attr));
    if (type == RTA_TABLE) a->table = mnl_attr_get_u32(attr);
    return MNL_CB_OK;
}
}  // namespace

Result<std::vector<AddressInfo>> Rtnetlink::addresses() {
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_GETADDR, NLM_F_DUMP);
    auto *gen = static_cast<rtgenmsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(rtgenmsg)));
    gen->rtgen_family = AF_INET;
    std::vector<AddressInfo> out;
    TRY(dump(nlh, "list addresses", [&](const nlmsghdr *m) {
        if (m->nlmsg_type != RTM_NEWADDR) return;
        const auto *ifa = static_cast<const ifaddrmsg *>(mnl_nlmsg_get_payload(m));
        if (ifa->ifa_family != AF_INET) return;
        AddrAttrs a;
        mnl_attr_parse(m, sizeof(*ifa), addr_attr_cb, &a);
        out.push_back({static_cast<int>(ifa->ifa_index), a.has_local ? a.local : a.address, ifa->ifa_prefixlen});
    }));
    return out;
}

Result<void> Rtnetlink::add_default_route(std::uint32_t gateway, const std::string &dev) {
    const int index = TRY(link_index(dev));
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
    auto *rt = static_cast<rtmsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(rtmsg)));
    rt->rtm_family = AF_INET;
    rt->rtm_table = RT_TABLE_MAIN;
    rt->rtm_protocol = RTPROT_BOOT;
    rt->rtm_scope = RT_SCOPE_UNIVERSE;
    rt->rtm_type = RTN_UNICAST;
    mnl_attr_put_u32(nlh, RTA_GATEWAY, htonl(gateway));
    mnl_attr_put_u32(nlh, RTA_OIF, static_cast<std::uint32_t>(index));
    return request(nlh, "add default route via " + format_ipv4(gateway), dev);
}

Result<std::vector<RouteInfo>> Rtnetlink::routes() {
    Buffer b;
    nlmsghdr *nlh = put_header(b, RTM_GETROUTE, NLM_F_DUMP);
    auto *rt = static_cast<rtmsg *>(mnl_nlmsg_put_extra_header(nlh, sizeof(rtmsg)));
    rt->rtm_family = AF_INET;
    std::vector<RouteInfo> out;
    TRY(dump(nlh, "list routes", [&](const nlmsghdr *m) {
        if (m->nlmsg_type != RTM_NEWROUTE) return;
        const auto *r = static_cast<const rtmsg *>(mnl_nlmsg_get_payload(m));
        if (r->rtm_family != AF_INET) return;
        RouteAttrs a;
        a.table = r->rtm_table;
        mnl_attr_parse(m, sizeof(*r), route_attr_cb, &a);
        // The local and broadcast tables repeat the interfaces' own addresses.
        if (a.table != RT_TABLE_MAIN) return;
        const Subnet dst{a.dst & Subnet{0, r->rtm_dst_len}.mask(), r->rtm_dst_len};
        out.push_back({dst, a.oif, a.gateway});
    }));
    return out;
}

Result<void> enable_ip_forwarding() {
    const char *path = "/proc/sys/net/ipv4/ip_forward";
    util::UniqueFd fd(::open(path, O_WRONLY | O_CLOEXEC));
    if (!fd) return Error::sys("open", path);
    if (::write(fd.get(), "1\n", 2) != 2) return Error::sys("write", path);
    return {};
}

}  // namespace berth::network
