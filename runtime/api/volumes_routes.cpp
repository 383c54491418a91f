// /volumes/...: list, create, inspect, remove, prune (runtime/volumes behind them).
#include "api/containers_routes.h"
#include "volumes/volume_store.h"

namespace berth::api {
namespace {

using nlohmann::json;
using volumes::VolumeStore;

Result<VolumeStore *> store_of(Daemon &d) {
    if (d.volumes == nullptr) return Error::of(ErrorKind::Unavailable, "the volume store is not available");
    return d.volumes;
}

Result<std::map<std::string, std::string>> string_map(const json &body, const char *key) {
    std::map<std::string, std::string> out;
    if (!body.contains(key) || body[key].is_null()) return out;
    if (!body[key].is_object())
        return Error::invalid(std::string("json: cannot unmarshal ") + body[key].type_name() +
                              " into Go struct field CreateOptions." + key + " of type map[string]string");
    for (const auto &[k, v] : body[key].items()) {
        if (!v.is_string())
            return Error::invalid(std::string("json: cannot unmarshal ") + v.type_name() +
                                  " into Go struct field CreateOptions." + key + " of type string");
        out[k] = v.get<std::string>();
    }
    return out;
}

void list(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        VolumeStore *store = TRY(store_of(d));
        const Filters filters = TRY(req.filters());
        TRY(filters.validate({"name", "label", "dangling", "driver"}));
        const auto dangling = TRY(filters.get_bool("dangling"));
        json out = json::array();
        for (const auto &v : store->list()) {
            if (filters.contains("name")) {
                bool any = false;
                for (const auto &n : filters.values("name")) any = any || v.name.find(n) != std::string::npos;
                if (!any) continue;
            }
            if (filters.contains("driver") && !filters.values("driver").count(v.driver)) continue;
            if (!filters.match_labels("label", v.labels)) continue;
            if (dangling && store->users(v.name).empty() != *dangling) continue;
            out.push_back(volumes::to_api_json(v));
        }
        return json{{"Volumes", out}, {"Warnings", json::array()}};
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void create(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        VolumeStore *store = TRY(store_of(d));
        const json body = TRY(req.json_body(true));
        if (!body.is_object()) return Error::invalid("invalid JSON: the request body must be an object");
        if (body.contains("Name") && !body["Name"].is_string() && !body["Name"].is_null())
            return Error::invalid("json: cannot unmarshal " + std::string(body["Name"].type_name()) +
                                  " into Go struct field CreateOptions.Name of type string");
        const std::string driver = body.value("Driver", std::string());
        if (!driver.empty() && driver != "local")
            return Error::not_found("error looking up volume plugin " + driver + ": plugin \"" + driver + "\" not found");
        const auto labels = TRY(string_map(body, "Labels"));
        const auto options = TRY(string_map(body, "DriverOpts"));
        auto v = TRY(store->create(body.value("Name", std::string()), labels, options));
        return volumes::to_api_json(v);
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::created, *out);
}

void inspect(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        VolumeStore *store = TRY(store_of(d));
        return volumes::to_api_json(TRY(store->get(req.param("name"))));
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void remove(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        VolumeStore *store = TRY(store_of(d));
        return store->remove(req.param("name"), req.query.get_bool("force"));
    };
    if (auto r = run(); !r) return w.error(r.error());
    w.no_content();
}

void prune(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        VolumeStore *store = TRY(store_of(d));
        const Filters filters = TRY(req.filters());
        TRY(filters.validate({"label", "label!", "all"}));
        const auto all = TRY(filters.get_bool("all"));
        auto report = TRY(store->prune(
            [&](const volumes::Volume &v) {
                if (!filters.match_labels("label", v.labels)) return false;
                for (const auto &l : filters.values("label!")) {
                    const auto eq = l.find('=');
                    auto it = v.labels.find(l.substr(0, eq));
                    if (it != v.labels.end() && (eq == std::string::npos || it->second == l.substr(eq + 1))) return false;
                }
                return true;
            },
            all.value_or(false)));
        return json{{"VolumesDeleted", report.deleted.empty() ? json(nullptr) : json(report.deleted)},
                    {"SpaceReclaimed", report.space_reclaimed}};
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

}  // namespace

void register_volume_routes(Router &router, Daemon &d) {
    auto bind = [&d](void (*fn)(Daemon &, Request &, ResponseWriter &)) {
        return [&d, fn](Request &req, ResponseWriter &w) { fn(d, req, w); };
    };
    router.add("GET", "/volumes", bind(list));
    router.add("POST", "/volumes/create", bind(create));
    router.add("POST", "/volumes/prune", bind(prune));
    router.add("GET", "/volumes/{name}", bind(inspect));
    router.add("DELETE", "/volumes/{name}", bind(remove));
}

}  // namespace berth::api
