// /containers/...: create, lifecycle, list, inspect, logs, rename, prune. Each handler
// parses the request, calls containers::ContainerService, and maps the Result to Docker's
// status codes; nothing here throws.
#include "api/containers_routes.h"

#include "containers/inspect_json.h"
#include "containers/log_reader.h"
#include "containers/service.h"
#include "containers/time_format.h"

namespace berth::api {

Result<containers::ContainerService *> container_service_of(Daemon &d) {
    if (d.containers == nullptr) return Error::of(ErrorKind::Unavailable, "the container subsystem is not available");
    return d.containers;
}

namespace {

using nlohmann::json;
using containers::ContainerService;

// Docker answers 304 with no body for start/stop of a container already in that state.
void answer(ResponseWriter &w, const Result<void> &r) {
    if (r) return w.no_content();
    if (r.error().kind == ErrorKind::NotModified) return w.text(Status::not_modified, "text/plain", "");
    w.error(r.error());
}

Result<std::optional<int>> timeout_param(const Request &req) {
    for (const char *key : {"t", "timeout"}) {
        if (!req.query.has(key)) continue;
        const long long t = TRY(req.query.get_int(key, 10));
        return std::optional<int>(static_cast<int>(t));
    }
    return std::optional<int>();
}

void create(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<containers::CreateResult> {
        ContainerService *svc = TRY(container_service_of(d));
        const json body = TRY(req.json_body());
        return svc->create(body, req.query.get_or("name", ""));
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::created, json{{"Id", out->id}, {"Warnings", out->warnings}});
}

void list(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        ContainerService *svc = TRY(container_service_of(d));
        containers::ListOptions o;
        o.all = req.query.get_bool("all");
        o.size = req.query.get_bool("size");
        o.limit = static_cast<int>(TRY(req.query.get_int("limit", -1)));
        const Filters filters = TRY(req.filters());
        for (const char *key : {"status", "name", "label", "ancestor", "id", "exited", "before", "since",
                                "volume", "health", "network", "publish", "expose", "is-task"})
            if (filters.contains(key)) {
                const auto &v = filters.values(key);
                o.filters[key] = std::vector<std::string>(v.begin(), v.end());
            }
        TRY(filters.validate({"status", "name", "label", "ancestor", "id", "exited", "before", "since",
                              "volume", "health", "network", "publish", "expose", "is-task"}));
        return svc->list(o);
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void inspect(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        ContainerService *svc = TRY(container_service_of(d));
        return svc->inspect(req.param("id"), req.query.get_bool("size"));
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void start(Daemon &d, Request &req, ResponseWriter &w) {
    auto svc = container_service_of(d);
    if (!svc) return w.error(svc.error());
    answer(w, (*svc)->start(req.param("id")));
}

void stop(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        ContainerService *svc = TRY(container_service_of(d));
        auto t = TRY(timeout_param(req));
        return svc->stop(req.param("id"), t);
    };
    answer(w, run());
}

void restart(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        ContainerService *svc = TRY(container_service_of(d));
        auto t = TRY(timeout_param(req));
        return svc->restart(req.param("id"), t);
    };
    answer(w, run());
}

void kill(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        ContainerService *svc = TRY(container_service_of(d));
        return svc->kill(req.param("id"), req.query.get_or("signal", ""));
    };
    auto r = run();
    if (!r) return w.error(r.error());
    w.no_content();
}

void pause(Daemon &d, Request &req, ResponseWriter &w) {
    auto svc = container_service_of(d);
    if (!svc) return w.error(svc.error());
    auto r = (*svc)->pause(req.param("id"));
    if (!r) return w.error(r.error());
    w.no_content();
}

void unpause(Daemon &d, Request &req, ResponseWriter &w) {
    auto svc = container_service_of(d);
    if (!svc) return w.error(svc.error());
    auto r = (*svc)->unpause(req.param("id"));
    if (!r) return w.error(r.error());
    w.no_content();
}

void rename(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        ContainerService *svc = TRY(container_service_of(d));
        const std::string name = req.query.get_or("name", "");
        if (name.empty()) return Error::invalid("name cannot be empty");
        return svc->rename(req.param("id"), name);
    };
    auto r = run();
    if (!r) return w.error(r.error());
    w.no_content();
}

