// /networks/...: list, inspect, create, remove, connect, disconnect, prune
// (runtime/network's NetworkService; containers/networking.h for the container side).
#include "api/routes.h"
#include "containers/networking.h"
#include "containers/service.h"
#include "network/network_service.h"

namespace berth::api {
namespace {

using nlohmann::json;
using network::NetworkService;

Result<NetworkService *> service_of(Daemon &d) {
    if (d.networks == nullptr) return Error::of(ErrorKind::Unavailable, "networking is not available");
    return d.networks;
}

Result<std::map<std::string, std::string>> string_map(const json &body, const char *key) {
    std::map<std::string, std::string> out;
    if (!body.contains(key) || body[key].is_null()) return out;
    if (!body[key].is_object())
        return Error::invalid(std::string("json: cannot unmarshal ") + body[key].type_name() +
                              " into Go struct field CreateRequest." + key + " of type map[string]string");
    for (const auto &[k, v] : body[key].items()) {
        if (!v.is_string())
            return Error::invalid(std::string("json: cannot unmarshal ") + v.type_name() +
                                  " into Go struct field CreateRequest." + key + " of type string");
        out[k] = v.get<std::string>();
    }
    return out;
}

Result<bool> bool_field(const json &body, const char *key) {
    if (!body.contains(key) || body[key].is_null()) return false;
    if (!body[key].is_boolean())
        return Error::invalid(std::string("json: cannot unmarshal ") + body[key].type_name() +
                              " into Go struct field CreateRequest." + key + " of type bool");
    return body[key].get<bool>();
}

Result<std::string> string_field(const json &body, const char *key, const char *where) {
    if (!body.contains(key) || body[key].is_null()) return std::string();
    if (!body[key].is_string())
        return Error::invalid(std::string("json: cannot unmarshal ") + body[key].type_name() + " into Go struct field " +
                              where + "." + key + " of type string");
    return body[key].get<std::string>();
}

bool any_contains(const std::set<std::string> &wanted, const std::string &value) {
    for (const auto &w : wanted)
        if (value.find(w) != std::string::npos) return true;
    return false;
}

void list(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        NetworkService *nets = TRY(service_of(d));
        const Filters f = TRY(req.filters());
        TRY(f.validate({"name", "id", "driver", "label", "type", "scope", "dangling"}));
        for (const auto &t : f.values("type"))
            if (t != "custom" && t != "builtin") return Error::invalid("invalid filter: 'type'='" + t + "'");
        const auto dangling = TRY(f.get_bool("dangling"));
        json out = json::array();
        for (const auto &n : nets->list()) {
            if (f.contains("name") && !any_contains(f.values("name"), n.name)) continue;
            if (f.contains("id") && !any_contains(f.values("id"), n.id)) continue;
            if (f.contains("driver") && !f.values("driver").count(n.driver)) continue;
            if (f.contains("scope") && !f.values("scope").count("local")) continue;
            if (f.contains("type") && !f.values("type").count(n.predefined ? "builtin" : "custom")) continue;
            if (!f.match_labels("label", n.labels)) continue;
            if (dangling && (n.endpoints.empty() && !n.predefined) != *dangling) continue;
            out.push_back(network::to_api_json(n));
        }
        return out;
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void inspect(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        NetworkService *nets = TRY(service_of(d));
        const std::string scope = req.query.get("scope").value_or("");
        if (!scope.empty() && scope != "local") return Error::not_found("network " + req.param("id") + " not found");
        return network::to_api_json(TRY(nets->get(req.param("id"))));
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void create(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        NetworkService *nets = TRY(service_of(d));
        const json body = TRY(req.json_body());
        if (!body.is_object()) return Error::invalid("invalid JSON: the request body must be an object");
        network::CreateRequest r;
        r.name = TRY(string_field(body, "Name", "CreateRequest"));
        r.driver = TRY(string_field(body, "Driver", "CreateRequest"));
        r.internal = TRY(bool_field(body, "Internal"));
        r.attachable = TRY(bool_field(body, "Attachable"));
        if (TRY(bool_field(body, "EnableIPv6"))) return Error::invalid("IPv6 networks are not supported");
        if (TRY(bool_field(body, "Ingress"))) return Error::of(ErrorKind::Forbidden, "ingress networks need swarm mode");
        r.labels = TRY(string_map(body, "Labels"));
        r.options = TRY(string_map(body, "Options"));
        if (body.contains("IPAM") && body["IPAM"].is_object()) {
            const json &ipam = body["IPAM"];
            const std::string driver = TRY(string_field(ipam, "Driver", "IPAM"));
            if (!driver.empty() && driver != "default")
                return Error::not_found("could not find plugin " + driver + " in v1 plugin registry: plugin not found");
            r.ipam_options = TRY(string_map(ipam, "Options"));
            if (ipam.contains("Config") && ipam["Config"].is_array()) {
                for (const auto &c : ipam["Config"]) {
                    if (!c.is_object()) return Error::invalid("json: cannot unmarshal into Go struct field IPAM.Config");
                    network::CreateRequest::Pool p;
                    p.subnet = TRY(string_field(c, "Subnet", "IPAMConfig"));
                    p.gateway = TRY(string_field(c, "Gateway", "IPAMConfig"));
                    p.ip_range = TRY(string_field(c, "IPRange", "IPAMConfig"));
                    // IPv6 pools are not supported; Docker's CLI sends none unless asked.
                    if (p.subnet.find(':') != std::string::npos) return Error::invalid("IPv6 subnets are not supported: " + p.subnet);
                    r.pools.push_back(p);
                }
            }
        }
        auto n = TRY(nets->create(r));
        return json{{"Id", n.id}, {"Warning", ""}};
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::created, *out);
}

void remove(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        NetworkService *nets = TRY(service_of(d));
        return nets->remove(req.param("id"));
    };
    if (auto r = run(); !r) return w.error(r.error());
    w.no_content();
}

void connect(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        TRY(service_of(d));
        if (!d.containers) return Error::of(ErrorKind::Unavailable, "containers are not available");
        const json body = TRY(req.json_body());
        if (!body.is_object()) return Error::invalid("invalid JSON: the request body must be an object");
        const std::string container = TRY(string_field(body, "Container", "NetworkConnect"));
        if (container.empty()) return Error::invalid("no container given to connect");
        return containers::connect_network(*d.containers, req.param("id"), container,
                                           body.value("EndpointConfig", json::object()));
    };
    if (auto r = run(); !r) return w.error(r.error());
    w.text(Status::ok, "text/plain; charset=utf-8", "");
}

void disconnect(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        TRY(service_of(d));
        if (!d.containers) return Error::of(ErrorKind::Unavailable, "containers are not available");
        const json body = TRY(req.json_body());
        if (!body.is_object()) return Error::invalid("invalid JSON: the request body must be an object");
        const std::string container = TRY(string_field(body, "Container", "NetworkDisconnect"));
        if (container.empty()) return Error::invalid("no container given to disconnect");
        const bool force = body.contains("Force") && body["Force"].is_boolean() && body["Force"].get<bool>();
        return containers::disconnect_network(*d.containers, req.param("id"), container, force);
    };
    if (auto r = run(); !r) return w.error(r.error());
    w.text(Status::ok, "text/plain; charset=utf-8", "");
}

