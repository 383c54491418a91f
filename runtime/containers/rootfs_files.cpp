#include "containers/rootfs_files.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>

#include <sstream>

namespace berth::containers {
namespace {

bool is_whiteout(const fs::path &p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0);
}

bool is_opaque(const fs::path &dir) {
    char v[4] = {};
    return ::getxattr(dir.c_str(), "trusted.overlay.opaque", v, sizeof v) == 1 && v[0] == 'y';
}

// Looks in one layer: found, hidden (stop looking lower) or absent (go on).
enum class Lookup { Found, Hidden, Absent };

Lookup look(const fs::path &layer, const std::string &rel) {
    fs::path cur = layer;
    std::istringstream parts(rel);
    std::string part;
    std::vector<std::string> list;
    while (std::getline(parts, part, '/'))
        if (!part.empty()) list.push_back(part);
    for (std::size_t i = 0; i < list.size(); ++i) {
        cur /= list[i];
        if (is_whiteout(cur)) return Lookup::Hidden;
        struct stat st {};
        if (::lstat(cur.c_str(), &st) < 0) {
            // A parent directory marked opaque hides the rest of the path below it.
            return is_opaque(cur.parent_path()) && i > 0 ? Lookup::Hidden : Lookup::Absent;
        }
        if (i + 1 < list.size() && !S_ISDIR(st.st_mode)) return Lookup::Hidden;
    }
    return Lookup::Found;
}

std::vector<std::string> split(const std::string &s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    return out;
}

bool is_number(const std::string &s) {
    return !s.empty() && s.size() < 11 && s.find_first_not_of("0123456789") == std::string::npos;
}

struct PasswdEntry {
    std::string name;
    std::uint32_t uid = 0, gid = 0;
};
struct GroupEntry {
    std::string name;
    std::uint32_t gid = 0;
    std::vector<std::string> members;
};

std::vector<PasswdEntry> parse_passwd(const std::string &text) {
    std::vector<PasswdEntry> out;
    for (const auto &line : split(text, '\n')) {
        auto f = split(line, ':');
        if (f.size() < 4 || !is_number(f[2]) || !is_number(f[3])) continue;
        out.push_back({f[0], static_cast<std::uint32_t>(std::stoul(f[2])),
                       static_cast<std::uint32_t>(std::stoul(f[3]))});
    }
    return out;
}

std::vector<GroupEntry> parse_group(const std::string &text) {
    std::vector<GroupEntry> out;
    for (const auto &line : split(text, '\n')) {
        auto f = split(line, ':');
        if (f.size() < 3 || !is_number(f[2])) continue;
        GroupEntry g{f[0], static_cast<std::uint32_t>(std::stoul(f[2])), {}};
        if (f.size() > 3)
            for (const auto &m : split(f[3], ','))
                if (!m.empty()) g.members.push_back(m);
        out.push_back(std::move(g));
    }
    return out;
}

}  // namespace

std::optional<fs::path> find_in_layers(const std::vector<fs::path> &layers, const fs::path &upper,
                                       const std::string &rel) {
    std::vector<fs::path> top_first;
    if (!upper.empty()) top_first.push_back(upper);
    top_first.insert(top_first.end(), layers.rbegin(), layers.rend());
    for (const auto &layer : top_first) {
        switch (look(layer, rel)) {
        case Lookup::Found: return layer / rel;
        case Lookup::Hidden: return std::nullopt;
        case Lookup::Absent: break;
        }
    }
    return std::nullopt;
}

Result<ResolvedUser> resolve_user(const std::string &user, const std::string &passwd,
                                  const std::string &group, const std::vector<std::string> &group_add) {
    ResolvedUser out;
    const auto users = parse_passwd(passwd);
    const auto groups = parse_group(group);
    const auto colon = user.find(':');
    const std::string u = user.substr(0, colon);
    const std::string g = colon == std::string::npos ? "" : user.substr(colon + 1);
    std::string user_name;
    if (!u.empty()) {
        const PasswdEntry *found = nullptr;
        for (const auto &e : users)
            if (e.name == u || (is_number(u) && e.uid == std::stoul(u))) {
                found = &e;
                break;
            }
        if (found) {
            out.uid = found->uid;
            out.gid = found->gid;
            user_name = found->name;
        } else if (is_number(u)) {
            out.uid = static_cast<std::uint32_t>(std::stoul(u));
        } else {
            return Error::invalid("unable to find user " + u + ": no matching entries in passwd file");
        }
    } else if (!users.empty()) {
        for (const auto &e : users)
            if (e.uid == 0) user_name = e.name;
    }
    auto lookup_group = [&](const std::string &name) -> Result<std::uint32_t> {
        for (const auto &e : groups)
            if (e.name == name) return e.gid;
        if (is_number(name)) return static_cast<std::uint32_t>(std::stoul(name));
        return Error::invalid("unable to find group " + name + ": no matching entries in group file");
    };
    if (!g.empty()) {
        out.gid = TRY(lookup_group(g));
    } else if (!user_name.empty()) {
        // Supplementary groups from /etc/group only when no group was named (as runc).
        for (const auto &e : groups)
            for (const auto &m : e.members)
                if (m == user_name && e.gid != out.gid) out.additional_gids.push_back(e.gid);
    }
    for (const auto &extra : group_add) out.additional_gids.push_back(TRY(lookup_group(extra)));
    return out;
}

std::string hosts_file_content(const std::string &hostname, const std::string &domainname) {
    std::string out =
        "127.0.0.1\tlocalhost\n"
        "::1\tlocalhost ip6-localhost ip6-loopback\n"
        "fe00::0\tip6-localnet\n"
        "ff00::0\tip6-mcastprefix\n"
        "ff02::1\tip6-allnodes\n"
        "ff02::2\tip6-allrouters\n";
    if (!hostname.empty()) {
        out += "127.0.0.1\t";
        if (!domainname.empty()) out += hostname + "." + domainname + " ";
        out += hostname + "\n";
    }
    return out;
}

std::string resolv_conf_content(const std::string &host) {
    std::string out;
    for (const auto &line : split(host, '\n')) {
        std::istringstream words(line);
        std::string key, addr;
        words >> key >> addr;
        if (key == "nameserver" && (addr.rfind("127.", 0) == 0 || addr == "::1")) continue;
        out += line + "\n";
    }
    return out;
}

}  // namespace berth::containers
