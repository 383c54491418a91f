// berthd's nftables rules for published ports, in its own table (`ip berth`) and nowhere
// else: another engine's tables (docker's iptables-nft ones) are never read or changed.
//
//   prerouting  (nat, dstnat)   fib daddr type local -> jump publish
//   output      (nat, -100)     ip daddr != 127.0.0.0/8, fib daddr type local -> jump publish
//   publish                     [ip daddr H] tcp dport P dnat to C:p   comment "berth:<id>"
//   postrouting (nat, srcnat)   hairpin and bridge-subnet masquerades
//
// Loopback destinations are left to the userland proxy: DNAT of 127.0.0.1 towards a
// bridge would need route_localnet. Every rule carries its owner in a comment, so the
// container's rules can be found and deleted by handle, even after a berthd restart.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/result.h"
#include "network/ports/port_publisher.h"

struct nft_ctx;

namespace berth::network {

class NftRules {
public:
    // Replaces whatever a previous berthd left in `table` by an empty set of chains.
    // Fails when the kernel or the process cannot use nftables.
    static Result<std::unique_ptr<NftRules>> open(const std::string &table);
    ~NftRules();  // deletes the table

    Result<void> add_forwards(const std::string &owner, const std::string &container_ip,
                              const std::vector<PortMapping> &mappings);
    // Outgoing traffic of a bridge subnet leaves with the host's address.
    Result<void> add_masquerade(const std::string &owner, const std::string &subnet_cidr,
                                const std::string &bridge);
    Result<void> remove(const std::string &owner);

    // The nft commands add_forwards() runs, exposed for tests.
    static std::string forward_rules(const std::string &table, const std::string &owner,
                                     const std::string &container_ip,
                                     const std::vector<PortMapping> &mappings);

private:
    NftRules(nft_ctx *ctx, std::string table);
    Result<std::string> run(const std::string &commands);

    std::mutex mu_;
    nft_ctx *ctx_;
    std::string table_;
    bool owns_table_ = false;  // set once the table is made; the destructor deletes it
};

}  // namespace berth::network
