// `run`/`create` flags for published ports: -p/--publish, -P/--publish-all, --expose,
// turned into Config.ExposedPorts and HostConfig.PortBindings / PublishAllPorts with the
// docker CLI's rules (go-connections' ParsePortSpec).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "common/result.h"

namespace berth::cli::commands {

inline const FlagSpec kPublishFlag{"publish", 'p', FlagSpec::Type::List,
                                   "Publish a container's port(s) to the host", "", "list"};
inline const FlagSpec kPublishAllFlag{"publish-all", 'P', FlagSpec::Type::Bool,
                                      "Publish all exposed ports to random ports", "", ""};
inline const FlagSpec kExposeFlag{"expose", 0, FlagSpec::Type::List,
                                  "Expose a port or a range of ports", "", "list"};

// One -p value: "[ip:][hostPort:]containerPort[/proto]", each port may be a range
// ("8000-8010:80-90"; a host range for one container port means "any free one of these").
Result<void> add_publish_spec(const std::string &spec, nlohmann::json &exposed, nlohmann::json &bindings);
// One --expose value: "80", "80/udp", "8000-8010/tcp".
Result<void> add_expose_spec(const std::string &spec, nlohmann::json &exposed);

// All three flags of `args` into the create body's config and host config.
Result<void> add_publish_flags(const ParsedArgs &args, nlohmann::json &config, nlohmann::json &host);

}  // namespace berth::cli::commands
