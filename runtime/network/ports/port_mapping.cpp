// Port mappings as the Engine API spells them: HostConfig.PortBindings and
// Config.ExposedPorts in, NetworkSettings.Ports and the list's "Ports" out.
#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <tuple>

#include "network/ports/port_publisher.h"

namespace berth::network {
namespace {

using nlohmann::json;

Error bad_spec(std::string_view spec) {
    // moby's validatePortBindings wording.
    return Error::invalid("invalid port specification: \"" + std::string(spec) + "\"");
}

std::optional<std::uint16_t> parse_port_number(std::string_view s) {
    unsigned value = 0;
    if (s.empty() || s.size() > 5) return std::nullopt;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || value == 0 || value > 65535)
        return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

// "80/tcp", "53/udp", "80" (tcp) -> {proto, port}.
Result<PortMapping> parse_port_key(const std::string &key) {
    PortMapping m;
    std::string_view port = key;
    if (auto slash = key.find('/'); slash != std::string::npos) {
        port = std::string_view(key).substr(0, slash);
        m.proto = key.substr(slash + 1);
        std::transform(m.proto.begin(), m.proto.end(), m.proto.begin(), ::tolower);
    }
    if (m.proto.empty()) m.proto = "tcp";
    if (m.proto != "tcp" && m.proto != "udp")
        return Error::invalid("invalid proto: " + m.proto + " (only tcp and udp are supported)");
    auto number = parse_port_number(port);
    if (!number) return bad_spec(port);
    m.container_port = *number;
    return m;
}

// HostPort: "" (random), "8080", or "8000-8010" (the first free one of the range).
Result<void> parse_host_port(const std::string &spec, PortMapping &m) {
    if (spec.empty()) return {};
    auto dash = spec.find('-');
    auto first = parse_port_number(std::string_view(spec).substr(0, dash));
    if (!first) return bad_spec(spec);
    m.host_port = *first;
    if (dash == std::string::npos) return {};
    auto last = parse_port_number(std::string_view(spec).substr(dash + 1));
    if (!last || *last < *first) return bad_spec(spec);
    if (*last != *first) m.host_port_end = *last;
    return {};
}

Result<void> parse_host_ip(const std::string &ip, PortMapping &m) {
    if (ip.empty()) return {};
    in_addr v4{};
    if (::inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
        m.host_ip = ip;
        return {};
    }
    in6_addr v6{};
    if (::inet_pton(AF_INET6, ip.c_str(), &v6) == 1)
        return Error::invalid("invalid host IP " + ip + ": IPv6 host addresses are not supported");
    return Error::invalid("invalid IP address: " + ip);
}

std::string string_field(const json &object, const char *name) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_unsigned()) return std::to_string(it->get<unsigned>());
    return "\x01";  // neither: rejected by the parser below
}

std::string port_key(const PortMapping &m) {
    return std::to_string(m.container_port) + "/" + m.proto;
}

}  // namespace

Result<std::vector<PortMapping>> port_mappings_from_config(const json &config,
                                                           const json &host_config) {
    std::vector<PortMapping> out;
    std::vector<std::string> bound_keys;

    auto bindings = host_config.is_object() ? host_config.find("PortBindings") : host_config.end();
    if (host_config.is_object() && bindings != host_config.end() && !bindings->is_null()) {
        if (!bindings->is_object())
            return Error::invalid("HostConfig.PortBindings must be an object");
        for (auto &[key, list] : bindings->items()) {
            PortMapping base = TRY(parse_port_key(key));
            bound_keys.push_back(port_key(base));
            if (list.is_null()) continue;
            if (!list.is_array())
                return Error::invalid("HostConfig.PortBindings[\"" + key + "\"] must be an array");
            for (const auto &binding : list) {
                if (!binding.is_object() && !binding.is_null())
                    return Error::invalid("HostConfig.PortBindings[\"" + key +
                                          "\"] must hold objects");
                PortMapping m = base;
                if (binding.is_object()) {
                    TRY(parse_host_ip(string_field(binding, "HostIp"), m));
                    TRY(parse_host_port(string_field(binding, "HostPort"), m));
                }
                out.push_back(std::move(m));
            }
        }
    }

    bool publish_all = host_config.is_object() && host_config.value("PublishAllPorts", false);
    auto exposed = config.is_object() ? config.find("ExposedPorts") : config.end();
    if (publish_all && config.is_object() && exposed != config.end() && exposed->is_object()) {
        for (auto &[key, unused] : exposed->items()) {
            PortMapping m = TRY(parse_port_key(key));
            if (std::find(bound_keys.begin(), bound_keys.end(), port_key(m)) != bound_keys.end())
                continue;
            out.push_back(std::move(m));
        }
    }

    std::stable_sort(out.begin(), out.end(), [](const PortMapping &a, const PortMapping &b) {
        return std::tie(a.container_port, a.proto) < std::tie(b.container_port, b.proto);
    });
    return out;
}

json ports_inspect_json(const std::vector<PortMapping> &published, const json &exposed_ports) {
    json ports = json::object();
    if (exposed_ports.is_object()) {
        for (auto &[key, unused] : exposed_ports.items()) {
            auto m = parse_port_key(key);
            if (m) ports[port_key(*m)] = nullptr;
        }
    }
    for (const auto &m : published) {
        json &entry = ports[port_key(m)];
        if (!entry.is_array()) entry = json::array();
        entry.push_back({{"HostIp", m.host_ip.empty() ? "0.0.0.0" : m.host_ip},
                         {"HostPort", m.host_port ? std::to_string(m.host_port) : ""}});
    }
    return ports;
}

json ports_list_json(const std::vector<PortMapping> &published) {
    json list = json::array();
    for (const auto &m : published) {
        list.push_back({{"IP", m.host_ip.empty() ? "0.0.0.0" : m.host_ip},
                        {"PrivatePort", m.container_port},
                        {"PublicPort", m.host_port},
                        {"Type", m.proto}});
    }
    return list;
}

json to_json(const PortMapping &m) {
    json j = {{"Proto", m.proto},
              {"ContainerPort", m.container_port},
              {"HostIp", m.host_ip},
              {"HostPort", m.host_port}};
    if (m.host_port_end) j["HostPortEnd"] = m.host_port_end;
    return j;
}

PortMapping port_mapping_from_json(const json &j) {
    PortMapping m;
    if (!j.is_object()) return m;
    m.proto = j.value("Proto", std::string("tcp"));
    m.container_port = j.value("ContainerPort", std::uint16_t{0});
    m.host_ip = j.value("HostIp", std::string());
    m.host_port = j.value("HostPort", std::uint16_t{0});
    m.host_port_end = j.value("HostPortEnd", std::uint16_t{0});
    return m;
}

}  // namespace berth::network
