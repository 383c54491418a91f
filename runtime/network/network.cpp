#include "network/network.h"

#include <random>

namespace berth::network {

using nlohmann::json;

AddressSpace Network::address_space() const {
    AddressSpace s;
    if (!pool) return s;
    s.subnet = pool->subnet;
    s.gateway = pool->gateway;
    s.range = pool->range;
    for (const auto &[id, ep] : endpoints) s.allocated.insert(ep.address);
    return s;
}

std::string random_id() {
    std::random_device rd;
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 64; ++i) out += hex[rd() % 16];
    return out;
}

json to_api_json(const Network &n) {
    json config = json::array();
    if (n.pool) {
        json c = {{"Subnet", n.pool->subnet.str()}, {"Gateway", format_ipv4(n.pool->gateway)}};
        if (n.pool->range) c["IPRange"] = n.pool->range->str();
        config.push_back(c);
    }
    json containers = json::object();
    for (const auto &[id, ep] : n.endpoints) {
        const int prefix = n.pool ? n.pool->subnet.prefix : 0;
        containers[id] = {{"Name", ep.container_name},
                          {"EndpointID", ep.endpoint_id},
                          {"MacAddress", format_mac(mac_for(ep.address))},
                          {"IPv4Address", format_ipv4(ep.address) + "/" + std::to_string(prefix)},
                          {"IPv6Address", ""}};
    }
    return json{{"Name", n.name},
                {"Id", n.id},
                {"Created", n.created},
                {"Scope", "local"},
                {"Driver", n.driver},
                {"EnableIPv4", true},
                {"EnableIPv6", false},
                {"IPAM", {{"Driver", "default"}, {"Options", n.ipam_options.empty() ? json(nullptr) : json(n.ipam_options)},
                          {"Config", config}}},
                {"Internal", n.internal},
                {"Attachable", n.attachable},
                {"Ingress", false},
                {"ConfigFrom", {{"Network", ""}}},
                {"ConfigOnly", false},
                {"Containers", containers},
                {"Options", n.options},
                {"Labels", n.labels}};
}

json to_disk_json(const Network &n) {
    json j = to_api_json(n);
    j["Predefined"] = n.predefined;
    j["Bridge"] = n.bridge;
    if (n.pool) j["PoolChosen"] = n.pool->chosen;
    json eps = json::object();
    for (const auto &[id, ep] : n.endpoints)
        eps[id] = {{"Name", ep.container_name}, {"EndpointID", ep.endpoint_id}, {"HostVeth", ep.host_veth},
                   {"Address", format_ipv4(ep.address)}, {"Aliases", ep.aliases}};
    j["Endpoints"] = eps;
    j.erase("Containers");
    return j;
}

Result<Network> network_from_disk_json(const json &j) {
    try {
        Network n;
        n.id = j.at("Id").get<std::string>();
        n.name = j.at("Name").get<std::string>();
        n.created = j.value("Created", std::string());
        n.driver = j.value("Driver", std::string("bridge"));
        n.internal = j.value("Internal", false);
        n.attachable = j.value("Attachable", false);
        n.predefined = j.value("Predefined", false);
        n.bridge = j.value("Bridge", std::string());
        const json ipam = j.value("IPAM", json::object());
        const json configs = ipam.value("Config", json::array());
        const json endpoints = j.value("Endpoints", json::object());
        if (ipam.contains("Options") && ipam["Options"].is_object())
            n.ipam_options = ipam["Options"].get<std::map<std::string, std::string>>();
        for (const auto &c : configs) {
            IpamPool p;
            p.subnet = TRY(parse_subnet(c.at("Subnet").get<std::string>()));
            p.gateway = TRY(parse_ipv4(c.at("Gateway").get<std::string>()));
            if (c.contains("IPRange")) p.range = TRY(parse_subnet(c["IPRange"].get<std::string>()));
            p.chosen = j.value("PoolChosen", false);
            n.pool = p;
            break;
        }
        if (j.contains("Options") && j["Options"].is_object()) n.options = j["Options"].get<std::map<std::string, std::string>>();
        if (j.contains("Labels") && j["Labels"].is_object()) n.labels = j["Labels"].get<std::map<std::string, std::string>>();
        for (const auto &[id, e] : endpoints.items()) {
            Endpoint ep;
            ep.container_id = id;
            ep.container_name = e.value("Name", std::string());
            ep.endpoint_id = e.value("EndpointID", std::string());
            ep.host_veth = e.value("HostVeth", std::string());
            ep.address = TRY(parse_ipv4(e.value("Address", std::string())));
            ep.aliases = e.value("Aliases", std::vector<std::string>{});
            n.endpoints[id] = ep;
        }
        return n;
    } catch (const std::exception &e) {
        return Error::internal(std::string("unreadable network record: ") + e.what());
    }
}

}  // namespace berth::network
