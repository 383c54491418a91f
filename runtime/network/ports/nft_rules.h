// berthd's nftables rules for published ports, in its own table (`ip berth`) and nowhere
// else: another engine's tables (docker's iptables-nft ones) are never read or changed.
//
//   prerouting  (nat, dstnat)   iifname <bridge> return           (one per bridge network)
//                               fib daddr type local -> jump publish
//   output      (nat, -100)     ip daddr != 127.0.0.0/8, fib daddr type local -> jump publish
//   publish                     [ip daddr H] tcp dport P dnat to C:p   comment "berth:<id>"
//   postrouting (nat, srcnat)   bridge-subnet and hairpin masquerades
//
// Loopback destinations are left to the userland proxy: DNAT of 127.0.0.1 towards a
// bridge would need route_localnet. So are connections from containers (Docker's
// `-i docker0 -j RETURN`): the proxy, listening on the host's addresses, takes them to
// the published container whatever bridge it is on, where a DNAT towards another bridge
// would meet the isolation rules. Every rule carries its owner in a comment, so the
// container's rules can be found and deleted by handle, even after a berthd restart.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/result.h"
#include "network/ports/port_publisher.h"


namespace berth::network {

class NftRules {
public:
    // Replaces whatever a previous berthd left in `table` by an empty set of chains.
    // Fails when the kernel or the process cannot use nftables.
    static Result<std::unique_ptr<NftRules>> open(const std::string &table);
    ~NftRules();  // deletes the table

    Result<void> add_forwards(const std::string &owner, const std::string &container_ip,
                              const std::vector<PortMapping> &mappings);
    // A bridge network's rules: its outgoing traffic leaves with the host's address, and
    // what its containers send to the host's published ports goes to the proxy.
    Result<void> add_bridge(const std::string &owner, const std::string &subnet_cidr,
                            const std::string &bridge);
    Result<void> remove(const std::string &owner);

    // The nft commands add_forwards() runs, exposed for tests.
    static std::string forward_rules(const std::string &table, const std::string &owner,
                                     const std::string &container_ip,
                                     const std::vector<PortMapping> &mappings);
    // The nft commands add_bridge() runs (arguments checked by add_bridge), for tests.
    static std::string bridge_rules(const std::string &table, const std::string &owner,
                                    const std::string &subnet_cidr, const std::string &bridge);

private:
    explicit NftRules(std::string table);
    Result<std::string> run(const std::string &commands);

    std::mutex mu_;  // one change at a time
    std::string table_;
    bool owns_table_ = false;  // set once the table is made; the destructor deletes it
};

}  // namespace berth::network
