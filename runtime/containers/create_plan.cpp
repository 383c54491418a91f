#include "containers/create_plan.h"

#include <algorithm>
#include <set>

#include "containers/ids.h"
#include "containers/json_fields.h"
#include "containers/mount_specs.h"
#include "containers/time_format.h"

namespace berth::containers {

using nlohmann::json;

namespace {

constexpr std::int64_t kMinMemory = 6 * 1024 * 1024;  // Docker's linuxMinMemory

std::string env_key(const std::string &kv) { return kv.substr(0, kv.find('=')); }

const std::set<std::string> &known_capabilities() {
    static const std::set<std::string> caps = {
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
        "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
        "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
        "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
        "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
        "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
        "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE"};
    return caps;
}

Result<void> validate_security_opts(const std::vector<std::string> &opts) {
    for (const auto &o : opts) {
        const auto sep = o.find_first_of("=:");
        const std::string key = o.substr(0, sep);
        const std::string val = sep == std::string::npos ? "" : o.substr(sep + 1);
        if (key == "no-new-privileges" && (val.empty() || val == "true" || val == "false")) continue;
        if (key == "seccomp" && val == "unconfined") continue;
        if ((key == "apparmor" || key == "label") && !val.empty()) continue;  // no LSM here: accepted, no effect
        if (key == "seccomp" && !val.empty())
            return Error::invalid("opening seccomp profile (" + val +
                                  ") failed: only seccomp=unconfined is supported");
        return Error::invalid("invalid --security-opt 1: \"" + o + "\"");
    }
    return {};
}

Result<json> validate_log_config(const json &hc) {
    json lc = json{{"Type", "json-file"}, {"Config", json::object()}};
    if (!hc.contains("LogConfig") || hc["LogConfig"].is_null()) return lc;
    TRY(fields::object_or_null(hc, "LogConfig", "HostConfig"));
    const std::string type = TRY(fields::string(hc["LogConfig"], "Type", "HostConfig.LogConfig"));
    const auto cfg = TRY(fields::string_map(hc["LogConfig"], "Config", "HostConfig.LogConfig"));
    if (!type.empty() && type != "json-file" && type != "none")
        return Error::invalid("failed to create logger: logger: no log driver named '" + type +
                              "' is registered");
    if (!type.empty()) lc["Type"] = type;
    for (const auto &[k, v] : cfg) {
        if (lc["Type"] == "none")
            return Error::invalid("unknown log opt '" + k + "' for none log driver");
        if (k == "max-size") {
            auto n = TRY(parse_size(v));
            if (n <= 0) return Error::invalid("max-size must be a positive number");
        } else if (k == "max-file") {
            std::size_t used = 0;
            int n = 0;
            try { n = std::stoi(v, &used); } catch (...) { used = 0; }
            if (used != v.size() || v.empty()) return Error::invalid("max-file must be a number: " + v);
            if (n < 1) return Error::invalid("max-file cannot be less than 1");
        } else if (k != "compress" && k != "labels" && k != "env" && k != "tag") {
            return Error::invalid("unknown log opt '" + k + "' for json-file log driver");
        }
        lc["Config"][k] = v;
    }
    if (cfg.count("max-file") && std::stoi(cfg.at("max-file")) > 1 && !cfg.count("max-size"))
        return Error::invalid("max-file can only be used with max-size");
    return lc;
}

Result<void> validate_ports(const json &config, const json &hc) {
    if (config.contains("ExposedPorts") && !config["ExposedPorts"].is_null()) {
        if (!config["ExposedPorts"].is_object())
            return Error::invalid("json: cannot unmarshal " + std::string(config["ExposedPorts"].type_name()) +
                                  " into Go struct field Config.ExposedPorts of type nat.PortSet");
        for (const auto &[p, v] : config["ExposedPorts"].items()) (void)TRY(normalize_port(p));
    }
    if (hc.contains("PortBindings") && !hc["PortBindings"].is_null()) {
        if (!hc["PortBindings"].is_object())
            return Error::invalid("json: cannot unmarshal " + std::string(hc["PortBindings"].type_name()) +
                                  " into Go struct field HostConfig.PortBindings of type nat.PortMap");
        for (const auto &[p, list] : hc["PortBindings"].items()) {
            (void)TRY(normalize_port(p));
            if (list.is_null()) continue;
            if (!list.is_array()) return Error::invalid("invalid port binding for " + p);
            for (const auto &b : list) {
                const std::string host_port = TRY(fields::string(b, "HostPort", "HostConfig.PortBindings"));
                (void)TRY(fields::string(b, "HostIp", "HostConfig.PortBindings"));
                if (host_port.empty()) continue;
                const auto dash = host_port.find('-');
                for (const auto &part : {host_port.substr(0, dash),
                                         dash == std::string::npos ? std::string("1") : host_port.substr(dash + 1)}) {
                    bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
                    if (!digits || part.size() > 5 || std::stoi(part) > 65535)
                        return Error::invalid("invalid port specification: \"" + host_port + "\"");
                }
            }
        }
    }
    return {};
}

}  // namespace

Result<std::int64_t> parse_size(const std::string &text) {
    std::size_t i = 0;
    while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
    if (i == 0) return Error::invalid("invalid size: '" + text + "'");
    double n = 0;
    try { n = std::stod(text.substr(0, i)); } catch (...) { return Error::invalid("invalid size: '" + text + "'"); }
    std::string unit = text.substr(i);
    std::transform(unit.begin(), unit.end(), unit.begin(), ::tolower);
    if (!unit.empty() && unit.back() == 'b') unit.pop_back();
    if (!unit.empty() && unit.back() == 'i') unit.pop_back();
    double mult = 1;
    if (unit.empty()) mult = 1;
    else if (unit == "k") mult = 1024.0;
    else if (unit == "m") mult = 1024.0 * 1024;
    else if (unit == "g") mult = 1024.0 * 1024 * 1024;
    else if (unit == "t") mult = 1024.0 * 1024 * 1024 * 1024;
    else return Error::invalid("invalid size: '" + text + "'");
    return static_cast<std::int64_t>(n * mult);
}

Result<std::string> normalize_port(const std::string &spec) {
    const auto slash = spec.find('/');
    const std::string port = spec.substr(0, slash);
    std::string proto = slash == std::string::npos ? "tcp" : spec.substr(slash + 1);
    std::transform(proto.begin(), proto.end(), proto.begin(), ::tolower);
    auto bad = [&] { return Error::invalid("invalid port specification: \"" + spec + "\""); };
    if (proto != "tcp" && proto != "udp" && proto != "sctp") return bad();
    const auto dash = port.find('-');
    for (const auto &part : {port.substr(0, dash), dash == std::string::npos ? std::string("1") : port.substr(dash + 1)}) {
        if (part.empty() || part.size() > 5 || part.find_first_not_of("0123456789") != std::string::npos) return bad();
        int n = std::stoi(part);
        if (n < 1 || n > 65535) return bad();
    }
    return port + "/" + proto;
}

Result<std::string> normalize_capability(const std::string &name) {
    std::string up = name;
    std::transform(up.begin(), up.end(), up.begin(), ::toupper);
    if (up == "ALL") return up;
    if (up.rfind("CAP_", 0) != 0) up = "CAP_" + up;
    if (!known_capabilities().count(up)) return Error::invalid("unknown capability: \"" + up + "\"");
    return up;
}

Result<void> validate_resources(const json &hc, int cpu_count) {
    const std::string w = "HostConfig";
    const auto memory = TRY(fields::int64(hc, "Memory", w));
    const auto swap = TRY(fields::int64(hc, "MemorySwap", w));
    const auto reservation = TRY(fields::int64(hc, "MemoryReservation", w));
    const auto nano = TRY(fields::int64(hc, "NanoCpus", w));
    const auto period = TRY(fields::int64(hc, "CpuPeriod", w));
    const auto quota = TRY(fields::int64(hc, "CpuQuota", w));
    const auto shares = TRY(fields::int64(hc, "CpuShares", w));
    (void)TRY(fields::int64(hc, "PidsLimit", w));
    const auto shm = TRY(fields::int64(hc, "ShmSize", w));
    const auto oom_adj = TRY(fields::int64(hc, "OomScoreAdj", w));
    (void)TRY(fields::boolean(hc, "OomKillDisable", w));
    if (memory < 0) return Error::invalid("invalid memory limit " + std::to_string(memory) + ": must not be negative");
    if (memory != 0 && memory < kMinMemory) return Error::invalid("Minimum memory limit allowed is 6MB");
    if (memory == 0 && swap > 0)
        return Error::invalid("You should always set the Memory limit when using Memoryswap limit, see usage");
    if (memory > 0 && swap > 0 && swap < memory)
        return Error::invalid("Minimum memoryswap limit should be larger than memory limit, see usage");
    if (swap < -1) return Error::invalid("invalid memory swap limit " + std::to_string(swap));
    if (reservation < 0) return Error::invalid("invalid memory reservation " + std::to_string(reservation));
    if (memory > 0 && reservation > memory)
        return Error::invalid("Minimum memory limit can not be less than memory reservation limit, see usage");
    if (nano < 0 || nano > static_cast<std::int64_t>(cpu_count) * 1000000000LL)
        return Error::invalid("Range of CPUs is from 0.01 to " + std::to_string(cpu_count) +
                              ".00, as there are only " + std::to_string(cpu_count) + " CPUs available");
    if (nano > 0 && period > 0)
        return Error::invalid("Conflicting options: Nano CPUs and CPU Period cannot both be set");
    if (nano > 0 && quota > 0)
        return Error::invalid("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    if (period != 0 && (period < 1000 || period > 1000000))
        return Error::invalid("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
    if (quota > 0 && quota < 1000) return Error::invalid("CPU cfs quota can not be less than 1ms (i.e. 1000)");
    if (quota < -1) return Error::invalid("invalid CPU quota " + std::to_string(quota));
    if (shares < 0) return Error::invalid("invalid CPU shares " + std::to_string(shares) + ": must not be negative");
    if (shm < 0) return Error::invalid("SHM size can not be less than 0");
    if (oom_adj < -1000 || oom_adj > 1000)
        return Error::invalid("Invalid value " + std::to_string(oom_adj) +
                              ", range for oom score adj is [-1000, 1000]");
    return {};
}

Result<void> validate_restart_policy(const json &hc) {
    if (!hc.contains("RestartPolicy") || hc["RestartPolicy"].is_null()) return {};
    TRY(fields::object_or_null(hc, "RestartPolicy", "HostConfig"));
    const auto &rp = hc["RestartPolicy"];
    const std::string name = TRY(fields::string(rp, "Name", "HostConfig.RestartPolicy"));
    const auto retries = TRY(fields::int64(rp, "MaximumRetryCount", "HostConfig.RestartPolicy"));
    if (name != "" && name != "no" && name != "always" && name != "unless-stopped" && name != "on-failure")
        return Error::invalid("invalid restart policy: unknown policy '" + name +
                              "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    if (name == "on-failure" && retries < 0)
        return Error::invalid("invalid restart policy: maximum retry count cannot be negative");
    if (name != "on-failure" && retries != 0)
        return Error::invalid("invalid restart policy: maximum retry count can only be used with 'on-failure'");
    const bool auto_remove = TRY(fields::boolean(hc, "AutoRemove", "HostConfig"));
    if (auto_remove && name != "" && name != "no")
        return Error::invalid("can't create 'AutoRemove' container with restart policy");
    return {};
}

Result<json> merge_image_config(json c, const json &img) {
    const json image = img.is_object() ? img : json::object();
    auto empty = [&](const char *k) { return !c.contains(k) || c[k].is_null() || (c[k].is_string() && c[k].get<std::string>().empty()) || (c[k].is_array() && c[k].empty()); };
    if (empty("User") && image.contains("User")) c["User"] = image["User"];
    if (empty("WorkingDir") && image.contains("WorkingDir")) c["WorkingDir"] = image["WorkingDir"];
    if (empty("StopSignal") && image.contains("StopSignal")) c["StopSignal"] = image["StopSignal"];
    // Env: the request's entries first, then the image's whose key the request didn't set.
    std::vector<std::string> env = TRY(fields::strings(c, "Env", "Config"));
    std::set<std::string> keys;
    for (const auto &e : env) keys.insert(env_key(e));
    for (const auto &e : TRY(fields::strings(image, "Env", "Image.Config")))
        if (!keys.count(env_key(e))) env.push_back(e);
    c["Env"] = env;
    // ExposedPorts and Volumes: union.
    for (const char *k : {"ExposedPorts", "Volumes"}) {
        if (image.contains(k) && image[k].is_object()) {
            if (!c.contains(k) || !c[k].is_object()) c[k] = json::object();
            for (const auto &[p, v] : image[k].items())
                if (!c[k].contains(p)) c[k][p] = json::object();
        }
    }
    // Labels: the image's, overridden by the request's.
    json labels = image.contains("Labels") && image["Labels"].is_object() ? image["Labels"] : json::object();
    for (const auto &[k, v] : TRY(fields::string_map(c, "Labels", "Config"))) labels[k] = v;
    c["Labels"] = labels;
    // Entrypoint/Cmd: an Entrypoint in the request drops the image's Cmd unless the request
    // also has a Cmd; `--entrypoint ""` ([""]) means no entrypoint at all.
    auto entry = TRY(fields::strings(c, "Entrypoint", "Config", true));
    auto cmd = TRY(fields::strings(c, "Cmd", "Config", true));
    const bool entry_given = c.contains("Entrypoint") && !c["Entrypoint"].is_null();
    if (entry.size() == 1 && entry[0].empty()) entry.clear();
    if (!entry_given || entry.empty()) {
        if (cmd.empty() && !entry_given) cmd = TRY(fields::strings(image, "Cmd", "Image.Config", true));
        if (!entry_given) entry = TRY(fields::strings(image, "Entrypoint", "Image.Config", true));
    }
    c["Entrypoint"] = entry.empty() ? json(nullptr) : json(entry);
    c["Cmd"] = cmd.empty() ? json(nullptr) : json(cmd);
    return c;
}

Result<Container> plan_container(const PlanInputs &in) {
    if (!in.body.is_object()) return Error::invalid("invalid JSON: the request body must be an object");
    json config = in.body;
    json hc = json::object();
    if (config.contains("HostConfig")) {
        TRY(fields::object_or_null(config, "HostConfig", "ContainerConfigWrapper"));
        if (config["HostConfig"].is_object()) hc = config["HostConfig"];
        config.erase("HostConfig");
    }
    config.erase("NetworkingConfig");
    const std::string w = "Config";
    // Types first, so a wrong type is a 400 naming the field.
    for (const char *k : {"Hostname", "Domainname", "User", "WorkingDir", "Image", "StopSignal"})
        (void)TRY(fields::string(config, k, w));
    for (const char *k : {"AttachStdin", "AttachStdout", "AttachStderr", "Tty", "OpenStdin",
                          "StdinOnce", "NetworkDisabled"})
        (void)TRY(fields::boolean(config, k, w));
    (void)TRY(fields::strings(config, "Env", w));
    (void)TRY(fields::strings(config, "Cmd", w, true));
    (void)TRY(fields::strings(config, "Entrypoint", w, true));
    (void)TRY(fields::string_map(config, "Labels", w));
    TRY(fields::object_or_null(config, "Volumes", w));
    const auto stop_timeout = TRY(fields::int64(config, "StopTimeout", w, -1));
    if (config.contains("StopTimeout") && !config["StopTimeout"].is_null() && stop_timeout < -1)
        return Error::invalid("invalid stop timeout " + std::to_string(stop_timeout));
    for (const auto &e : TRY(fields::strings(config, "Env", w)))
        if (e.empty() || e.front() == '=') return Error::invalid("invalid environment variable: " + e);
    for (const char *k : {"Privileged", "ReadonlyRootfs", "AutoRemove", "PublishAllPorts"})
        (void)TRY(fields::boolean(hc, k, "HostConfig"));
    if (hc.contains("Init") && !hc["Init"].is_null()) (void)TRY(fields::boolean(hc, "Init", "HostConfig"));
    for (const char *k : {"NetworkMode", "IpcMode", "PidMode", "UTSMode", "CgroupParent"})
        (void)TRY(fields::string(hc, k, "HostConfig"));
    // Sharing the host's namespaces would defeat the sandbox this engine exists to show.
    for (const char *k : {"IpcMode", "PidMode", "UTSMode", "UsernsMode", "CgroupnsMode"}) {
        const std::string mode = TRY(fields::string(hc, k, "HostConfig"));
        if (mode == "host") return Error::invalid(std::string(k) + " \"host\" is not supported");
    }

    TRY(validate_resources(hc, in.cpu_count));
    TRY(validate_restart_policy(hc));
    TRY(validate_ports(config, hc));
    json cap_add = json::array(), cap_drop = json::array();
    for (const auto &c : TRY(fields::strings(hc, "CapAdd", "HostConfig"))) cap_add.push_back(TRY(normalize_capability(c)));
    for (const auto &c : TRY(fields::strings(hc, "CapDrop", "HostConfig"))) cap_drop.push_back(TRY(normalize_capability(c)));
    const auto security_opts = TRY(fields::strings(hc, "SecurityOpt", "HostConfig"));
    TRY(validate_security_opts(security_opts));
    json log_config = TRY(validate_log_config(hc));
    auto mounts = TRY(parse_host_mounts(hc));

    Container c;
    c.id = in.id;
    c.name = in.name.empty() ? "" : TRY(normalize_name(in.name));
    c.created = now_rfc3339_nano();
    c.image_id = in.image_id;

    config = TRY(merge_image_config(std::move(config), in.image_config));
    std::vector<std::string> argv;
    if (config["Entrypoint"].is_array())
        for (const auto &a : config["Entrypoint"]) argv.push_back(a.get<std::string>());
    if (config["Cmd"].is_array())
        for (const auto &a : config["Cmd"]) argv.push_back(a.get<std::string>());
    if (argv.empty()) return Error::invalid("no command specified");
    c.path = argv.front();
    c.args.assign(argv.begin() + 1, argv.end());

    // Docker's defaults, so inspect shows what a Docker daemon would.
    if (config.value("Hostname", std::string()).empty()) config["Hostname"] = in.id.substr(0, 12);
    for (const char *k : {"Domainname", "User", "WorkingDir"})
        if (!config.contains(k) || config[k].is_null()) config[k] = "";
    for (const char *k : {"AttachStdin", "AttachStdout", "AttachStderr", "Tty", "OpenStdin", "StdinOnce"})
        if (!config.contains(k) || config[k].is_null()) config[k] = false;
    if (!config.contains("Volumes") || (config["Volumes"].is_object() && config["Volumes"].empty()))
        config["Volumes"] = nullptr;
    if (!config.contains("OnBuild")) config["OnBuild"] = nullptr;
    if (config.contains("ExposedPorts") && config["ExposedPorts"].is_object()) {
        json normalized = json::object();
        for (const auto &[p, v] : config["ExposedPorts"].items()) normalized[TRY(normalize_port(p))] = json::object();
        config["ExposedPorts"] = normalized.empty() ? json(nullptr) : normalized;
    }
    const std::string wd = config["WorkingDir"].get<std::string>();
    if (!wd.empty() && wd.front() != '/')
        return Error::invalid("the working directory '" + wd + "' is invalid, it needs to be an absolute path");

    hc["CapAdd"] = cap_add.empty() ? json(nullptr) : cap_add;
    hc["CapDrop"] = cap_drop.empty() ? json(nullptr) : cap_drop;
    hc["LogConfig"] = log_config;
    if (!hc.contains("RestartPolicy") || hc["RestartPolicy"].is_null())
        hc["RestartPolicy"] = json{{"Name", "no"}, {"MaximumRetryCount", 0}};
    if (hc["RestartPolicy"].value("Name", std::string()).empty()) hc["RestartPolicy"]["Name"] = "no";
    if (!hc["RestartPolicy"].contains("MaximumRetryCount")) hc["RestartPolicy"]["MaximumRetryCount"] = 0;
    if (hc.value("ShmSize", 0LL) == 0) hc["ShmSize"] = 64 * 1024 * 1024;
    if (hc.value("NetworkMode", std::string()).empty()) hc["NetworkMode"] = "bridge";
    for (const char *k : {"Memory", "MemorySwap", "MemoryReservation", "NanoCpus", "CpuShares",
                          "CpuPeriod", "CpuQuota"})
        if (!hc.contains(k) || hc[k].is_null()) hc[k] = 0;
    for (const char *k : {"Privileged", "ReadonlyRootfs", "AutoRemove", "PublishAllPorts"})
        if (!hc.contains(k) || hc[k].is_null()) hc[k] = false;
    if (!hc.contains("PidsLimit")) hc["PidsLimit"] = nullptr;
    if (!hc.contains("Binds")) hc["Binds"] = nullptr;

    // Image/request VOLUME entries not covered by a mount become anonymous volumes.
    if (config["Volumes"].is_object()) {
        for (const auto &[dest, v] : config["Volumes"].items()) {
            (void)v;
            if (!is_clean_absolute_path(dest))
                return Error::invalid("invalid mount config for type \"volume\": invalid mount path: '" +
                                      dest + "' mount path must be absolute");
            std::string d = dest;
            while (d.size() > 1 && d.back() == '/') d.pop_back();
            const bool covered = std::any_of(mounts.begin(), mounts.end(),
                                             [&](const MountPoint &m) { return m.destination == d; });
            if (covered) continue;
            MountPoint m;
            m.type = "volume";
            m.destination = d;
            m.driver = "local";
            m.anonymous = true;
            mounts.push_back(m);
        }
    }
    c.config = std::move(config);
    c.host_config = std::move(hc);
    c.mounts = std::move(mounts);
    return c;
}

}  // namespace berth::containers
