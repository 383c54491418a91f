// A container's networking, between the container subsystem and runtime/network: which
// networks it joins (NetworkMode, NetworkingConfig.EndpointsConfig) checked at create;
// at the start gate its interfaces, published ports, name resolution, /etc/hosts and
// /etc/resolv.conf; at exit and removal all of that undone; live connect/disconnect; the
// NetworkSettings that inspect and the list show; and what comes back at daemon start.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "containers/container.h"
#include "sandbox/spec.h"

namespace berth::containers {

class ContainerService;
class ContainerStore;
struct ServiceOptions;

// Create: NetworkMode "bridge" (default), "none", "host", "container:<id>" or a user
// network; EndpointsConfig aliases and IPAMConfig.IPv4Address. Fills
// NetworkSettings.Networks with the endpoints start will make. 404 for an unknown
// network or container, 400 for --ip or aliases on the default bridge.
Result<void> plan_networks(Container &c, const nlohmann::json &body, const ServiceOptions &opts,
                           const ContainerStore &store);

// The network namespace the sandbox gives the container: host, a new one ("none",
// networking adds interfaces at the gate), or another running container's ("join").
Result<sandbox::Network> sandbox_network(const Container &c, const ContainerStore &store);

// At the start gate (the container's init is `pid`, not yet running its program): veth
// per network, published ports, DNS, /etc/hosts and /etc/resolv.conf, NetworkSettings
// recorded. All or nothing: on failure what was done is undone.
Result<void> attach_networks(ContainerService &svc, const std::string &id, pid_t pid);
// The start gate's step, for the lifecycle: reads the init pid, runs attach_networks,
// and on failure kills the init before it runs anything; returns the error.
std::optional<Error> networks_at_start_gate(ContainerService &svc, const std::string &id);
// At exit and removal: interfaces, addresses, ports and names released; the
// NetworkSettings keep only the configuration.
void detach_networks(ContainerService &svc, const std::string &id);
// At daemon start, before exits are recorded: running containers get their published
// ports and names back; endpoints of containers that are gone are released.
void recover_networks(ContainerService &svc);

// After POST /containers/{id}/rename (the store already has the new name), as Docker:
// on the user networks of a running container the new name answers, A and PTR, and the
// old one no longer does; DNSNames and the networks' endpoint names follow. A stopped
// container's names come from its name at its next start. Its /etc/hosts is left as is:
// it names the hostname (the short id unless set), not the container name. Waits for a
// start in progress, so a start that read the old name is corrected. Failures are logged:
// the rename itself has happened.
void rename_networks(ContainerService &svc, const std::string &id);

// POST /networks/{id}/connect and /disconnect. A running container gets or loses an
// interface at once; a stopped one at its next start.
Result<void> connect_network(ContainerService &svc, const std::string &network, const std::string &container,
                             const nlohmann::json &endpoint_config);
Result<void> disconnect_network(ContainerService &svc, const std::string &network, const std::string &container,
                                bool force);

// Inspect's NetworkSettings and the list's NetworkSettings / Ports.
nlohmann::json network_settings_json(const Container &c);
nlohmann::json summary_network_settings_json(const Container &c);
nlohmann::json summary_ports_json(const Container &c);

// ExtraHosts ("name:ip", "name=ip") as /etc/hosts lines.
std::string extra_hosts_lines(const std::vector<std::string> &extra_hosts);
// /etc/hosts for a container with an address: Docker's localhost lines, ExtraHosts
// ("name:ip"), then the container's own address and hostname.
std::string hosts_content(const std::string &hostname, const std::string &domainname, const std::string &address,
                          const std::vector<std::string> &extra_hosts);
// /etc/resolv.conf: the host's (loopback nameservers dropped unless the container shares
// the host's network), or 127.0.0.11 on user networks; Dns, DnsSearch, DnsOptions
// replace the nameservers, search and options lines.
std::string resolv_content(const std::string &host_resolv_conf, bool embedded_dns, bool host_network,
                           const std::vector<std::string> &dns, const std::vector<std::string> &dns_search,
                           const std::vector<std::string> &dns_options);

}  // namespace berth::containers
