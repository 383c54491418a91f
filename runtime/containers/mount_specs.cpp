#include "containers/mount_specs.h"

#include <sys/stat.h>

#include <set>
#include <sstream>

#include "containers/json_fields.h"
#include "volumes/volume_store.h"

namespace berth::containers {
namespace {

std::vector<std::string> split(const std::string &s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

bool is_propagation(const std::string &m) {
    static const std::set<std::string> modes = {"private", "rprivate", "shared",
                                                "rshared", "slave",    "rslave"};
    return modes.count(m) > 0;
}

std::string clean_path(std::string p) {
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p;
}

Error mount_error(const std::string &type, const std::string &what) {
    return Error::invalid("invalid mount config for type \"" + type + "\": " + what);
}

}  // namespace

bool is_clean_absolute_path(const std::string &p) {
    if (p.empty() || p.front() != '/') return false;
    for (const auto &part : split(p.substr(1), '/'))
        if (part == "..") return false;
    return true;
}

Result<MountPoint> parse_bind(const std::string &spec) {
    auto invalid = [&] { return Error::invalid("invalid volume specification: '" + spec + "'"); };
    auto parts = split(spec, ':');
    if (parts.size() < 2 || parts.size() > 3) return invalid();
    MountPoint m;
    const std::string &src = parts[0];
    m.destination = clean_path(parts[1]);
    if (src.empty() || m.destination.empty()) return invalid();
    if (!is_clean_absolute_path(m.destination))
        return Error::invalid("invalid volume specification: '" + spec +
                              "': invalid mount config for type \"" +
                              std::string(src.front() == '/' ? "bind" : "volume") +
                              "\": invalid mount path: '" + parts[1] + "' mount path must be absolute");
    if (m.destination == "/")
        return Error::invalid("invalid volume specification: '" + spec +
                              "': invalid mount config for type \"bind\": invalid specification: "
                              "destination can't be '/'");
    if (src.front() == '/') {
        if (!is_clean_absolute_path(src)) return invalid();
        m.type = "bind";
        m.source = clean_path(src);
        m.propagation = "rprivate";
    } else {
        TRY(volumes::VolumeStore::validate_name(src));
        m.type = "volume";
        m.name = src;
        m.driver = "local";
    }
    if (parts.size() == 3) {
        m.mode = parts[2];
        int rw_flags = 0;
        for (const auto &opt : split(parts[2], ',')) {
            if (opt == "ro") { m.rw = false; ++rw_flags; }
            else if (opt == "rw") { m.rw = true; ++rw_flags; }
            else if (opt == "z" || opt == "Z") {}
            else if (opt == "nocopy" && m.type == "volume") m.copy_up = false;
            else if (is_propagation(opt) && m.type == "bind") m.propagation = opt;
            else return Error::invalid("invalid mode: " + parts[2]);
        }
        if (rw_flags > 1) return Error::invalid("invalid mode: " + parts[2]);
    }
    return m;
}

Result<MountPoint> parse_mount(const nlohmann::json &j) {
    if (!j.is_object()) return Error::invalid("invalid mount config: expected an object");
    const std::string where = "HostConfig.Mounts";
    MountPoint m;
    m.type = TRY(fields::string(j, "Type", where));
    const std::string source = TRY(fields::string(j, "Source", where));
    const std::string target = TRY(fields::string(j, "Target", where));
    const bool read_only = TRY(fields::boolean(j, "ReadOnly", where));
    m.rw = !read_only;
    if (m.type != "bind" && m.type != "volume" && m.type != "tmpfs")
        return mount_error(m.type, "mount type unknown");
    if (target.empty()) return mount_error(m.type, "field Target must not be empty");
    if (!is_clean_absolute_path(target))
        return mount_error(m.type, "invalid mount path: '" + target + "' mount path must be absolute");
    m.destination = clean_path(target);
    if (m.type != "bind" && j.contains("BindOptions") && !j["BindOptions"].is_null())
        return mount_error(m.type, "field BindOptions must not be specified");
    if (m.type != "volume" && j.contains("VolumeOptions") && !j["VolumeOptions"].is_null())
        return mount_error(m.type, "field VolumeOptions must not be specified");
    if (m.type != "tmpfs" && j.contains("TmpfsOptions") && !j["TmpfsOptions"].is_null())
        return mount_error(m.type, "field TmpfsOptions must not be specified");
    if (m.type == "bind") {
        if (source.empty()) return mount_error("bind", "field Source must not be empty");
        if (!is_clean_absolute_path(source))
            return mount_error("bind", "invalid mount path: '" + source + "' mount path must be absolute");
        struct stat st {};
        if (::stat(source.c_str(), &st) < 0)
            return mount_error("bind", "bind source path does not exist: " + source);
        m.source = clean_path(source);
        m.propagation = "rprivate";
        if (j.contains("BindOptions") && j["BindOptions"].is_object()) {
            const std::string prop = TRY(fields::string(j["BindOptions"], "Propagation", where + ".BindOptions"));
            if (!prop.empty()) {
                if (!is_propagation(prop)) return mount_error("bind", "invalid propagation mode: " + prop);
                m.propagation = prop;
            }
        }
    } else if (m.type == "volume") {
        if (!source.empty()) TRY(volumes::VolumeStore::validate_name(source));
        m.name = source;
        m.driver = "local";
        m.anonymous = source.empty();
        if (j.contains("VolumeOptions") && j["VolumeOptions"].is_object())
            m.copy_up = !TRY(fields::boolean(j["VolumeOptions"], "NoCopy", where + ".VolumeOptions"));
    } else {
        if (!source.empty()) return mount_error("tmpfs", "field Source must not be specified");
        std::string opts;
        if (j.contains("TmpfsOptions") && j["TmpfsOptions"].is_object()) {
            const auto &t = j["TmpfsOptions"];
            const auto size = TRY(fields::int64(t, "SizeBytes", where + ".TmpfsOptions"));
            const auto mode = TRY(fields::int64(t, "Mode", where + ".TmpfsOptions"));
            if (size < 0) return mount_error("tmpfs", "invalid tmpfs size: " + std::to_string(size));
            if (size > 0) opts = "size=" + std::to_string(size);
            if (mode != 0) {
                std::ostringstream o;
                o << std::oct << mode;
                opts += (opts.empty() ? "" : ",") + std::string("mode=") + o.str();
            }
        }
        m.tmpfs_options = opts;
    }
    return m;
}

Result<MountPoint> parse_tmpfs(const std::string &dest, const std::string &options) {
    if (!is_clean_absolute_path(dest))
        return Error::invalid("invalid mount config for type \"tmpfs\": invalid mount path: '" + dest +
                              "' mount path must be absolute");
    MountPoint m;
    m.type = "tmpfs";
    m.destination = clean_path(dest);
    for (const auto &opt : split(options, ',')) {
        if (opt.empty()) continue;
        static const std::set<std::string> flags = {"ro", "rw", "noexec", "exec", "nosuid", "suid",
                                                    "nodev", "dev", "sync", "async", "noatime",
                                                    "atime", "nodiratime", "diratime"};
        const auto key = opt.substr(0, opt.find('='));
        if (opt == "ro") m.rw = false;
        if (!flags.count(opt) && key != "size" && key != "mode" && key != "uid" && key != "gid" &&
            key != "nr_inodes" && key != "nr_blocks")
            return Error::invalid("invalid tmpfs option [\"" + opt + "\"]");
    }
    m.tmpfs_options = options;
    return m;
}

Result<std::vector<MountPoint>> parse_host_mounts(const nlohmann::json &hc) {
    std::vector<MountPoint> out;
    const std::string where = "HostConfig";
    for (const auto &b : TRY(fields::strings(hc, "Binds", where))) out.push_back(TRY(parse_bind(b)));
    if (hc.contains("Mounts") && !hc["Mounts"].is_null()) {
        if (!hc["Mounts"].is_array())
            return Error::invalid("json: cannot unmarshal " + std::string(hc["Mounts"].type_name()) +
                                  " into Go struct field HostConfig.Mounts of type []mount.Mount");
        for (const auto &m : hc["Mounts"]) out.push_back(TRY(parse_mount(m)));
    }
    for (const auto &[dest, opts] : TRY(fields::string_map(hc, "Tmpfs", where)))
        out.push_back(TRY(parse_tmpfs(dest, opts)));
    std::set<std::string> seen;
    for (const auto &m : out)
        if (!seen.insert(m.destination).second)
            return Error::invalid("Duplicate mount point: " + m.destination);
    return out;
}

}  // namespace berth::containers
