// Turns the three ways a create request asks for mounts (HostConfig.Binds "src:dst[:mode]",
// HostConfig.Mounts objects, HostConfig.Tmpfs) into MountPoints, with Docker's 400 wording.
// Pure parsing, plus one stat(2) for --mount binds whose source must exist.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "containers/container.h"

namespace berth::containers {

// "/host:/ctr[:opts]" is a bind, "name:/ctr[:opts]" a named volume. Options: ro, rw, z, Z,
// nocopy, and the propagation modes.
Result<MountPoint> parse_bind(const std::string &spec);
Result<MountPoint> parse_mount(const nlohmann::json &m);
Result<MountPoint> parse_tmpfs(const std::string &dest, const std::string &options);

// All of HostConfig's mounts, checked for duplicate destinations
// ("Duplicate mount point: /x").
Result<std::vector<MountPoint>> parse_host_mounts(const nlohmann::json &host_config);

// True if `p` is "/" followed by a clean path (no "..", no empty components).
bool is_clean_absolute_path(const std::string &p);

}  // namespace berth::containers