void remove(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        ContainerService *svc = TRY(container_service_of(d));
        if (req.query.get_bool("link")) return Error::invalid("legacy links are not supported");
        return svc->remove(req.param("id"), req.query.get_bool("force"), req.query.get_bool("v"));
    };
    auto r = run();
    if (!r) return w.error(r.error());
    w.no_content();
}

void wait(Daemon &d, Request &req, ResponseWriter &w) {
    auto svc = container_service_of(d);
    if (!svc) return w.error(svc.error());
    const std::string cond = req.query.get_or("condition", "not-running");
    containers::WaitCondition c;
    if (cond == "not-running" || cond.empty()) c = containers::WaitCondition::NotRunning;
    else if (cond == "next-exit") c = containers::WaitCondition::NextExit;
    else if (cond == "removed") c = containers::WaitCondition::Removed;
    else return w.error(Error::invalid("invalid condition: \"" + cond + "\""));
    bool streaming = false;
    // Docker sends the header as soon as the wait is registered, so a client can start
    // the container knowing its exit won't be missed.
    auto r = (*svc)->wait(
        req.param("id"), c, [&] { return w.client_gone(); },
        [&] { streaming = w.begin_stream(Status::ok, "application/json"); });
    const json body = r ? json{{"StatusCode", *r}, {"Error", nullptr}} : json();
    if (!streaming) {
        if (!r) return w.error(r.error());
        return w.json(Status::ok, body);
    }
    if (r) w.write_chunk(body.dump() + "\n");
    else w.write_chunk(json{{"StatusCode", -1}, {"Error", {{"Message", r.error().message()}}}}.dump() + "\n");
    w.finish();
}

void logs(Daemon &d, Request &req, ResponseWriter &w) {
    auto svc_r = container_service_of(d);
    if (!svc_r) return w.error(svc_r.error());
    ContainerService *svc = *svc_r;
    auto c = svc->get(req.param("id"));
    if (!c) return w.error(c.error());
    containers::LogOptions o;
    o.stdout_stream = req.query.get_bool("stdout");
    o.stderr_stream = req.query.get_bool("stderr");
    if (!o.stdout_stream && !o.stderr_stream)
        return w.error(Error::invalid("Bad parameters: you must choose at least one stream"));
    if (c->host_config.value("LogConfig", json::object()).value("Type", std::string()) == "none")
        return w.error(Error::invalid("configured logging driver does not support reading"));
    o.follow = req.query.get_bool("follow");
    const bool timestamps = req.query.get_bool("timestamps");
    const std::string tail = req.query.get_or("tail", "all");
    if (!tail.empty() && tail != "all") {
        auto n = req.query.get_int("tail", -1);
        if (!n) return w.error(n.error());
        o.tail = *n < 0 ? -1 : *n;
    }
    for (const char *key : {"since", "until"}) {
        const std::string v = req.query.get_or(key, "");
        if (v.empty() || v == "0") continue;
        auto ns = containers::parse_api_timestamp(v);
        if (!ns) return w.error(Error::invalid("invalid value for \"" + std::string(key) + "\": " + v));
        (key[0] == 's' ? o.since_ns : o.until_ns) = *ns;
    }
    const bool tty = c->tty();
    const std::string id = c->id;
    if (!w.begin_stream(Status::ok, tty ? "application/vnd.docker.raw-stream"
                                        : "application/vnd.docker.multiplexed-stream"))
        return;
    auto emit = [&](const containers::LogEntry &e) {
        std::string text = e.text;
        if (timestamps) text = containers::fixed_nano_time(e.time) + " " + text;
        return w.write_chunk(tty ? text : containers::mux_frame(e.stream == "stderr" ? 2 : 1, text));
    };
    auto running = [&] {
        if (w.client_gone()) return false;
        auto now = svc->get(id);
        return now && (now->state.running || now->state.restarting);
    };
    (void)containers::read_logs(svc->store().log_path(id), o, emit, running);
    w.finish();
}

