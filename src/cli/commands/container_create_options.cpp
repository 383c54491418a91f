#include "cli/commands/container_create_options.h"
#include "cli/commands/network_flags.h"
#include "cli/commands/publish_flags.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>

namespace berth::cli::commands {
namespace {

using Type = FlagSpec::Type;

std::vector<std::string> split_command(const std::vector<std::string> &positional) {
    return {positional.begin() + 1, positional.end()};
}

// docker's -v forms: "/ctr" (anonymous volume), "/host:/ctr[:opts]", "name:/ctr[:opts]".
Result<void> add_volume(const std::string &spec, nlohmann::json &binds, nlohmann::json &volumes) {
    if (spec.empty()) return Error::invalid("invalid volume specification: ''");
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= spec.size(); ++i) {
        if (i == spec.size() || spec[i] == ':') {
            parts.push_back(spec.substr(start, i - start));
            start = i + 1;
        }
    }
    for (const auto &p : parts)
        if (p.empty()) return Error::invalid("invalid volume specification: '" + spec + "'");
    if (parts.size() == 1) {
        if (parts[0][0] != '/') return Error::invalid("invalid volume specification: '" + spec + "'");
        volumes[parts[0]] = nlohmann::json::object();
        return {};
    }
    if (parts.size() > 3 || parts[1][0] != '/')
        return Error::invalid("invalid volume specification: '" + spec + "'");
    binds.push_back(spec);
    return {};
}

Result<std::int64_t> integer_flag(const ParsedArgs &args, const char *flag) {
    const std::string v = args.value(flag);
    char *end = nullptr;
    const long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0') return Error::invalid("invalid argument \"" + v + "\" for \"--" + flag + "\" flag");
    return static_cast<std::int64_t>(n);
}

// --memory-swap --cpu-shares --security-opt --tmpfs --shm-size --log-driver --log-opt
// --mount --stop-signal --stop-timeout.
Result<void> add_resource_and_runtime_flags(const ParsedArgs &args, nlohmann::json &config, nlohmann::json &host) {
    if (args.was_set("memory-swap")) {
        const auto v = args.value("memory-swap");
        host["MemorySwap"] = v == "-1" ? std::int64_t{-1} : TRY(parse_memory_bytes(v));
    }
    if (args.was_set("cpu-shares")) host["CpuShares"] = TRY(integer_flag(args, "cpu-shares"));
    if (const auto s = args.values("security-opt"); !s.empty()) host["SecurityOpt"] = s;
    if (const auto t = args.values("tmpfs"); !t.empty()) {
        nlohmann::json tmpfs = nlohmann::json::object();
        for (const auto &spec : t) {
            const auto colon = spec.find(':');
            const std::string dest = spec.substr(0, colon);
            if (dest.empty() || dest[0] != '/') return Error::invalid("invalid tmpfs mount: '" + spec + "': mount path must be absolute");
            tmpfs[dest] = colon == std::string::npos ? "" : spec.substr(colon + 1);
        }
        host["Tmpfs"] = tmpfs;
    }
    if (args.was_set("shm-size")) host["ShmSize"] = TRY(parse_memory_bytes(args.value("shm-size")));
    if (args.was_set("log-driver") || args.was_set("log-opt")) {
        nlohmann::json opts = nlohmann::json::object();
        for (const auto &o : args.values("log-opt")) {
            const auto eq = o.find('=');
            if (eq == std::string::npos || eq == 0) return Error::invalid("invalid key/value pair format in logging opts: " + o);
            opts[o.substr(0, eq)] = o.substr(eq + 1);
        }
        host["LogConfig"] = {{"Type", args.was_set("log-driver") ? args.value("log-driver") : std::string("json-file")},
                             {"Config", opts}};
    }
    if (const auto m = args.values("mount"); !m.empty()) {
        nlohmann::json mounts = nlohmann::json::array();
        for (const auto &spec : m) mounts.push_back(TRY(parse_mount_flag(spec)));
        host["Mounts"] = mounts;
    }
    if (args.was_set("stop-signal")) config["StopSignal"] = args.value("stop-signal");
    if (args.was_set("stop-timeout")) config["StopTimeout"] = TRY(integer_flag(args, "stop-timeout"));
    return {};
}

}  // namespace

