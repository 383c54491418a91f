// /containers/{id}/top, /stats and /update: what a container uses and what it may use.
// The shapes live in runtime/containers (process_table, stats_sample, resource_update);
// here are the parameters, the streaming loop and the status codes.
#include <chrono>
#include <thread>

#include "api/containers_routes.h"
#include "containers/process_table.h"
#include "containers/resource_update.h"
#include "containers/service.h"
#include "containers/stats_sample.h"
#include "sandbox/cgroups.h"

namespace berth::api {
namespace {

using nlohmann::json;
using containers::ContainerService;

constexpr auto kStatsInterval = std::chrono::seconds(1);  // Docker's collector interval

void top(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        ContainerService *svc = TRY(container_service_of(d));
        auto c = TRY(svc->get(req.param("id")));
        const auto format = TRY(containers::parse_ps_args(req.query.get_or("ps_args", "")));
        if (!c.state.running) return Error::conflict("Container " + c.id + " is not running");
        auto cg = TRY(sandbox::cgroups::Cgroup::open(sandbox::cgroups::default_path(c.id)));
        const auto pids = TRY(cg.procs());
        return containers::process_table(containers::read_processes(pids), format, containers::read_host_clock(),
                                         containers::host_user_name);
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

// One sample of a running container; a zero sample once it stopped (or vanished mid-read).
json sample(ContainerService &svc, const std::string &id, const json &previous) {
    auto c = svc.get(id);
    if (!c) return containers::zero_stats_json("", id);
    if (!c->state.running) return containers::zero_stats_json(c->name, id);
    auto s = containers::collect_stats(id, c->state.pid);
    if (!s) return containers::zero_stats_json(c->name, id);
    return containers::stats_json(*s, previous, c->name, id);
}

bool still_running(ContainerService &svc, const std::string &id) {
    auto c = svc.get(id);
    return c && c->state.running;
}

// Sleeps one interval, a little at a time, so a client that left is noticed.
bool wait_interval(ResponseWriter &w) {
    const auto until = std::chrono::steady_clock::now() + kStatsInterval;
    while (std::chrono::steady_clock::now() < until) {
        if (w.client_gone()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return true;
}

void stats(Daemon &d, Request &req, ResponseWriter &w) {
    auto svc_r = container_service_of(d);
    if (!svc_r) return w.error(svc_r.error());
    ContainerService &svc = **svc_r;
    auto c = svc.get(req.param("id"));
    if (!c) return w.error(c.error());
    const bool stream = !req.query.has("stream") || req.query.get_bool("stream");
    const bool one_shot = req.query.get_bool("one-shot");
    if (stream && one_shot) return w.error(Error::invalid("cannot have stream=true and one-shot=true"));
    const std::string id = c->id;

    if (!stream) {
        json prev;
        // Without one-shot Docker waits for a second sample so that precpu_stats is filled
        // (the CLI's CPU % needs the delta).
        if (!one_shot && c->state.running) {
            prev = sample(svc, id, nullptr);
            if (!wait_interval(w)) return;
        }
        return w.json(Status::ok, sample(svc, id, prev));
    }
    if (!w.begin_stream(Status::ok, "application/json")) return;
    json prev;
    for (;;) {
        const bool running = still_running(svc, id);
        json s = sample(svc, id, prev);
        if (!w.write_chunk(s.dump() + "\n")) return;
        if (!running) break;  // a stopped container: one zeroed sample, as Docker sends
        prev = std::move(s);
        if (!wait_interval(w)) return;
    }
    w.finish();
}

void update(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<std::vector<std::string>> {
        ContainerService *svc = TRY(container_service_of(d));
        const json body = TRY(req.json_body());
        return containers::update_container(*svc, req.param("id"), body);
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, json{{"Warnings", out->empty() ? json(nullptr) : json(*out)}});
}

}  // namespace

void register_container_stats_routes(Router &router, Daemon &d) {
    auto bind = [&d](void (*fn)(Daemon &, Request &, ResponseWriter &)) {
        return [&d, fn](Request &req, ResponseWriter &w) { fn(d, req, w); };
    };
    router.add("GET", "/containers/{id}/top", bind(top));
    router.add("GET", "/containers/{id}/stats", bind(stats));
    router.add("POST", "/containers/{id}/update", bind(update));
}

}  // namespace berth::api
