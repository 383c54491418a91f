// GET /containers/json and GET /containers/{id}/json for the service.
#include <sys/stat.h>

#include <set>

#include "common/reference.h"
#include "containers/inspect_json.h"
#include "containers/service.h"
#include "images/image_store.h"

namespace berth::containers {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::uint64_t tree_size(const fs::path &p) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) == 0 && S_ISREG(st.st_mode)) total += static_cast<std::uint64_t>(st.st_size);
    }
    return total;
}

bool label_match(const std::string &filter, const json &labels) {
    const auto eq = filter.find('=');
    const std::string key = filter.substr(0, eq);
    if (!labels.is_object() || !labels.contains(key)) return false;
    return eq == std::string::npos || labels[key] == filter.substr(eq + 1);
}

}  // namespace

Result<json> ContainerService::inspect(const std::string &id_or_name, bool size) {
    auto c = TRY(store_->get(id_or_name));
    InspectPaths p;
    p.bundle = store_->dir(c.id);
    p.log_path = store_->log_path(c.id).string();
    if (opts_.images)
        if (auto layers = opts_.images->layer_dirs(c.image_id); layers)
            for (auto it = layers->rbegin(); it != layers->rend(); ++it)
                p.lower_dirs += (p.lower_dirs.empty() ? "" : ":") + it->string();
    json out = inspect_json(c, p);
    if (size) {
        out["SizeRw"] = tree_size(p.bundle / "upper");
        std::int64_t image_size = 0;
        if (opts_.images)
            if (auto img = opts_.images->resolve(c.image_id); img) image_size = img->size;
        out["SizeRootFs"] = static_cast<std::int64_t>(out["SizeRw"].get<std::uint64_t>()) + image_size;
    }
    return out;
}

Result<json> ContainerService::list(const ListOptions &o) {
    static const std::set<std::string> allowed = {"status", "name", "label", "ancestor", "id", "exited",
                                                  "before", "since", "volume", "health", "network",
                                                  "publish", "expose", "is-task"};
    for (const auto &[k, v] : o.filters)
        if (!allowed.count(k)) return Error::invalid("invalid filter '" + k + "'");
    static const std::set<std::string> statuses = {"created", "restarting", "running", "removing",
                                                   "paused", "exited", "dead"};
    auto values = [&](const char *k) -> const std::vector<std::string> * {
        auto it = o.filters.find(k);
        return it == o.filters.end() || it->second.empty() ? nullptr : &it->second;
    };
    if (auto s = values("status"))
        for (const auto &v : *s)
            if (!statuses.count(v))
                return Error::invalid("invalid filter 'status=" + v + "'");
    std::vector<int> exited_codes;
    if (auto e = values("exited"))
        for (const auto &v : *e) {
            if (v.empty() || v.find_first_not_of("-0123456789") != std::string::npos)
                return Error::invalid("invalid filter 'exited=" + v + "'");
            exited_codes.push_back(std::stoi(v));
        }
    // ancestor: an image name or ID; matches containers of that image.
    std::set<std::string> ancestor_ids;
    if (auto a = values("ancestor"))
        for (const auto &v : *a)
            if (opts_.images)
                if (auto img = opts_.images->resolve(v); img) ancestor_ids.insert(img->id);

    json out = json::array();
    int n = 0;
    const bool implicit_all = values("status") || values("exited");
    for (const auto &c : store_->list()) {
        if (!o.all && !implicit_all && !c.state.running && o.limit <= 0) continue;
        if (auto s = values("status")) {
            bool any = false;
            for (const auto &v : *s) any = any || v == c.state.status;
            if (!any) continue;
        }
        if (auto names = values("name")) {
            bool any = false;
            for (const auto &v : *names) any = any || c.name.find(v) != std::string::npos;
            if (!any) continue;
        }
        if (auto ids = values("id")) {
            bool any = false;
            for (const auto &v : *ids) any = any || c.id.rfind(v, 0) == 0;
            if (!any) continue;
        }
        if (auto labels = values("label")) {
            bool all_match = true;
            for (const auto &v : *labels) all_match = all_match && label_match(v, c.config.value("Labels", json::object()));
            if (!all_match) continue;
        }
        if (values("ancestor")) {
            bool any = ancestor_ids.count(c.image_id) > 0;
            for (const auto &v : *values("ancestor")) any = any || c.config.value("Image", std::string()) == v;
            if (!any) continue;
        }
        if (!exited_codes.empty()) {
            if (c.state.running || c.state.started_at.empty()) continue;
            bool any = false;
            for (int code : exited_codes) any = any || code == c.state.exit_code;
            if (!any) continue;
        }
        if (auto vols = values("volume")) {
            bool any = false;
            for (const auto &v : *vols)
                for (const auto &m : c.mounts) any = any || m.name == v || m.destination == v || m.source == v;
            if (!any) continue;
        }
        if (o.limit > 0 && n >= o.limit) break;
        json s = summary_json(c);
        if (o.size) {
            const auto rw = tree_size(store_->dir(c.id) / "upper");
            s["SizeRw"] = rw;
            std::int64_t image_size = 0;
            if (opts_.images)
                if (auto img = opts_.images->resolve(c.image_id); img) image_size = img->size;
            s["SizeRootFs"] = static_cast<std::int64_t>(rw) + image_size;
        }
        out.push_back(std::move(s));
        ++n;
    }
    return out;
}

}  // namespace berth::containers
