// Who is on the other end of the socket (SO_PEERCRED), and whether they may use berthd:
// root, or a member of the daemon's group (`berth` by default), like docker's socket.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace berth::api {

struct PeerCredentials {
    pid_t pid = -1;
    uid_t uid = static_cast<uid_t>(-1);
    gid_t gid = static_cast<gid_t>(-1);
};

// The peer of a connected AF_UNIX socket, as the kernel recorded it at connect().
Result<PeerCredentials> peer_credentials(int fd);

// The groups of a user (primary and supplementary, from the passwd/group databases).
using GroupLookup = std::function<std::vector<gid_t>(uid_t)>;
std::vector<gid_t> groups_of_user(uid_t uid);

// The gid of `name`, or nullopt when the group does not exist (then only root is allowed).
std::optional<gid_t> lookup_group(const std::string &name);

// uid 0, or the primary gid or one of the user's groups equals `allowed_group`.
// Returns the reason for refusing, or an empty string when allowed.
std::string authorization_failure(const PeerCredentials &peer, std::optional<gid_t> allowed_group,
                                  const std::string &group_name,
                                  const GroupLookup &lookup = groups_of_user);

}  // namespace berth::api
