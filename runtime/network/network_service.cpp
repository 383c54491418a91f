#include "network/network_service.h"

#include <fcntl.h>
#include <sys/file.h>

#include <chrono>
#include <ctime>

#include "events/event_bus.h"
#include "network/netlink.h"
#include "network/ports/port_publisher.h"
#include "network/veth.h"
#include "util/atomic_file.h"
#include "util/log.h"
#include "util/unique_fd.h"

namespace berth::network {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char *kBridgeNameOption = "com.docker.network.bridge.name";

std::string now_rfc3339_nano() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
    const std::time_t secs = static_cast<std::time_t>(ns / 1000000000);
    std::tm tm{};
    ::gmtime_r(&secs, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char frac[16];
    std::snprintf(frac, sizeof frac, ".%09lldZ", static_cast<long long>(ns % 1000000000));
    return std::string(buf) + frac;
}

// A blocking flock on a host-wide file, held while a subnet is chosen and its bridge made.
class HostLock {
public:
    explicit HostLock(const fs::path &path) {
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        fd_.reset(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
        if (fd_) while (::flock(fd_.get(), LOCK_EX) < 0 && errno == EINTR) {}
    }

private:
    util::UniqueFd fd_;
};

bool valid_network_name(const std::string &n) {
    // Docker: [a-zA-Z0-9][a-zA-Z0-9_.-]* (daemon/network.go, validNetworkName).
    if (n.empty() || !std::isalnum(static_cast<unsigned char>(n[0]))) return false;
    for (char ch : n)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_' && ch != '.' && ch != '-') return false;
    return true;
}

}  // namespace

Result<std::unique_ptr<NetworkService>> NetworkService::open(NetworkServiceOptions options) {
    std::unique_ptr<NetworkService> s(new NetworkService(std::move(options)));
    std::error_code ec;
    fs::create_directories(s->opts_.root / "network", ec);
    if (ec) return Error{"create directory", (s->opts_.root / "network").string(), ec.value(), {}, ErrorKind::Internal};
    TRY(s->load());
    TRY(s->ensure_predefined());
    if (auto iso = BridgeIsolation::open(s->opts_.default_bridge); iso) {
        s->isolation_ = std::move(*iso);
        std::lock_guard lock(s->mu_);
        s->apply_isolation_locked();
    } else {
        log::warn("networks are not isolated from each other: " + iso.error().message());
    }
    return s;
}

Result<void> NetworkService::load() {
    const fs::path dir = opts_.root / "network";
    for (const auto &entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        auto text = util::read_file(entry.path());
        if (!text) return std::move(text).error();
        try {
            auto n = network_from_disk_json(json::parse(*text));
            if (!n) {
                log::warn("skip network record " + entry.path().string() + ": " + n.error().message());
                continue;
            }
            nets_[n->id] = std::move(*n);
        } catch (const std::exception &e) {
            log::warn("skip network record " + entry.path().string() + ": " + e.what());
        }
    }
    return {};
}

Result<void> NetworkService::save(const Network &n) {
    return util::write_file_atomic(opts_.root / "network" / (n.id + ".json"), to_disk_json(n).dump(2) + "\n", 0600);
}

Result<void> NetworkService::ensure_predefined() {
    std::lock_guard lock(mu_);
    auto have = [&](const std::string &name) {
        for (const auto &[id, n] : nets_)
            if (n.name == name && n.predefined) return true;
        return false;
    };
    if (!have("bridge")) {
        Network n;
        n.id = random_id();
        n.name = "bridge";
        n.created = now_rfc3339_nano();
        n.driver = "bridge";
        n.predefined = true;
        n.bridge = opts_.default_bridge;
        // The subnet is chosen now and checked again when the bridge is first made.
        IpamPool pool;
        pool.subnet = TRY(choose_subnet(taken_subnets_locked(n.id)));
        pool.gateway = default_gateway(pool.subnet);
        pool.chosen = true;
        n.pool = pool;
        n.options = {{"com.docker.network.bridge.default_bridge", "true"},
                     {"com.docker.network.bridge.enable_icc", "true"},
                     {"com.docker.network.bridge.enable_ip_masquerade", "true"},
                     {"com.docker.network.bridge.host_binding_ipv4", "0.0.0.0"},
                     {kBridgeNameOption, opts_.default_bridge},
                     {"com.docker.network.driver.mtu", "1500"}};
        TRY(save(n));
        nets_[n.id] = n;
    } else {
        // The configured bridge name wins over the recorded one (a daemon option).
        for (auto &[id, n] : nets_)
            if (n.is_default_bridge() && n.bridge != opts_.default_bridge && n.endpoints.empty()) {
                n.bridge = opts_.default_bridge;
                n.options[kBridgeNameOption] = opts_.default_bridge;
                TRY(save(n));
            }
    }
    for (const auto &[name, driver] : {std::pair{"host", "host"}, std::pair{"none", "null"}}) {
        if (have(name)) continue;
        Network n;
        n.id = random_id();
        n.name = name;
        n.created = now_rfc3339_nano();
        n.driver = driver;
        n.predefined = true;
        TRY(save(n));
        nets_[n.id] = n;
    }
    return {};
}

std::vector<Subnet> NetworkService::taken_subnets_locked(const std::string &except_id) const {
    std::vector<Subnet> taken;
    std::string own_bridge;
    if (auto it = nets_.find(except_id); it != nets_.end()) own_bridge = it->second.bridge;
    for (const auto &[id, n] : nets_)
        if (id != except_id && n.pool) taken.push_back(n.pool->subnet);
    auto nl = Rtnetlink::open();
    if (!nl) {
        log::warn("list host routes: " + nl.error().message());
        return taken;
    }
    int own_index = 0;
    if (!own_bridge.empty())
        if (auto i = nl->link_index(own_bridge); i) own_index = *i;
    if (auto routes = nl->routes(); routes) {
        for (const auto &r : *routes)
            if (r.oif == 0 || r.oif != own_index) taken.push_back(r.dst);
    }
    if (auto addrs = nl->addresses(); addrs) {
        for (const auto &a : *addrs)
            if (a.ifindex != own_index) taken.push_back({a.address & Subnet{0, a.prefix}.mask(), a.prefix});
    }
    return taken;
}

Result<void> NetworkService::ensure_bridge_locked(Network &n, bool host_locked) {
    if (!n.is_bridge() || !n.pool) return {};
    auto nl = TRY(Rtnetlink::open());
    if (!nl.link_exists(n.bridge)) {
        // flock locks belong to the open file: a second lock of ours would wait forever.
        std::optional<HostLock> host;
        if (!host_locked) host.emplace(opts_.host_lock);
        if (n.pool->chosen && n.endpoints.empty()) {
            // Another engine (or a second berthd) may have taken the subnet since it was chosen.
            const auto taken = taken_subnets_locked(n.id);
            bool clash = false;
            for (const auto &t : taken)
                if (t.prefix > 0 && t.overlaps(n.pool->subnet)) clash = true;
            if (clash) {
                n.pool->subnet = TRY(choose_subnet(taken));
                n.pool->gateway = default_gateway(n.pool->subnet);
                n.pool->range.reset();
                TRY(save(n));
            }
        }
        if (auto r = nl.create_bridge(n.bridge); !r && r.error().kind != ErrorKind::Conflict) return r;
        if (auto r = nl.add_address(n.bridge, n.pool->gateway, n.pool->subnet.prefix);
            !r && r.error().kind != ErrorKind::Conflict) {
            (void)nl.delete_link(n.bridge);
            return r;
        }
        log::info("network " + n.name + ": bridge " + n.bridge + " with " + format_ipv4(n.pool->gateway) + "/" +
                  std::to_string(n.pool->subnet.prefix));
    }
    TRY(nl.set_up(n.bridge));
    if (auto r = enable_ip_forwarding(); !r) log::warn("enable IPv4 forwarding: " + r.error().message());
    if (opts_.ports && !n.internal && !masqueraded_.count(n.id)) {
        if (auto r = opts_.ports->nat_for_bridge(n.id, n.pool->subnet.str(), n.bridge); r)
            masqueraded_.insert(n.id);
        else
            log::warn("network " + n.name + ": outbound NAT: " + r.error().message());
    }
    return {};
}

void NetworkService::apply_isolation_locked() {
    if (!isolation_) return;
    std::vector<IsolatedBridge> bridges;
    for (const auto &[id, n] : nets_)
        if (n.is_bridge()) bridges.push_back({n.bridge, n.internal});
    if (auto r = isolation_->apply(bridges); !r) log::warn(r.error().message());
}

Result<Network> NetworkService::create(const CreateRequest &req) {
    if (req.name.empty()) return Error::invalid("network name is required");
    if (!valid_network_name(req.name))
        return Error::invalid("invalid network name \"" + req.name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    const std::string driver = req.driver.empty() ? "bridge" : req.driver;
    if (driver == "host" || driver == "null")
        return Error::of(ErrorKind::Forbidden, "only one instance of \"" + driver + "\" network is allowed");
    if (driver != "bridge")
        return Error::not_found("could not find plugin " + driver + " in v1 plugin registry: plugin not found");
    if (req.pools.size() > 1) return Error::invalid("only one IPv4 subnet is supported per bridge network");

    std::lock_guard lock(mu_);
    for (const auto &[id, n] : nets_)
        if (n.name == req.name) return Error::conflict("network with name " + req.name + " already exists");

    Network n;
    n.id = random_id();
    n.name = req.name;
    n.created = now_rfc3339_nano();
    n.driver = driver;
    n.internal = req.internal;
    n.attachable = req.attachable;
    n.ipam_options = req.ipam_options;
    n.options = req.options;
    n.labels = req.labels;
    n.bridge = "br-" + n.id.substr(0, 12);
    if (auto it = req.options.find(kBridgeNameOption); it != req.options.end()) {
        if (it->second.empty() || it->second.size() > 15 || it->second.find('/') != std::string::npos)
            return Error::invalid("invalid bridge name: " + it->second);
        for (const auto &[id, other] : nets_)
            if (other.bridge == it->second) return Error::conflict("bridge name " + it->second + " is already in use");
        n.bridge = it->second;
    }

    HostLock host(opts_.host_lock);
    IpamPool pool;
    if (!req.pools.empty() && !req.pools[0].subnet.empty()) {
        const auto &p = req.pools[0];
        pool.subnet = TRY(parse_subnet(p.subnet));
        if (pool.subnet.prefix > 30) return Error::invalid("invalid subnet " + p.subnet + ": too small for a bridge network");
        for (const auto &[id, other] : nets_)
            if (other.pool && other.pool->subnet.overlaps(pool.subnet))
                return Error::invalid("invalid pool request: Pool overlaps with other one on this address space");
        if (!p.gateway.empty()) {
            pool.gateway = TRY(parse_ipv4(p.gateway));
            if (!pool.subnet.contains(pool.gateway))
                return Error::invalid("no matching subnet for gateway " + p.gateway);
        } else {
            pool.gateway = default_gateway(pool.subnet);
        }
        if (!p.ip_range.empty()) {
            pool.range = TRY(parse_subnet(p.ip_range));
            if (!pool.subnet.contains(pool.range->base) || pool.range->prefix < pool.subnet.prefix)
                return Error::invalid("no matching subnet for range " + p.ip_range);
        }
    } else {
        if (!req.pools.empty() && (!req.pools[0].gateway.empty() || !req.pools[0].ip_range.empty()))
            return Error::invalid("a gateway or IP range needs a subnet (--subnet)");
        pool.subnet = TRY(choose_subnet(taken_subnets_locked(n.id)));
        pool.gateway = default_gateway(pool.subnet);
    }
    n.pool = pool;
    TRY(ensure_bridge_locked(n, true));
    if (auto r = save(n); !r) {
        if (auto nl = Rtnetlink::open(); nl) (void)nl->delete_link(n.bridge);
        return std::move(r).error();
    }
    nets_[n.id] = n;
    apply_isolation_locked();
    publish(n, "create");
    return n;
}

std::vector<Network> NetworkService::list() const {
    std::lock_guard lock(mu_);
    std::vector<Network> out;
    for (const auto &[id, n] : nets_) out.push_back(n);
    return out;
}

Result<std::string> NetworkService::resolve_locked(const std::string &key) const {
    if (key.empty()) return Error::not_found("network  not found");
    if (nets_.count(key)) return key;
    for (const auto &[id, n] : nets_)
        if (n.name == key) return id;
    std::string found;
    for (const auto &[id, n] : nets_)
        if (id.compare(0, key.size(), key) == 0) {
            if (!found.empty())
                return Error::invalid("network " + key + " is ambiguous (" + std::to_string(2) + " matches found on id)");
            found = id;
        }
    if (found.empty()) return Error::not_found("network " + key + " not found");
    return found;
}

Result<Network> NetworkService::get(const std::string &id_or_name) const {
    std::lock_guard lock(mu_);
    auto id = TRY(resolve_locked(id_or_name));
    return nets_.at(id);
}

Result<void> NetworkService::remove(const std::string &id_or_name) {
    std::lock_guard lock(mu_);
    auto id = TRY(resolve_locked(id_or_name));
    Network &n = nets_.at(id);
    if (n.predefined)
        return Error::of(ErrorKind::Forbidden, n.name + " is a pre-defined network and cannot be removed");
    if (!n.endpoints.empty())
        return Error::conflict("error while removing network: network " + n.name + " id " + n.id + " has active endpoints");
    if (n.is_bridge()) {
        auto nl = TRY(Rtnetlink::open());
        if (auto r = nl.delete_link(n.bridge); !r && r.error().kind != ErrorKind::NotFound)
            return std::move(r).error().context("remove network " + n.name);
    }
    std::error_code ec;
    fs::remove(opts_.root / "network" / (id + ".json"), ec);
    if (ec) return Error{"remove network record", id, ec.value(), {}, ErrorKind::Internal};
    const Network gone = n;
    nets_.erase(id);
    if (opts_.ports && masqueraded_.erase(id)) opts_.ports->remove_nat_for_bridge(id);
    apply_isolation_locked();
    publish(gone, "destroy");
    return {};
}

std::vector<std::string> NetworkService::prune(const std::function<bool(const Network &)> &match) {
    std::vector<std::string> candidates;
    {
        std::lock_guard lock(mu_);
        for (const auto &[id, n] : nets_)
            if (!n.predefined && n.endpoints.empty() && match(n)) candidates.push_back(id);
    }
    std::vector<std::string> removed;
    for (const auto &id : candidates) {
        auto n = get(id);
        if (!n) continue;
        if (auto r = remove(id); r) removed.push_back(n->name);
        else log::warn("prune network " + n->name + ": " + r.error().message());
    }
    return removed;
}

Result<Network> NetworkService::check_endpoint(const std::string &network, const std::string &ipv4,
                                               bool has_aliases) const {
    std::lock_guard lock(mu_);
    auto id = TRY(resolve_locked(network));
    const Network &n = nets_.at(id);
    if (!ipv4.empty() || has_aliases) {
        if (n.is_default_bridge() || !n.is_bridge()) {
            if (!ipv4.empty())
                return Error::invalid("user specified IP address is supported on user defined networks only");
            return Error::invalid("network-scoped alias is supported only for containers in user defined networks");
        }
    }
    if (!ipv4.empty()) {
        const auto a = TRY(parse_ipv4(ipv4));
        if (n.pool && !n.pool->subnet.contains(a))
            return Error::invalid("invalid endpoint settings: no configured subnet or ip-range contain the IP address " + ipv4);
    }
    return n;
}

Result<Attachment> NetworkService::attach(const AttachRequest &req) {
    std::lock_guard lock(mu_);
    auto id = TRY(resolve_locked(req.network));
    Network &n = nets_.at(id);
    Attachment out;
    out.network_id = n.id;
    out.network_name = n.name;
    if (!n.is_bridge()) return out;

    if (n.endpoints.count(req.container_id)) {
        // A stale endpoint (the container ended while berthd was down): make way.
        (void)delete_host_veth(n.endpoints[req.container_id].host_veth);
        n.endpoints.erase(req.container_id);
    }
    TRY(ensure_bridge_locked(n));
    AddressSpace space = n.address_space();
    std::optional<std::uint32_t> wanted;
    if (!req.ipv4.empty()) wanted = TRY(parse_ipv4(req.ipv4));
    const std::uint32_t address = TRY(space.allocate(wanted));

    Endpoint ep;
    ep.container_id = req.container_id;
    ep.container_name = req.container_name;
    ep.endpoint_id = random_id();
    ep.host_veth = "veth" + ep.endpoint_id.substr(0, 7);
    ep.address = address;
    ep.aliases = req.aliases;

    VethPlan plan;
    plan.host_name = ep.host_veth;
    plan.bridge = n.bridge;
    plan.netns_path = req.netns_path;
    plan.address = address;
    plan.prefix = n.pool->subnet.prefix;
    plan.gateway = n.pool->gateway;
    plan.mac = mac_for(address);
    plan.default_route = req.default_route;
    plan.internal = n.internal;
    auto ifname = create_container_veth(plan);
    if (!ifname) return std::move(ifname).error().context("connect container to network " + n.name);

    n.endpoints[req.container_id] = ep;
    if (auto r = save(n); !r) {
        n.endpoints.erase(req.container_id);
        (void)delete_host_veth(ep.host_veth);
        return std::move(r).error();
    }
    out.endpoint_id = ep.endpoint_id;
    out.bridge = n.bridge;
    out.ifname = *ifname;
    out.address = address;
    out.gateway = n.pool->gateway;
    out.prefix = n.pool->subnet.prefix;
    out.mac = format_mac(plan.mac);
    out.aliases = req.aliases;
    publish(n, "connect", {{"container", req.container_id}});
    return out;
}

Result<void> NetworkService::detach(const std::string &network_id, const std::string &container_id) {
    std::lock_guard lock(mu_);
    auto it = nets_.find(network_id);
    if (it == nets_.end()) return {};
    Network &n = it->second;
    auto ep = n.endpoints.find(container_id);
    if (ep == n.endpoints.end()) return {};
    auto r = delete_host_veth(ep->second.host_veth);
    n.endpoints.erase(ep);
    TRY(save(n));
    publish(n, "disconnect", {{"container", container_id}});
    if (!r) return std::move(r).error().context("disconnect container from network " + n.name);
    return {};
}

std::vector<std::string> NetworkService::networks_of(const std::string &container_id) const {
    std::lock_guard lock(mu_);
    std::vector<std::string> out;
    for (const auto &[id, n] : nets_)
        if (n.endpoints.count(container_id)) out.push_back(id);
    return out;
}

Result<void> NetworkService::rename_endpoints(const std::string &container_id, const std::string &container_name) {
    std::lock_guard lock(mu_);
    for (auto &[id, n] : nets_) {
        auto ep = n.endpoints.find(container_id);
        if (ep == n.endpoints.end() || ep->second.container_name == container_name) continue;
        const std::string before = ep->second.container_name;
        ep->second.container_name = container_name;
        if (auto r = save(n); !r) {
            ep->second.container_name = before;
            return std::move(r).error().context("rename endpoint in network " + n.name);
        }
    }
    return {};
}

void NetworkService::recover(const std::function<bool(const std::string &)> &running) {
    std::lock_guard lock(mu_);
    for (auto &[id, n] : nets_) {
        bool changed = false;
        for (auto it = n.endpoints.begin(); it != n.endpoints.end();) {
            if (running(it->first)) {
                ++it;
                continue;
            }
            (void)delete_host_veth(it->second.host_veth);
            it = n.endpoints.erase(it);
            changed = true;
        }
        if (changed)
            if (auto r = save(n); !r) log::warn("save network " + n.name + ": " + r.error().message());
        // User networks keep their bridge; the default one is made when first used.
        if (n.is_bridge() && (!n.predefined || !n.endpoints.empty()))
            if (auto r = ensure_bridge_locked(n); !r)
                log::warn("restore bridge of network " + n.name + ": " + r.error().message());
    }
}

void NetworkService::publish(const Network &n, const std::string &action, std::map<std::string, std::string> extra) const {
    if (!opts_.events) return;
    events::Event e;
    e.type = "network";
    e.action = action;
    e.id = n.id;
    extra["name"] = n.name;
    extra["type"] = n.driver;
    e.attributes = std::move(extra);
    opts_.events->publish(std::move(e));
}

}  // namespace berth::network
