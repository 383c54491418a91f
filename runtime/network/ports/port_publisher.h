// Published ports: a container port reachable on the host (`-p 127.0.0.1:8080:80`).
// Two paths carry the traffic, as in Docker: a userland proxy inside berthd (Asio, one io
// thread for every port) that listens on the host port and relays to container_ip:port,
// and, where the kernel has nftables, DNAT rules in berthd's own `ip berth` table so
// that packets from other hosts reach the container without the proxy. Loopback traffic
// always takes the proxy, so route_localnet is never needed; so do containers' connections
// to the host's addresses (their gateway), which reach a container on any bridge.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::network {

struct PortMapping {
    std::string proto = "tcp";         // "tcp" or "udp"
    std::uint16_t container_port = 0;
    std::string host_ip;               // "" = every address (0.0.0.0)
    std::uint16_t host_port = 0;       // 0 = a random free port, chosen by publish()
    // A request's HostPort range "8000-8010": publish() takes the first free port in
    // [host_port, host_port_end]. 0 once resolved, and for a single port.
    std::uint16_t host_port_end = 0;

    bool operator==(const PortMapping &) const = default;
};

// HostConfig.PortBindings ({"80/tcp":[{"HostIp":"","HostPort":"8080"}]}, HostPort ranges
// "8000-8010", empty = random) plus Config.ExposedPorts when HostConfig.PublishAllPorts
// is set -> one mapping per published port. Bad input is ErrorKind::InvalidArgument with
// Docker's wording.
Result<std::vector<PortMapping>> port_mappings_from_config(const nlohmann::json &config,
                                                           const nlohmann::json &host_config);

// NetworkSettings.Ports: {"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"}], "443/tcp":null}
// (exposed ports that are not published appear with null, as in Docker).
nlohmann::json ports_inspect_json(const std::vector<PortMapping> &published,
                                  const nlohmann::json &exposed_ports);
// The "Ports" array of GET /containers/json:
// [{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}].
nlohmann::json ports_list_json(const std::vector<PortMapping> &published);

// Persistence of a container's published ports (its state file).
nlohmann::json to_json(const PortMapping &mapping);
PortMapping port_mapping_from_json(const nlohmann::json &json);

struct PortPublisherOptions {
    bool use_nftables = true;          // false: proxy only (tests, or no kernel support)
    std::string nft_table = "berth";   // the only nftables table berthd ever touches
    std::chrono::seconds udp_idle{90};  // a UDP client's flow ends after this long unused
};

// "berth" for the default root; "berth_<hash>" for any other, so that berthds with
// private roots (tests) never clear each other's table when they start.
std::string nft_table_for_root(const std::filesystem::path &root);

class PortPublisherImpl;

class PortPublisher {
public:
    // Starts the proxy's io thread and clears rules a killed berthd left in its table.
    static Result<std::unique_ptr<PortPublisher>> open(PortPublisherOptions opts = {});
    ~PortPublisher();  // stops every proxy and removes every rule of ours

    PortPublisher(const PortPublisher &) = delete;
    PortPublisher &operator=(const PortPublisher &) = delete;

    // All or nothing: binds every host port first (a taken one fails with Docker's
    // "Bind for 0.0.0.0:8080 failed: port is already allocated" and nothing stays bound),
    // then starts relaying and adds the rules. Returns the mappings with the host ports
    // actually chosen (ranges and 0 resolved) and host_ip as given.
    Result<std::vector<PortMapping>> publish(const std::string &container_id,
                                             const std::string &container_ip,
                                             const std::vector<PortMapping> &requested);
    // Stops the container's proxies and removes its rules; unknown ids are a no-op.
    void unpublish(const std::string &container_id);
    std::vector<PortMapping> published(const std::string &container_id) const;

    // A bridge network's NAT: its outgoing traffic leaves with the host's address, and its
    // containers' connections to published ports (through their gateway or any host
    // address) are left to the proxy, which reaches the published container on any bridge
    // (as Docker's proxy does). Called by the network driver when a bridge comes up (not
    // for Internal networks); a no-op without nftables, where the proxy has them anyway.
    Result<void> nat_for_bridge(const std::string &network_id, const std::string &subnet_cidr,
                                const std::string &bridge);
    void remove_nat_for_bridge(const std::string &network_id);

    bool nftables_active() const;  // false: the proxy alone carries every published port

private:
    explicit PortPublisher(std::unique_ptr<PortPublisherImpl> impl);
    std::unique_ptr<PortPublisherImpl> impl_;
};

}  // namespace berth::network
