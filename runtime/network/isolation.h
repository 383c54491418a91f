// Docker's isolation between bridge networks: a container on one network cannot reach a
// container on another through the host's routing (ip_forward is on), and an Internal
// network reaches nothing beyond its bridge. Done with nftables rules in the forward hook,
// in berthd's own table `ip berth_isolation`, one chain per daemon (named after its
// default bridge, so daemons with private roots on one host keep apart). The chain is
// rebuilt from the list of bridges whenever a network comes or goes, and deleted when the
// daemon stops.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/result.h"

namespace berth::network {

struct IsolatedBridge {
    std::string name;
    bool internal = false;
};

class BridgeIsolation {
public:
    // Fails when nftables cannot be used (no kernel support, no privilege).
    static Result<std::unique_ptr<BridgeIsolation>> open(const std::string &default_bridge);
    ~BridgeIsolation();
    BridgeIsolation(const BridgeIsolation &) = delete;
    BridgeIsolation &operator=(const BridgeIsolation &) = delete;

    Result<void> apply(const std::vector<IsolatedBridge> &bridges);

    // The nft commands apply() runs, exposed for tests.
    static std::string rules(const std::string &chain, const std::vector<IsolatedBridge> &bridges);
    static std::string chain_name(const std::string &default_bridge);

private:
    explicit BridgeIsolation(std::string chain) : chain_(std::move(chain)) {}
    std::mutex mu_;  // one rebuild at a time
    std::string chain_;
};

}  // namespace berth::network
