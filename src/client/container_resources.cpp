#include "client/container_resources.h"

#include "client/containers.h"

namespace berth::client {

Result<nlohmann::json> top_container(EngineClient &c, const std::string &id, const std::string &ps_args) {
    Query q;
    if (!ps_args.empty()) q.add("ps_args", ps_args);
    return c.request_json("GET", container_path(id, "/top"), std::move(q));
}

Result<nlohmann::json> container_stats(EngineClient &c, const std::string &id, bool one_shot) {
    Query q;
    q.add_bool("stream", false);
    if (one_shot) q.add_bool("one-shot", true);
    return c.request_json("GET", container_path(id, "/stats"), std::move(q));
}

Result<void> stream_container_stats(EngineClient &c, const std::string &id, const JsonCallback &on_sample,
                                    Cancel cancel) {
    Query q;
    q.add_bool("stream", true);
    return c.stream_json("GET", container_path(id, "/stats"), std::move(q), std::nullopt, on_sample, cancel);
}

Result<nlohmann::json> update_container(EngineClient &c, const std::string &id, const nlohmann::json &body) {
    return c.request_json("POST", container_path(id, "/update"), {}, body);
}

Result<nlohmann::json> prune_containers(EngineClient &c, const Filters &filters) {
    return c.request_json("POST", "/containers/prune", Query().add_filters(filters));
}

}  // namespace berth::client
