#include "client/container_resources.h"

namespace berth::client {
namespace {

std::string path_of(const std::string &id, const std::string &tail) { return "/containers/" + url_encode(id) + tail; }

}  // namespace

Result<nlohmann::json> top_container(EngineClient &c, const std::string &id, const std::string &ps_args) {
    Query q;
    if (!ps_args.empty()) q.add("ps_args", ps_args);
    return c.request_json("GET", path_of(id, "/top"), std::move(q));
}

Result<nlohmann::json> container_stats(EngineClient &c, const std::string &id, bool one_shot) {
    Query q;
    q.add_bool("stream", false);
    if (one_shot) q.add_bool("one-shot", true);
    return c.request_json("GET", path_of(id, "/stats"), std::move(q));
}

Result<void> stream_container_stats(EngineClient &c, const std::string &id, const JsonCallback &on_sample,
                                    Cancel cancel) {
    Query q;
    q.add_bool("stream", true);
    return c.stream_json("GET", path_of(id, "/stats"), std::move(q), std::nullopt, on_sample, cancel);
}

Result<nlohmann::json> update_container(EngineClient &c, const std::string &id, const nlohmann::json &body) {
    return c.request_json("POST", path_of(id, "/update"), {}, body);
}

Result<nlohmann::json> prune_containers(EngineClient &c, const Filters &filters) {
    Query q;
    if (!filters.empty()) q.add("filters", encode_filters(filters));
    return c.request_json("POST", "/containers/prune", std::move(q));
}

}  // namespace berth::client
