// Networks as the Engine API sees them: create, list, inspect, remove, prune, and the
// endpoints of containers (attach at start or connect, detach at exit or disconnect).
// The predefined networks `bridge` (interface berth0 unless configured), `host` and
// `none` always exist. Records live in <root>/network/<id>.json, written atomically.
// Bridges are created with the network (the default one when first used) and stay until
// the network is removed; a bridge that went missing (reboot) is made again. Thread-safe.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.h"
#include "network/isolation.h"
#include "network/network.h"

namespace berth::events {
class EventBus;
}

namespace berth::network {

class PortPublisher;

struct NetworkServiceOptions {
    std::filesystem::path root;              // daemon root; records in <root>/network
    events::EventBus *events = nullptr;
    std::string default_bridge = "berth0";   // interface of the `bridge` network
    // Serialises subnet choice and bridge creation between daemons on one host (several
    // test daemons with private roots), so two never take the same free subnet.
    std::filesystem::path host_lock = "/run/berth/network.lock";
    // NAT of bridge networks (their traffic leaves with the host's address; connections to
    // published ports go to the proxy); null: none. Internal networks get none: they must
    // not reach beyond their bridge.
    PortPublisher *ports = nullptr;
};

struct CreateRequest {
    std::string name;
    std::string driver = "bridge";
    bool internal = false;
    bool attachable = false;
    struct Pool {
        std::string subnet, gateway, ip_range;
    };
    std::vector<Pool> pools;  // IPAM.Config; empty: chosen from the default pools
    std::map<std::string, std::string> ipam_options, options, labels;
};

struct AttachRequest {
    std::string network;         // id, name or id prefix
    std::string container_id;
    std::string container_name;  // without '/'
    std::vector<std::string> aliases;
    std::string ipv4;            // IPAMConfig.IPv4Address; "" = next free
    std::string netns_path;      // /proc/<pid>/ns/net
    bool default_route = true;
};

// What the container's NetworkSettings.Networks[name] shows.
struct Attachment {
    std::string network_id, network_name, endpoint_id, bridge, ifname, mac;
    std::uint32_t address = 0, gateway = 0;
    int prefix = 0;
    std::vector<std::string> aliases;
};

class NetworkService {
public:
    static Result<std::unique_ptr<NetworkService>> open(NetworkServiceOptions options);

    // 409 on a duplicate name, 400 on a bad or overlapping subnet, 400 for a driver other
    // than bridge (host and null exist once, predefined).
    Result<Network> create(const CreateRequest &request);
    std::vector<Network> list() const;
    // Exact id, exact name, then a unique id prefix (Docker's order); 404 otherwise.
    Result<Network> get(const std::string &id_or_name) const;
    // 403 for the predefined networks; 409 while a container is attached.
    Result<void> remove(const std::string &id_or_name);
    // Removes every user network without endpoints that `match` accepts; their names.
    std::vector<std::string> prune(const std::function<bool(const Network &)> &match);

    // Whether a container may join `network` with this endpoint configuration (create
    // time): 404 unknown network, 400 for --ip or aliases on the default bridge or an
    // address outside the subnet.
    Result<Network> check_endpoint(const std::string &network, const std::string &ipv4, bool has_aliases) const;

    // Bridge networks: allocates the address, creates the veth pair and configures the
    // container's side; all or nothing. host/null networks: records nothing, returns
    // an empty attachment.
    Result<Attachment> attach(const AttachRequest &request);
    // Deletes the container's veth on the network and releases its address; an endpoint
    // already gone is not an error.
    Result<void> detach(const std::string &network_id, const std::string &container_id);
    // Every network the container has an endpoint on.
    std::vector<std::string> networks_of(const std::string &container_id) const;
    // After a container rename: its endpoints carry the new name (network inspect's
    // Containers[].Name). Networks where it has no endpoint are left alone.
    Result<void> rename_endpoints(const std::string &container_id, const std::string &container_name);

    // At daemon start: bridges that went missing are made again; endpoints of containers
    // for which `running` says false are released.
    void recover(const std::function<bool(const std::string &container_id)> &running);

    void publish(const Network &n, const std::string &action, std::map<std::string, std::string> extra = {}) const;

private:
    explicit NetworkService(NetworkServiceOptions o) : opts_(std::move(o)) {}
    Result<void> load();
    Result<void> save(const Network &n);
    Result<void> ensure_predefined();
    Result<std::string> resolve_locked(const std::string &id_or_name) const;
    // Creates the bridge with its gateway address if missing (re-choosing a default-pool
    // subnet that the host took meanwhile, when no container uses it).
    Result<void> ensure_bridge_locked(Network &n, bool host_locked = false);
    std::vector<Subnet> taken_subnets_locked(const std::string &except_id) const;
    // Rebuilds the isolation rules from the bridge networks (a warning when nftables is out of reach).
    void apply_isolation_locked();

    NetworkServiceOptions opts_;
    mutable std::mutex mu_;
    std::map<std::string, Network> nets_;  // id -> network
    std::unique_ptr<BridgeIsolation> isolation_;
    std::set<std::string> masqueraded_;  // networks whose NAT rules this daemon has put in
};

}  // namespace berth::network
