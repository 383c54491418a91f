#include "client/networks.h"

namespace berth::client {

Result<nlohmann::json> create_network(EngineClient &c, const nlohmann::json &body) {
    return c.request_json("POST", "/networks/create", {}, body);
}

Result<nlohmann::json> list_networks(EngineClient &c, const Filters &filters) {
    return c.request_json("GET", "/networks", Query().add_filters(filters));
}

Result<nlohmann::json> inspect_network(EngineClient &c, const std::string &id_or_name) {
    return c.request_json("GET", "/networks/" + url_encode(id_or_name));
}

Result<void> remove_network(EngineClient &c, const std::string &id_or_name) {
    TRY(c.request("DELETE", "/networks/" + url_encode(id_or_name)));
    return {};
}

Result<void> connect_network(EngineClient &c, const std::string &network, const std::string &container,
                             const nlohmann::json &endpoint_config) {
    nlohmann::json body = {{"Container", container}};
    if (!endpoint_config.is_null()) body["EndpointConfig"] = endpoint_config;
    TRY(c.request("POST", "/networks/" + url_encode(network) + "/connect", {}, body));
    return {};
}

Result<void> disconnect_network(EngineClient &c, const std::string &network, const std::string &container,
                                bool force) {
    TRY(c.request("POST", "/networks/" + url_encode(network) + "/disconnect", {},
                       nlohmann::json{{"Container", container}, {"Force", force}}));
    return {};
}

Result<nlohmann::json> prune_networks(EngineClient &c, const Filters &filters) {
    return c.request_json("POST", "/networks/prune", Query().add_filters(filters));
}

}  // namespace berth::client
