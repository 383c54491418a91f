#include "images/worker_registry_client.h"

#include <signal.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "images/registry_wire.h"
#include "util/child_process.h"
#include "util/json_lines.h"

namespace berth::images {

namespace {

using nlohmann::json;

class WorkerRegistryClient final : public RegistryClient {
public:
    explicit WorkerRegistryClient(util::ChildProcess worker) : worker_(std::move(worker)) {
        reader_ = std::thread([this] { read_replies(); });
    }

    ~WorkerRegistryClient() override {
        // Nothing the worker holds is worth waiting for: blob files of an unfinished pull
        // are removed by the pull.
        worker_.kill(SIGKILL);
        reader_.join();
    }

    // The open request, answered as id 0.
    Result<void> open(const RegistryConfig &config, const Reference &repo, const std::optional<Credentials> &creds) {
        json req{{"op", "open"}, {"config", wire::to_json(config)}, {"repo", wire::to_json(repo)},
                 {"credentials", creds ? wire::to_json(*creds) : json()}};
        std::atomic<bool> never{false};
        TRY(call_with_id(0, std::move(req), nullptr, never));
        return {};
    }

    Result<Manifest> fetch_manifest(const Reference &ref, const Platform &platform) override {
        std::atomic<bool> never{false};
        auto r = TRY(call({{"op", "manifest"}, {"ref", wire::to_json(ref)}, {"platform", wire::to_json(platform)}},
                          nullptr, never));
        return wire::manifest_from(r);
    }

    Result<void> fetch_blob(const Descriptor &blob, const std::filesystem::path &dest,
                            const std::function<void(std::int64_t, std::int64_t)> &progress,
                            const std::atomic<bool> &cancel) override {
        auto on_progress = [&](const json &p) {
            if (p.is_array() && p.size() == 2 && p[0].is_number_integer() && p[1].is_number_integer())
                progress(p[0].get<std::int64_t>(), p[1].get<std::int64_t>());
        };
        TRY(call({{"op", "blob"}, {"descriptor", wire::to_json(blob)}, {"dest", dest.string()}}, on_progress, cancel));
        return {};
    }

    Result<std::vector<std::string>> list_tags() override { return string_list("tags"); }
    Result<std::vector<std::string>> catalog() override { return string_list("catalog"); }

private:
    struct Pending {
        std::function<void(const json &)> progress;
        std::optional<Result<json>> answer;
    };

    Result<std::vector<std::string>> string_list(const char *op) {
        std::atomic<bool> never{false};
        auto r = TRY(call({{"op", op}}, nullptr, never));
        if (!r.is_array()) return Error::internal(std::string("berth-worker answered ") + op + " with no list");
        std::vector<std::string> out;
        for (const auto &s : r)
            if (s.is_string()) out.push_back(s.get<std::string>());
        return out;
    }

    Result<json> call(json req, std::function<void(const json &)> progress, const std::atomic<bool> &cancel) {
        std::int64_t id;
        {
            std::lock_guard lock(mu_);
            id = next_id_++;
        }
        return call_with_id(id, std::move(req), std::move(progress), cancel);
    }

    Result<json> call_with_id(std::int64_t id, json req, std::function<void(const json &)> progress,
                              const std::atomic<bool> &cancel) {
        req["id"] = id;
        {
            std::lock_guard lock(mu_);
            if (dead_) return *dead_;
            pending_[id] = Pending{std::move(progress), std::nullopt};
            auto sent = util::write_json_line(worker_.stdin_fd(), req, "berth-worker (registry) stdin");
            if (!sent) {
                pending_.erase(id);
                return sent.error();
            }
        }
        std::unique_lock lock(mu_);
        bool cancel_sent = false;
        for (;;) {
            auto &p = pending_[id];
            if (p.answer) {
                Result<json> answer = std::move(*p.answer);
                pending_.erase(id);
                return answer;
            }
            if (cancel && !cancel_sent && !dead_) {
                cancel_sent = true;
                (void)util::write_json_line(worker_.stdin_fd(), {{"op", "cancel"}, {"id", id}},
                                            "berth-worker (registry) stdin");
            }
            // Woken by every answer; the timeout notices `cancel`.
            answered_.wait_for(lock, std::chrono::milliseconds(100));
        }
    }

    // One thread reads every reply and hands it to the call waiting for it.
    void read_replies() {
        util::JsonLineReader in(worker_.stdout_fd(), "berth-worker (registry)");
        Error why = Error::internal("the registry worker (berth-worker) exited before it answered");
        for (;;) {
            auto line = in.next();
            if (!line) {
                why = line.error();
                break;
            }
            if (!*line) break;
            const json &reply = **line;
            const std::int64_t id = reply.value("id", std::int64_t{-1});
            std::function<void(const json &)> progress;
            {
                std::lock_guard lock(mu_);
                auto it = pending_.find(id);
                if (it == pending_.end()) continue;  // a call that gave up (cancelled)
                if (reply.contains("result")) it->second.answer = Result<json>(reply["result"]);
                else if (reply.contains("error")) it->second.answer = Result<json>(util::error_from_json(reply["error"]));
                else progress = it->second.progress;
            }
            if (progress && reply.contains("progress")) progress(reply["progress"]);
            answered_.notify_all();
        }
        std::lock_guard lock(mu_);
        dead_ = why;
        for (auto &[id, p] : pending_)
            if (!p.answer) p.answer = Result<json>(why);
        answered_.notify_all();
    }

    util::ChildProcess worker_;
    std::thread reader_;
    std::mutex mu_;
    std::condition_variable answered_;
    std::map<std::int64_t, Pending> pending_;
    std::int64_t next_id_ = 1;
    std::optional<Error> dead_;
};

}  // namespace

RegistryClientFactory worker_registry_clients(std::filesystem::path worker_exe) {
    return [exe = std::move(worker_exe)](const RegistryConfig &config, const Reference &repo,
                                         std::optional<Credentials> creds) -> Result<std::unique_ptr<RegistryClient>> {
        if (exe.empty()) return Error::internal("berth-worker was not found beside berthd: cannot reach registries");
        util::ChildSpec spec;
        spec.exe = exe;
        spec.argv = {"berth-worker", "registry"};
        spec.pipe_stdin = true;
        spec.pipe_stdout = true;
        auto client = std::make_unique<WorkerRegistryClient>(TRY(util::ChildProcess::spawn(spec)));
        TRY(client->open(config, repo, creds));
        return std::unique_ptr<RegistryClient>(std::move(client));
    };
}

}  // namespace berth::images
