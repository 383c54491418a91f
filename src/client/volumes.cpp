#include "client/volumes.h"

namespace berth::client {

Result<nlohmann::json> create_volume(EngineClient &c, const std::string &name, const std::string &driver,
                                     const std::map<std::string, std::string> &labels,
                                     const std::map<std::string, std::string> &options) {
    nlohmann::json body = {{"Labels", labels}, {"DriverOpts", options}};
    if (!name.empty()) body["Name"] = name;
    if (!driver.empty()) body["Driver"] = driver;
    return c.request_json("POST", "/volumes/create", {}, body);
}

Result<nlohmann::json> list_volumes(EngineClient &c, const Filters &filters) {
    return c.request_json("GET", "/volumes", Query().add_filters(filters));
}

Result<nlohmann::json> inspect_volume(EngineClient &c, const std::string &name) {
    return c.request_json("GET", "/volumes/" + url_encode(name));
}

Result<void> remove_volume(EngineClient &c, const std::string &name, bool force) {
    Query q;
    if (force) q.add_bool("force", true);
    TRY(c.request("DELETE", "/volumes/" + url_encode(name), std::move(q)));
    return {};
}

Result<nlohmann::json> prune_volumes(EngineClient &c, const Filters &filters) {
    return c.request_json("POST", "/volumes/prune", Query().add_filters(filters));
}

}  // namespace berth::client
