#include "containers/spec_builder.h"

#include "containers/create_plan.h"
#include "containers/signals.h"
#include "sandbox/capabilities.h"
#include "sandbox/cgroups.h"

namespace berth::containers {

using nlohmann::json;

namespace {

constexpr const char *kDefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

std::vector<std::string> strings_of(const json &j) {
    std::vector<std::string> out;
    if (j.is_array())
        for (const auto &e : j)
            if (e.is_string()) out.push_back(e.get<std::string>());
    return out;
}

std::int64_t int_of(const json &hc, const char *key) {
    auto it = hc.find(key);
    return it != hc.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

sandbox::Mount to_sandbox_mount(const MountPoint &m) {
    sandbox::Mount out;
    out.destination = m.destination;
    if (m.type == "tmpfs") {
        out.type = "tmpfs";
        out.options = {"nosuid", "nodev", "noexec"};
        std::string opts = m.tmpfs_options;
        std::size_t start = 0;
        while (start <= opts.size() && !opts.empty()) {
            auto comma = opts.find(',', start);
            std::string o = opts.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (o == "exec") {
                out.options.erase(std::remove(out.options.begin(), out.options.end(), "noexec"), out.options.end());
            } else if (!o.empty()) {
                out.options.push_back(o);
            }
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        if (!m.rw) out.options.push_back("ro");
        return out;
    }
    out.type = "bind";
    out.source = m.source;
    out.options = {"rbind", m.rw ? "rw" : "ro"};
    out.options.push_back(m.propagation.empty() ? "rprivate" : m.propagation);
    return out;
}

}  // namespace

std::vector<std::string> container_env(const Container &c) {
    std::vector<std::string> env = {kDefaultPath, "HOSTNAME=" + c.config.value("Hostname", std::string())};
    if (c.tty()) env.push_back("TERM=xterm");
    for (const auto &kv : strings_of(c.config.value("Env", json::array()))) {
        const std::string key = kv.substr(0, kv.find('='));
        auto same = std::find_if(env.begin(), env.end(), [&](const std::string &e) {
            return e.substr(0, e.find('=')) == key;
        });
        if (same != env.end()) *same = kv;
        else env.push_back(kv);
    }
    return env;
}

Result<sandbox::Spec> build_spec(const Container &c, const SpecInputs &in) {
    const json &hc = c.host_config;
    const std::string bundle = in.dir.empty() ? in.bundle.string() : in.dir.string();
    sandbox::Spec s;
    s.id = c.id;
    s.bundle = in.bundle.string();
    for (const auto &l : in.layers) s.rootfs.lower.push_back(l.string());
    s.rootfs.upper = bundle + "/upper";
    s.rootfs.work = bundle + "/work";
    s.rootfs.merged = bundle + "/merged";
    s.rootfs.readonly = hc.value("ReadonlyRootfs", false);
    s.hostname = c.config.value("Hostname", std::string());
    s.domainname = c.config.value("Domainname", std::string());

    s.process.args.push_back(c.path);
    s.process.args.insert(s.process.args.end(), c.args.begin(), c.args.end());
    s.process.env = container_env(c);
    const std::string wd = c.config.value("WorkingDir", std::string());
    s.process.cwd = wd.empty() ? "/" : wd;
    s.process.uid = in.user.uid;
    s.process.gid = in.user.gid;
    s.process.additional_gids = in.user.additional_gids;
    s.process.terminal = c.tty();
    s.process.open_stdin = c.config.value("OpenStdin", false);
    s.process.stdin_once = c.config.value("StdinOnce", false);
    if (hc.contains("ConsoleSize") && hc["ConsoleSize"].is_array() && hc["ConsoleSize"].size() == 2 &&
        hc["ConsoleSize"][0].is_number_unsigned() && hc["ConsoleSize"][1].is_number_unsigned()) {
        s.process.console_size.rows = static_cast<uint16_t>(hc["ConsoleSize"][0].get<unsigned>());
        s.process.console_size.cols = static_cast<uint16_t>(hc["ConsoleSize"][1].get<unsigned>());
    }

    for (const auto &m : c.mounts) s.mounts.push_back(to_sandbox_mount(m));

    s.security.privileged = hc.value("Privileged", false);
    s.security.capabilities =
        TRY(sandbox::capabilities::apply_add_drop(sandbox::capabilities::default_capabilities(),
                                                  strings_of(hc.value("CapAdd", json())),
                                                  strings_of(hc.value("CapDrop", json()))));
    for (const auto &opt : strings_of(hc.value("SecurityOpt", json()))) {
        if (opt == "no-new-privileges" || opt == "no-new-privileges:true" || opt == "no-new-privileges=true")
            s.security.no_new_privileges = true;
        if (opt == "seccomp=unconfined" || opt == "seccomp:unconfined") s.security.seccomp = "unconfined";
    }
    if (hc.contains("Ulimits") && hc["Ulimits"].is_array())
        for (const auto &u : hc["Ulimits"])
            if (u.is_object())
                s.rlimits.push_back({u.value("Name", std::string()), u.value("Soft", std::int64_t{0}),
                                     u.value("Hard", std::int64_t{0})});

    s.cgroup.path = sandbox::cgroups::default_path(c.id);
    s.cgroup.limits.memory = int_of(hc, "Memory");
    s.cgroup.limits.memory_swap = int_of(hc, "MemorySwap");
    s.cgroup.limits.nano_cpus = int_of(hc, "NanoCpus");
    s.cgroup.limits.cpu_quota = int_of(hc, "CpuQuota");
    s.cgroup.limits.cpu_period = int_of(hc, "CpuPeriod");
    s.cgroup.limits.cpu_shares = int_of(hc, "CpuShares");
    s.cgroup.limits.pids_limit = int_of(hc, "PidsLimit");
    s.network.mode = hc.value("NetworkMode", std::string()) == "host" ? "host" : "none";
    s.init = hc.contains("Init") && hc["Init"].is_boolean() && hc["Init"].get<bool>();

    const json &lc = hc.value("LogConfig", json::object());
    if (lc.value("Type", std::string("json-file")) != "none") {
        s.log.path = in.log_path;
        const json &cfg = lc.value("Config", json::object());
        if (cfg.contains("max-size")) s.log.max_size = TRY(parse_size(cfg["max-size"].get<std::string>()));
        if (cfg.contains("max-file")) s.log.max_file = std::stoi(cfg["max-file"].get<std::string>());
    }
    const std::string stop_signal = c.config.value("StopSignal", std::string());
    s.stop_signal = stop_signal.empty() ? 15 : TRY(parse_signal(stop_signal));
    s.shm_size = int_of(hc, "ShmSize");
    s.hostname_file = bundle + "/hostname";
    s.hosts_file = bundle + "/hosts";
    s.resolv_conf_file = bundle + "/resolv.conf";
    // Always gated: attach clients (docker run without -d) connect before the first byte.
    s.start_gate = true;
    return s;
}

}  // namespace berth::containers