Result<nlohmann::json> parse_mount_flag(const std::string &spec) {
    nlohmann::json m = {{"Type", "volume"}};
    std::size_t start = 0;
    while (start <= spec.size()) {
        auto comma = spec.find(',', start);
        if (comma == std::string::npos) comma = spec.size();
        const std::string field = spec.substr(start, comma - start);
        start = comma + 1;
        if (field.empty()) continue;
        const auto eq = field.find('=');
        std::string key = field.substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : field.substr(eq + 1);
        for (auto &ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        auto truth = [&]() -> Result<bool> {
            if (eq == std::string::npos || value == "1" || value == "true") return true;
            if (value == "0" || value == "false") return false;
            return Error::invalid("invalid value for " + key + ": " + value);
        };
        if (key == "type") m["Type"] = value;
        else if (key == "source" || key == "src") m["Source"] = value;
        else if (key == "target" || key == "destination" || key == "dst") m["Target"] = value;
        else if (key == "readonly" || key == "ro") m["ReadOnly"] = TRY(truth());
        else if (key == "bind-propagation") m["BindOptions"]["Propagation"] = value;
        else if (key == "volume-nocopy") m["VolumeOptions"]["NoCopy"] = TRY(truth());
        else if (key == "volume-driver") m["VolumeOptions"]["DriverConfig"]["Name"] = value;
        else if (key == "tmpfs-size") m["TmpfsOptions"]["SizeBytes"] = TRY(parse_memory_bytes(value));
        else if (key == "tmpfs-mode") m["TmpfsOptions"]["Mode"] = std::strtol(value.c_str(), nullptr, 8);
        else if (key == "consistency") continue;
        else return Error::invalid("invalid field '" + key + "' must be a key=value pair");
    }
    if (!m.contains("Target")) return Error::invalid("target is required");
    return m;
}

std::vector<FlagSpec> container_create_flags() {
    return {
        {"name", 0, Type::String, "Assign a name to the container", "", "string"},
        {"env", 'e', Type::List, "Set environment variables", "", "list"},
        {"env-file", 0, Type::List, "Read in a file of environment variables", "", "list"},
        {"volume", 'v', Type::List, "Bind mount a volume", "", "list"},
        {"workdir", 'w', Type::String, "Working directory inside the container", "", "string"},
        {"user", 'u', Type::String, "Username or UID (format: <name|uid>[:<group|gid>])", "", "string"},
        {"hostname", 'h', Type::String, "Container host name", "", "string"},
        {"entrypoint", 0, Type::String, "Overwrite the default ENTRYPOINT of the image", "", "string"},
        {"memory", 'm', Type::String, "Memory limit", "", "bytes"},
        {"cpus", 0, Type::String, "Number of CPUs", "", "decimal"},
        {"pids-limit", 0, Type::String, "Tune container pids limit (set -1 for unlimited)", "", "int"},
        {"restart", 0, Type::String, "Restart policy to apply when a container exits", "no", "string"},
        {"read-only", 0, Type::Bool, "Mount the container's root filesystem as read only", "", ""},
        {"privileged", 0, Type::Bool, "Give extended privileges to this container", "", ""},
        {"cap-add", 0, Type::List, "Add Linux capabilities", "", "list"},
        {"cap-drop", 0, Type::List, "Drop Linux capabilities", "", "list"},
        {"label", 'l', Type::List, "Set meta data on a container", "", "list"},
        {"init", 0, Type::Bool, "Run an init inside the container that forwards signals and reaps processes", "", ""},
        {"rm", 0, Type::Bool, "Automatically remove the container when it exits", "", ""},
        {"tty", 't', Type::Bool, "Allocate a pseudo-TTY", "", ""},
        {"interactive", 'i', Type::Bool, "Keep STDIN open even if not attached", "", ""},
        {"memory-swap", 0, Type::String, "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", "", "bytes"},
        {"cpu-shares", 'c', Type::String, "CPU shares (relative weight)", "", "int"},
        {"security-opt", 0, Type::List, "Security Options", "", "list"},
        {"tmpfs", 0, Type::List, "Mount a tmpfs directory", "", "list"},
        {"shm-size", 0, Type::String, "Size of /dev/shm", "", "bytes"},
        {"log-driver", 0, Type::String, "Logging driver for the container", "", "string"},
        {"log-opt", 0, Type::List, "Log driver options", "", "list"},
        {"mount", 0, Type::List, "Attach a filesystem mount to the container", "", "mount"},
        {"stop-signal", 0, Type::String, "Signal to stop the container", "", "string"},
        {"stop-timeout", 0, Type::String, "Timeout (in seconds) to stop a container", "", "int"},
        kPublishFlag, kPublishAllFlag, kExposeFlag,
        BERTH_NETWORK_FLAGS,
    };
}

Result<std::int64_t> parse_memory_bytes(std::string_view text) {
    const std::string s(text);
    if (s.empty()) return Error::invalid("invalid size: ''");
    char *end = nullptr;
    const double n = std::strtod(s.c_str(), &end);
    std::string unit(end);
    for (auto &ch : unit) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (end == s.c_str() || n < 0 || !std::isfinite(n)) return Error::invalid("invalid size: '" + s + "'");
    if (unit.size() == 2 && unit[1] == 'b') unit.pop_back();
    if (unit.size() == 2 && unit[1] == 'i') unit.pop_back();  // "512mi" as well as "512m"
    double mult = 1;
    if (unit.empty() || unit == "b") mult = 1;
    else if (unit == "k") mult = 1024.0;
    else if (unit == "m") mult = 1024.0 * 1024;
    else if (unit == "g") mult = 1024.0 * 1024 * 1024;
    else if (unit == "t") mult = 1024.0 * 1024 * 1024 * 1024;
    else if (unit == "p") mult = 1024.0 * 1024 * 1024 * 1024 * 1024;
    else return Error::invalid("invalid size: '" + s + "'");
    return static_cast<std::int64_t>(n * mult);
}

Result<std::int64_t> parse_nano_cpus(std::string_view text) {
    const std::string s(text);
    char *end = nullptr;
    const double n = std::strtod(s.c_str(), &end);
    if (s.empty() || *end != '\0' || n < 0 || !std::isfinite(n))
        return Error::invalid("invalid argument \"" + s + "\" for \"--cpus\" flag: failed to parse " + s +
                              " as a rational number");
    return static_cast<std::int64_t>(std::llround(n * 1e9));
}

Result<nlohmann::json> parse_restart_policy(std::string_view text) {
    const std::string s(text);
    const auto colon = s.find(':');
    const std::string name = s.substr(0, colon);
    int retries = 0;
    if (colon != std::string::npos) {
        const std::string count = s.substr(colon + 1);
        char *end = nullptr;
        const long v = std::strtol(count.c_str(), &end, 10);
        if (count.empty() || *end != '\0' || v < 0) return Error::invalid("invalid restart policy format: " + s);
        if (name != "on-failure")
            return Error::invalid("invalid restart policy format: maximum retry count can only be used with 'on-failure'");
        retries = static_cast<int>(v);
    }
    if (name != "no" && name != "always" && name != "unless-stopped" && name != "on-failure")
        return Error::invalid("invalid restart policy format: unknown policy '" + name + "'");
    return nlohmann::json{{"Name", name == "no" ? "no" : name}, {"MaximumRetryCount", retries}};
}

Result<std::vector<std::string>> read_env_file(const std::string &path) {
    std::ifstream in(path);
    if (!in) return Error::sys("open env file", path);
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        line.erase(0, first);
        const auto eq = line.find('=');
        if (eq == 0) return Error::invalid("invalid environment variable: " + line);
        if (eq == std::string::npos) {
            // "KEY" alone: the value of the caller's environment, skipped when unset.
            while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
            if (const char *v = std::getenv(line.c_str())) out.push_back(line + "=" + v);
            continue;
        }
        out.push_back(line);
    }
    return out;
}

