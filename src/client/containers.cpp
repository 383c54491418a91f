#include "client/containers.h"

namespace berth::client {
std::string container_path(const std::string &id, const std::string &tail) {
    return "/containers/" + url_encode(id) + tail;
}

namespace {

Result<void> post(EngineClient &c, const std::string &path, Query query = {}) {
    TRY(c.request("POST", path, std::move(query)));
    return {};
}

}  // namespace

Result<nlohmann::json> create_container(EngineClient &c, const nlohmann::json &config, const std::string &name) {
    Query q;
    if (!name.empty()) q.add("name", name);
    return c.request_json("POST", "/containers/create", std::move(q), config);
}

Result<nlohmann::json> list_containers(EngineClient &c, bool all, int limit, const Filters &filters) {
    Query q;
    if (all) q.add_bool("all", true);
    if (limit > 0) q.add("limit", std::to_string(limit));
    q.add_filters(filters);
    return c.request_json("GET", "/containers/json", std::move(q));
}

Result<nlohmann::json> inspect_container(EngineClient &c, const std::string &id) {
    return c.request_json("GET", container_path(id, "/json"));
}

Result<void> start_container(EngineClient &c, const std::string &id) {
    return post(c, container_path(id, "/start"));
}

Result<void> stop_container(EngineClient &c, const std::string &id, std::optional<int> timeout) {
    Query q;
    if (timeout) q.add("t", std::to_string(*timeout));
    return post(c, container_path(id, "/stop"), std::move(q));
}

Result<void> restart_container(EngineClient &c, const std::string &id, std::optional<int> timeout) {
    Query q;
    if (timeout) q.add("t", std::to_string(*timeout));
    return post(c, container_path(id, "/restart"), std::move(q));
}

Result<void> kill_container(EngineClient &c, const std::string &id, const std::string &signal) {
    Query q;
    if (!signal.empty()) q.add("signal", signal);
    return post(c, container_path(id, "/kill"), std::move(q));
}

Result<void> pause_container(EngineClient &c, const std::string &id) {
    return post(c, container_path(id, "/pause"));
}

Result<void> unpause_container(EngineClient &c, const std::string &id) {
    return post(c, container_path(id, "/unpause"));
}

Result<void> rename_container(EngineClient &c, const std::string &id, const std::string &new_name) {
    Query q;
    q.add("name", new_name);
    return post(c, container_path(id, "/rename"), std::move(q));
}

Result<void> remove_container(EngineClient &c, const std::string &id, bool force, bool volumes) {
    Query q;
    if (force) q.add_bool("force", true);
    if (volumes) q.add_bool("v", true);
    TRY(c.request("DELETE", container_path(id), std::move(q)));
    return {};
}

Result<int> wait_container(EngineClient &c, const std::string &id, const std::string &condition) {
    Query q;
    q.add("condition", condition);
    auto body = TRY(c.request_json("POST", container_path(id, "/wait"), std::move(q)));
    if (auto e = body.find("Error"); e != body.end() && e->is_object() && e->value("Message", "") != "")
        return Error::internal(e->value("Message", ""));
    return body.value("StatusCode", 0);
}

Result<void> container_logs(EngineClient &c, const std::string &id, const LogsOptions &options, bool tty,
                            const FrameCallback &on_frame, Cancel cancel) {
    Query q;
    q.add_bool("stdout", true).add_bool("stderr", true);
    if (options.follow) q.add_bool("follow", true);
    if (options.timestamps) q.add_bool("timestamps", true);
    if (!options.tail.empty()) q.add("tail", options.tail);
    if (!options.since.empty()) q.add("since", options.since);
    if (tty) {
        return c.stream_raw("GET", container_path(id, "/logs"), std::move(q), std::nullopt,
                            [&](std::string_view data) { return on_frame(StreamKind::Stdout, data); }, cancel);
    }
    return c.stream_multiplexed("GET", container_path(id, "/logs"), std::move(q), std::nullopt, on_frame, cancel);
}

}  // namespace berth::client
