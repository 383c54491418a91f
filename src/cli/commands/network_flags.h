// `run`/`create` flags for networking: --network, --network-alias, --ip, --dns,
// --dns-search, --dns-option, --add-host, turned into HostConfig.NetworkMode, Dns*,
// ExtraHosts and NetworkingConfig.EndpointsConfig the way the docker CLI sends them.
#pragma once

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "common/result.h"

namespace berth::cli::commands {

inline const FlagSpec kNetworkFlag{"network", 0, FlagSpec::Type::String, "Connect a container to a network", "", "network"};
inline const FlagSpec kNetworkAliasFlag{"network-alias", 0, FlagSpec::Type::List,
                                        "Add network-scoped alias for the container", "", "list"};
inline const FlagSpec kIpFlag{"ip", 0, FlagSpec::Type::String, "IPv4 address (e.g., 172.30.100.104)", "", "string"};
inline const FlagSpec kDnsFlag{"dns", 0, FlagSpec::Type::List, "Set custom DNS servers", "", "list"};
inline const FlagSpec kDnsSearchFlag{"dns-search", 0, FlagSpec::Type::List, "Set custom DNS search domains", "", "list"};
inline const FlagSpec kDnsOptionFlag{"dns-option", 0, FlagSpec::Type::List, "Set DNS options", "", "list"};
inline const FlagSpec kAddHostFlag{"add-host", 0, FlagSpec::Type::List,
                                   "Add a custom host-to-IP mapping (host:ip)", "", "list"};

// The flags above, in the order `run --help` lists them (expand into a flag table).
#define BERTH_NETWORK_FLAGS kNetworkFlag, kNetworkAliasFlag, kIpFlag, kDnsFlag, kDnsSearchFlag, kDnsOptionFlag, kAddHostFlag

// Adds the flags of `args` to the create body (`config`, which gets NetworkingConfig)
// and its host config. Bad values are usage errors with the docker CLI's wording.
Result<void> add_network_flags(const ParsedArgs &args, nlohmann::json &config, nlohmann::json &host);

}  // namespace berth::cli::commands
