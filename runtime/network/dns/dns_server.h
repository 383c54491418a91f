// The embedded DNS server of user-defined networks (Docker's 127.0.0.11): containers ask it
// for the names of the containers on their networks; anything else it forwards to the
// host's resolvers and relays the answer.
//
// One io thread serves every container. The sockets of a container are created inside its
// network namespace (a short-lived thread setns()es there, binds, and returns) and keep
// that namespace, so the io thread itself never changes namespace and forwards from the
// host's, where loopback resolvers (systemd-resolved, dnsmasq) are reachable.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"

namespace berth::network {

struct DnsOptions {
    // Upstreams are its nameservers, loopback ones included: berthd forwards from the
    // host's namespace, where they are reachable (containers get resolv.conf without them).
    std::filesystem::path resolv_conf = "/etc/resolv.conf";
    // How long one upstream has to answer before the next is tried; after the last one the
    // client gets SERVFAIL. glibc's resolver gives up on us after 5 s by default.
    std::chrono::milliseconds upstream_timeout{2000};
};

class DnsServer {
public:
    // Reads the upstreams and starts the io thread.
    static Result<std::unique_ptr<DnsServer>> open(DnsOptions opts);
    ~DnsServer();
    DnsServer(const DnsServer &) = delete;
    DnsServer &operator=(const DnsServer &) = delete;

    // The names a container answers to on one network: its name (without '/'), its network
    // aliases, its short id. Replaces what was there before. Names are case-insensitive.
    void set_records(const std::string &network_id, const std::string &container_id,
                     std::vector<std::string> names, const std::string &ipv4);
    void remove_records(const std::string &network_id, const std::string &container_id);
    // After a rename: the container's names on the network, where it has records (a
    // container that is not running has none and gets none). The old names stop
    // answering, A and PTR, with the next query.
    bool rename_records(const std::string &network_id, const std::string &container_id,
                        const std::vector<std::string> &names);

    // Serves UDP and TCP on 127.0.0.11:53 inside the network namespace of `pid`
    // (/proc/<pid>/ns/net), answering for the names on `network_ids`. A container already
    // served is served again with new sockets (the namespace may be a new one).
    Result<void> serve_container(const std::string &container_id, pid_t pid,
                                 std::vector<std::string> network_ids);
    // After network connect/disconnect: which networks' names the container sees.
    void set_container_networks(const std::string &container_id,
                                std::vector<std::string> network_ids);
    // Closes the container's sockets; returns once they are closed.
    void stop_container(const std::string &container_id);

    struct Impl;

private:
    explicit DnsServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace berth::network