void prune(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        ContainerService *svc = TRY(container_service_of(d));
        const Filters filters = TRY(req.filters());
        TRY(filters.validate({"label", "label!", "until"}));
        std::optional<std::int64_t> until;
        for (const auto &v : filters.values("until")) {
            auto ns = containers::parse_api_timestamp(v);
            if (!ns) return Error::invalid("invalid filter 'until=" + v + "'");
            until = *ns;
        }
        json deleted = json::array();
        std::uint64_t reclaimed = 0;
        for (const auto &c : svc->store().list()) {
            if (c.state.running || c.state.restarting) continue;
            std::map<std::string, std::string> labels;
            if (c.config.contains("Labels") && c.config["Labels"].is_object())
                for (const auto &[k, v] : c.config["Labels"].items())
                    if (v.is_string()) labels[k] = v.get<std::string>();
            if (!filters.match_labels("label", labels)) continue;
            bool excluded = false;
            for (const auto &l : filters.values("label!")) {
                const auto eq = l.find('=');
                auto it = labels.find(l.substr(0, eq));
                if (it != labels.end() && (eq == std::string::npos || it->second == l.substr(eq + 1))) excluded = true;
            }
            if (excluded) continue;
            if (until && containers::parse_rfc3339_nano(c.created).value_or(0) >= *until) continue;
            std::error_code ec;
            std::uint64_t size = 0;
            for (auto it = std::filesystem::recursive_directory_iterator(svc->store().dir(c.id) / "upper", ec);
                 it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file(ec) && !it->is_symlink(ec)) size += it->file_size(ec);
            }
            if (svc->remove(c.id, false, false)) {
                deleted.push_back(c.id);
                reclaimed += size;
            }
        }
        return json{{"ContainersDeleted", deleted.empty() ? json(nullptr) : deleted},
                    {"SpaceReclaimed", reclaimed}};
    };
    auto out = run();
    if (!out) return w.error(out.error());
    if (d.events) d.events->publish(events::Event{"container", "prune", "", {{"reclaimed", std::to_string((*out)["SpaceReclaimed"].get<std::uint64_t>())}}, 0});
    w.json(Status::ok, *out);
}

}  // namespace

void register_container_routes(Router &router, Daemon &d) {
    auto bind = [&d](void (*fn)(Daemon &, Request &, ResponseWriter &)) {
        return [&d, fn](Request &req, ResponseWriter &w) { fn(d, req, w); };
    };
    router.add("POST", "/containers/create", bind(create));
    router.add("GET", "/containers/json", bind(list));
    router.add("POST", "/containers/prune", bind(prune));
    router.add("GET", "/containers/{id}/json", bind(inspect));
    router.add("POST", "/containers/{id}/start", bind(start));
    router.add("POST", "/containers/{id}/stop", bind(stop));
    router.add("POST", "/containers/{id}/restart", bind(restart));
    router.add("POST", "/containers/{id}/kill", bind(kill));
    router.add("POST", "/containers/{id}/pause", bind(pause));
    router.add("POST", "/containers/{id}/unpause", bind(unpause));
    router.add("POST", "/containers/{id}/rename", bind(rename));
    router.add("POST", "/containers/{id}/wait", bind(wait));
    router.add("GET", "/containers/{id}/logs", bind(logs));
    router.add("DELETE", "/containers/{id}", bind(remove));
    register_container_attach_routes(router, d);
}

}  // namespace berth::api
