#include "cli/commands/publish_flags.h"

#include <arpa/inet.h>

#include <charconv>
#include <optional>
#include <string_view>
#include <vector>

namespace berth::cli::commands {
namespace {

struct PortRange {
    unsigned first = 0, last = 0;
    unsigned size() const { return last - first + 1; }
};

std::optional<unsigned> port_number(std::string_view s) {
    unsigned v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || v > 65535) return std::nullopt;
    return v;
}

// "80" or "8000-8010".
std::optional<PortRange> port_range(std::string_view s) {
    auto dash = s.find('-');
    auto first = port_number(s.substr(0, dash));
    if (!first) return std::nullopt;
    if (dash == std::string_view::npos) return PortRange{*first, *first};
    auto last = port_number(s.substr(dash + 1));
    if (!last || *last < *first) return std::nullopt;
    return PortRange{*first, *last};
}

Error flag_error(const std::string &flag, const std::string &spec, const std::string &why) {
    return Error::invalid("invalid argument \"" + spec + "\" for \"" + flag + "\" flag: " + why);
}

Result<std::string> split_proto(std::string &port_part, const std::string &flag, const std::string &spec) {
    std::string proto = "tcp";
    if (auto slash = port_part.rfind('/'); slash != std::string::npos) {
        proto = port_part.substr(slash + 1);
        port_part.erase(slash);
    }
    if (proto != "tcp" && proto != "udp" && proto != "sctp")
        return flag_error(flag, spec, "invalid proto: " + proto);
    return proto;
}

}  // namespace

Result<void> add_publish_spec(const std::string &spec, nlohmann::json &exposed, nlohmann::json &bindings) {
    const std::string flag = "-p, --publish";
    std::string rest = spec;
    std::string proto = TRY(split_proto(rest, flag, spec));

    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
        auto colon = rest.find(':', start);
        parts.push_back(rest.substr(start, colon - start));
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    std::string ip, host_port, container_port;
    switch (parts.size()) {
    case 1: container_port = parts[0]; break;
    case 2: host_port = parts[0]; container_port = parts[1]; break;
    case 3: ip = parts[0]; host_port = parts[1]; container_port = parts[2]; break;
    default: return flag_error(flag, spec, "invalid port format: expected ip:hostPort:containerPort");
    }
    if (!ip.empty()) {
        if (ip.size() > 2 && ip.front() == '[' && ip.back() == ']') ip = ip.substr(1, ip.size() - 2);
        in_addr a{};
        if (::inet_pton(AF_INET, ip.c_str(), &a) != 1) return flag_error(flag, spec, "invalid IP address: " + ip);
    }
    if (container_port.empty()) return flag_error(flag, spec, "no port specified: " + spec + "<empty>");
    auto cports = port_range(container_port);
    if (!cports || cports->first == 0) return flag_error(flag, spec, "invalid containerPort: " + container_port);
    std::optional<PortRange> hports;
    if (!host_port.empty()) {
        hports = port_range(host_port);
        if (!hports || hports->first == 0) return flag_error(flag, spec, "invalid hostPort: " + host_port);
        // Equal ranges map one to one; a host range for a single container port lets the
        // engine take any free port of it.
        if (cports->size() != hports->size() && cports->size() != 1)
            return flag_error(flag, spec, "invalid ranges specified for container and host Ports: " +
                                              container_port + " and " + host_port);
    }
    for (unsigned i = 0; i < cports->size(); ++i) {
        std::string key = std::to_string(cports->first + i) + "/" + proto;
        std::string hp;
        if (hports) hp = hports->size() == cports->size() ? std::to_string(hports->first + i) : host_port;
        exposed[key] = nlohmann::json::object();
        if (!bindings.contains(key)) bindings[key] = nlohmann::json::array();
        bindings[key].push_back({{"HostIp", ip}, {"HostPort", hp}});
    }
    return {};
}

Result<void> add_expose_spec(const std::string &spec, nlohmann::json &exposed) {
    std::string rest = spec;
    std::string proto = TRY(split_proto(rest, "--expose", spec));
    auto ports = port_range(rest);
    if (!ports) return Error::invalid("invalid range format for --expose: " + spec);
    for (unsigned p = ports->first; p <= ports->last; ++p)
        exposed[std::to_string(p) + "/" + proto] = nlohmann::json::object();
    return {};
}

Result<void> add_publish_flags(const ParsedArgs &args, nlohmann::json &config, nlohmann::json &host) {
    nlohmann::json exposed = config.value("ExposedPorts", nlohmann::json::object());
    nlohmann::json bindings = host.value("PortBindings", nlohmann::json::object());
    for (const auto &spec : args.values("expose")) TRY(add_expose_spec(spec, exposed));
    for (const auto &spec : args.values("publish")) TRY(add_publish_spec(spec, exposed, bindings));
    if (!exposed.empty()) config["ExposedPorts"] = exposed;
    if (!bindings.empty()) host["PortBindings"] = bindings;
    if (args.flag("publish-all")) host["PublishAllPorts"] = true;
    return {};
}

}  // namespace berth::cli::commands
