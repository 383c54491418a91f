#include "api/peer_credentials.h"

#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>

#include <algorithm>

namespace berth::api {

Result<PeerCredentials> peer_credentials(int fd) {
    struct ucred cred {};
    socklen_t len = sizeof cred;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0)
        return Error::sys("getsockopt SO_PEERCRED", "fd " + std::to_string(fd));
    return PeerCredentials{cred.pid, cred.uid, cred.gid};
}

std::vector<gid_t> groups_of_user(uid_t uid) {
    std::vector<char> buf(16384);
    struct passwd pw {};
    struct passwd *found = nullptr;
    if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) != 0 || found == nullptr) return {};
    std::vector<gid_t> groups(64);
    int n = static_cast<int>(groups.size());
    if (::getgrouplist(pw.pw_name, pw.pw_gid, groups.data(), &n) < 0) {
        groups.resize(static_cast<std::size_t>(n));  // n now holds the needed size
        if (::getgrouplist(pw.pw_name, pw.pw_gid, groups.data(), &n) < 0) return {};
    }
    groups.resize(static_cast<std::size_t>(n));
    return groups;
}

std::optional<gid_t> lookup_group(const std::string &name) {
    std::vector<char> buf(16384);
    struct group gr {};
    struct group *found = nullptr;
    if (::getgrnam_r(name.c_str(), &gr, buf.data(), buf.size(), &found) != 0 || found == nullptr)
        return std::nullopt;
    return gr.gr_gid;
}

std::string authorization_failure(const PeerCredentials &peer, std::optional<gid_t> allowed_group,
                                  const std::string &group_name, const GroupLookup &lookup) {
    if (peer.uid == 0) return {};
    if (!allowed_group)
        return "only root may use berthd (group '" + group_name + "' does not exist)";
    if (peer.gid == *allowed_group) return {};
    const auto groups = lookup(peer.uid);
    if (std::find(groups.begin(), groups.end(), *allowed_group) != groups.end()) return {};
    return "uid " + std::to_string(peer.uid) + " is neither root nor a member of group '" +
           group_name + "'";
}

}  // namespace berth::api