Result<CreateRequest> build_create_request(const ParsedArgs &args) {
    CreateRequest req;
    req.name = args.value("name");
    req.image = args.positional.at(0);
    nlohmann::json config = nlohmann::json::object();
    nlohmann::json host = nlohmann::json::object();
    config["Image"] = req.image;

    std::vector<std::string> env;
    for (const auto &file : args.values("env-file")) {
        auto lines = TRY(read_env_file(file));
        env.insert(env.end(), lines.begin(), lines.end());
    }
    for (const auto &e : args.values("env")) {
        if (e.empty() || e[0] == '=') return Error::invalid("invalid environment variable: " + e);
        if (e.find('=') == std::string::npos) {
            if (const char *v = std::getenv(e.c_str())) env.push_back(e + "=" + v);
            continue;
        }
        env.push_back(e);
    }
    if (!env.empty()) config["Env"] = env;

    const auto cmd = split_command(args.positional);
    if (!cmd.empty()) config["Cmd"] = cmd;
    if (args.was_set("entrypoint")) {
        // docker: --entrypoint "" clears the image's entrypoint; otherwise one word.
        const std::string ep = args.value("entrypoint");
        config["Entrypoint"] = ep.empty() ? nlohmann::json::array({""}) : nlohmann::json::array({ep});
    }
    if (const auto w = args.value("workdir"); !w.empty()) config["WorkingDir"] = w;
    if (const auto u = args.value("user"); !u.empty()) config["User"] = u;
    if (const auto h = args.value("hostname"); !h.empty()) config["Hostname"] = h;
    if (args.flag("tty")) config["Tty"] = true;
    if (args.flag("interactive")) {
        config["OpenStdin"] = true;
        config["StdinOnce"] = true;
        config["AttachStdin"] = true;
    }

    nlohmann::json labels = nlohmann::json::object();
    for (const auto &l : args.values("label")) {
        const auto eq = l.find('=');
        labels[l.substr(0, eq)] = eq == std::string::npos ? "" : l.substr(eq + 1);
    }
    if (!labels.empty()) config["Labels"] = labels;

    nlohmann::json binds = nlohmann::json::array();
    nlohmann::json volumes = nlohmann::json::object();
    for (const auto &v : args.values("volume")) TRY(add_volume(v, binds, volumes));
    if (!binds.empty()) host["Binds"] = binds;
    if (!volumes.empty()) config["Volumes"] = volumes;

    if (const auto m = args.value("memory"); !m.empty()) host["Memory"] = TRY(parse_memory_bytes(m));
    if (const auto c = args.value("cpus"); !c.empty()) host["NanoCpus"] = TRY(parse_nano_cpus(c));
    if (const auto p = args.value("pids-limit"); !p.empty()) {
        char *end = nullptr;
        const long long v = std::strtoll(p.c_str(), &end, 10);
        if (*end != '\0') return Error::invalid("invalid argument \"" + p + "\" for \"--pids-limit\" flag");
        host["PidsLimit"] = v;
    }
    if (args.was_set("restart")) {
        const auto r = args.value("restart");
        if (!r.empty()) host["RestartPolicy"] = TRY(parse_restart_policy(r));
    }
    if (args.flag("read-only")) host["ReadonlyRootfs"] = true;
    if (args.flag("privileged")) host["Privileged"] = true;
    if (args.flag("init")) host["Init"] = true;
    if (const auto a = args.values("cap-add"); !a.empty()) host["CapAdd"] = a;
    if (const auto d = args.values("cap-drop"); !d.empty()) host["CapDrop"] = d;
    if (args.flag("rm")) {
        if (host.contains("RestartPolicy") && host["RestartPolicy"]["Name"] != "no")
            return Error::invalid("conflicting options: cannot specify both --restart and --rm");
        host["AutoRemove"] = true;
    }
    TRY(add_resource_and_runtime_flags(args, config, host));
    TRY(add_publish_flags(args, config, host));
    TRY(add_network_flags(args, config, host));
    config["HostConfig"] = host;
    req.body = std::move(config);
    return req;
}

}  // namespace berth::cli::commands