void prune(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        NetworkService *nets = TRY(service_of(d));
        const Filters f = TRY(req.filters());
        TRY(f.validate({"label", "label!", "until"}));
        auto removed = nets->prune([&](const network::Network &n) {
            if (!f.match_labels("label", n.labels)) return false;
            for (const auto &l : f.values("label!")) {
                const auto eq = l.find('=');
                auto it = n.labels.find(l.substr(0, eq));
                if (it != n.labels.end() && (eq == std::string::npos || it->second == l.substr(eq + 1))) return false;
            }
            return true;
        });
        return json{{"NetworksDeleted", removed.empty() ? json(nullptr) : json(removed)}};
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

}  // namespace

void register_network_routes(Router &router, Daemon &d) {
    auto bind = [&d](void (*fn)(Daemon &, Request &, ResponseWriter &)) {
        return [&d, fn](Request &req, ResponseWriter &w) { fn(d, req, w); };
    };
    router.add("GET", "/networks", bind(list));
    router.add("POST", "/networks/create", bind(create));
    router.add("POST", "/networks/prune", bind(prune));
    router.add("GET", "/networks/{id}", bind(inspect));
    router.add("DELETE", "/networks/{id}", bind(remove));
    router.add("POST", "/networks/{id}/connect", bind(connect));
    router.add("POST", "/networks/{id}/disconnect", bind(disconnect));
}

}  // namespace berth::api
