// Files of the container's world that berthd reads or writes outside the sandbox: the
// image's /etc/passwd and /etc/group (looked up through the overlay layers, honouring
// whiteouts), and the /etc/hostname, /etc/hosts, /etc/resolv.conf the container gets.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace berth::containers {

namespace fs = std::filesystem;

// Finds `rel` ("etc/passwd") as the merged overlay would show it: the writable upper dir
// first, then the layers from the top; a whiteout or an opaque directory on the way hides
// everything below. `layers` is lowest first, as the image store returns them.
std::optional<fs::path> find_in_layers(const std::vector<fs::path> &layers, const fs::path &upper,
                                       const std::string &rel);

struct ResolvedUser {
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::vector<std::uint32_t> additional_gids;
};

// Docker's Config.User: "", "name", "uid", "name:group", "uid:gid" (user.GetExecUser).
// Unknown names are 400 "unable to find user x: no matching entries in passwd file".
// `group_add` are HostConfig.GroupAdd entries (names or numbers).
Result<ResolvedUser> resolve_user(const std::string &user, const std::string &passwd,
                                  const std::string &group, const std::vector<std::string> &group_add);

std::string hosts_file_content(const std::string &hostname, const std::string &domainname);
// The host's resolv.conf without loopback nameservers, which mean nothing inside the
// container's own network namespace.
std::string resolv_conf_content(const std::string &host_resolv_conf);

}  // namespace berth::containers
