// berth-worker registry: one RegistryClient for one repository, driven over JSON lines.
//   stdin:  {"op":"open","config":{...},"repo":{...},"credentials":{...}|null}  (first line)
//           {"id":N,"op":"manifest","ref":{...},"platform":{...}}
//           {"id":N,"op":"blob","descriptor":{...},"dest":"/path"}
//           {"id":N,"op":"tags"} {"id":N,"op":"catalog"} {"op":"cancel","id":N}
//   stdout: {"id":N,"progress":[done,total]} and, last for each id, {"id":N,"result":...}
//           or {"id":N,"error":{...}}; the open is answered as id 0.
// Requests run at once, each on its own thread (pull downloads a few blobs in parallel);
// the end of stdin cancels whatever still runs, and the worker exits when all have answered.
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "images/registry_wire.h"
#include "registry/distribution_client.h"
#include "util/json_lines.h"
#include "worker/worker_modes.h"

namespace berth::worker {

namespace {

using nlohmann::json;
using namespace berth::images;

class Replies {
public:
    void send(json j) {
        std::lock_guard lock(mu_);
        // A write error means berthd is gone; the jobs end when their cancel flags are set.
        (void)util::write_json_line(1, j, "registry worker stdout");
    }
    void result(std::int64_t id, json value) { send({{"id", id}, {"result", std::move(value)}}); }
    void error(std::int64_t id, const Error &e) { send({{"id", id}, {"error", util::error_to_json(e)}}); }

private:
    std::mutex mu_;
};

Result<json> run_request(RegistryClient &client, const json &req, Replies &out, std::int64_t id,
                         const std::atomic<bool> &cancel) {
    const std::string op = req.value("op", "");
    if (op == "manifest") {
        const Reference ref = TRY(wire::reference_from(req.value("ref", json())));
        const Platform platform = TRY(wire::platform_from(req.value("platform", json())));
        return wire::to_json(TRY(client.fetch_manifest(ref, platform)));
    }
    if (op == "blob") {
        const Descriptor blob = TRY(wire::descriptor_from(req.value("descriptor", json())));
        const std::string dest = req.value("dest", "");
        if (dest.empty() || dest.front() != '/') return Error::invalid("blob request without an absolute dest");
        TRY(client.fetch_blob(blob, dest,
                              [&](std::int64_t done, std::int64_t total) {
                                  out.send({{"id", id}, {"progress", {done, total}}});
                              },
                              cancel));
        return json::object();
    }
    if (op == "tags") return json(TRY(client.list_tags()));
    if (op == "catalog") return json(TRY(client.catalog()));
    return Error::invalid("unknown registry worker request \"" + op + "\"");
}

Result<std::unique_ptr<RegistryClient>> open_client(const json &open) {
    if (open.value("op", "") != "open") return Error::invalid("the registry worker's first request must be open");
    const RegistryConfig config = TRY(wire::config_from(open.value("config", json())));
    const Reference repo = TRY(wire::reference_from(open.value("repo", json())));
    std::optional<Credentials> creds;
    if (open.contains("credentials") && !open["credentials"].is_null())
        creds = TRY(wire::credentials_from(open["credentials"]));
    return open_distribution_client(config, repo, std::move(creds));
}

}  // namespace

int run_registry(const std::vector<std::string> &) {
    Replies out;
    util::JsonLineReader in(0, "berthd's registry requests");
    auto first = in.next();
    if (!first || !*first) return 1;
    auto client = open_client(**first);
    if (!client) {
        out.error(0, client.error());
        return 0;
    }
    out.result(0, json::object());

    std::mutex mu;  // guards `cancels`
    std::map<std::int64_t, std::shared_ptr<std::atomic<bool>>> cancels;
    std::vector<std::thread> jobs;
    for (;;) {
        auto line = in.next();
        if (!line || !*line) break;  // berthd closed the pipe or sent garbage: stop
        const json req = std::move(**line);
        const std::int64_t id = req.value("id", std::int64_t{0});
        if (req.value("op", "") == "cancel") {
            std::lock_guard lock(mu);
            if (auto it = cancels.find(id); it != cancels.end()) *it->second = true;
            continue;
        }
        auto cancel = std::make_shared<std::atomic<bool>>(false);
        {
            std::lock_guard lock(mu);
            cancels[id] = cancel;
        }
        jobs.emplace_back([&, req, id, cancel] {
            auto r = run_request(**client, req, out, id, *cancel);
            if (r) out.result(id, std::move(*r));
            else out.error(id, r.error());
            std::lock_guard lock(mu);
            cancels.erase(id);
        });
    }
    {
        std::lock_guard lock(mu);
        for (auto &[id, flag] : cancels) *flag = true;
    }
    for (auto &t : jobs) t.join();
    return 0;
}

}  // namespace berth::worker
