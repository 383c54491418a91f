// The daemon's listening socket: unix://PATH, mode 0660, group-owned by the daemon's group
// when it exists (the same contract as /var/run/docker.sock and group `docker`).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>

#include "common/result.h"
#include "util/unique_fd.h"

namespace berth::api {

// "unix:///run/berth/berth.sock" -> "/run/berth/berth.sock"; other schemes are refused.
Result<std::filesystem::path> parse_unix_host(const std::string &host);

// Creates the parent directory (0755) if missing, removes a stale socket file (one that
// nobody answers on; a live one is a Conflict), binds, listens, sets mode and group.
Result<util::UniqueFd> listen_unix(const std::filesystem::path &path, std::optional<gid_t> group);

}  // namespace berth::api
