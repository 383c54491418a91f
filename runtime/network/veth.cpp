#include "network/veth.h"

#include <fcntl.h>

#include "network/netlink.h"
#include "util/scope_exit.h"
#include "util/unique_fd.h"

namespace berth::network {

Result<std::string> create_container_veth(const VethPlan &p) {
    auto host = TRY(Rtnetlink::open());
    auto inside = TRY(Rtnetlink::open_in_netns(p.netns_path));
    std::string name = p.container_name;
    if (name.empty()) {
        for (int i = 0; i < 1000 && name.empty(); ++i) {
            const std::string candidate = "eth" + std::to_string(i);
            if (!inside.link_exists(candidate)) name = candidate;
        }
    }
    // The container's end is made inside its namespace with its final name and MAC.
    util::UniqueFd ns(::open(p.netns_path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!ns) return Error::sys("open network namespace", p.netns_path);
    TRY(host.create_veth_into(p.host_name, name, ns.get(), p.mac));
    bool done = false;
    util::ScopeExit undo([&] {
        if (!done) (void)host.delete_link(p.host_name);
    });
    TRY(host.set_master(p.host_name, p.bridge));
    TRY(host.set_up(p.host_name));
    TRY(inside.add_address(name, p.address, p.prefix));
    TRY(inside.set_up(name));
    TRY(inside.set_up("lo"));
    if (p.default_route && !p.internal) TRY(inside.add_default_route(p.gateway, name));
    done = true;
    return name;
}

Result<void> delete_host_veth(const std::string &host_name) {
    auto host = TRY(Rtnetlink::open());
    auto r = host.delete_link(host_name);
    if (!r && r.error().kind != ErrorKind::NotFound) return r;
    return {};
}

}  // namespace berth::network
