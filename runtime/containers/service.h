// The container subsystem as the API sees it: create, start, stop, kill, restart, pause,
// wait, remove, list, inspect, rename. Owns the record store, watches the monitors for
// exits, applies restart policies, and publishes container events. Thread-safe: every
// operation on one container is serialised by that container's lock.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "containers/container.h"
#include "containers/exit_watcher.h"
#include "containers/store.h"

namespace berth::images {
class ImageStore;
}
namespace berth::volumes {
class VolumeStore;
}
namespace berth::events {
class EventBus;
}
namespace berth::network {
class NetworkService;
class PortPublisher;
class DnsServer;
}

namespace berth::containers {

struct ServiceOptions {
    std::filesystem::path root;                      // daemon root
    images::ImageStore *images = nullptr;
    volumes::VolumeStore *volumes = nullptr;
    events::EventBus *events = nullptr;
    network::NetworkService *networks = nullptr;  // none: containers get only lo
    network::PortPublisher *ports = nullptr;
    network::DnsServer *dns = nullptr;
    // What runs `berthd monitor` and `berthd exec-process`: find_monitor_executable().
    std::filesystem::path monitor_exe = "/proc/self/exe";
    std::filesystem::path host_resolv_conf = "/etc/resolv.conf";
    // Short symlinks to the container directories: the monitor's attach socket path must
    // fit in sockaddr_un's 108 bytes, which <root>/containers/<64 hex>/ may not.
    std::filesystem::path bundle_links = "/run/berth/c";
};

struct CreateResult {
    std::string id;
    std::vector<std::string> warnings;
};

enum class WaitCondition { NotRunning, NextExit, Removed };

struct ListOptions {
    bool all = false;
    int limit = -1;
    bool size = false;
    std::map<std::string, std::vector<std::string>> filters;  // key -> values
};

struct Counts {
    int total = 0, running = 0, paused = 0, stopped = 0;
};

class ContainerService {
public:
    static Result<std::unique_ptr<ContainerService>> open(ServiceOptions options);
    ~ContainerService();

    // At daemon start: finds live monitors, records exits that happened while berthd was
    // down, restarts `always`/`unless-stopped` containers.
    void recover();

    Result<CreateResult> create(const nlohmann::json &body, const std::string &name);
    Result<void> start(const std::string &id_or_name);
    // timeout: seconds before SIGKILL (nullopt: StopTimeout or 10; -1 waits forever).
    Result<void> stop(const std::string &id_or_name, std::optional<int> timeout);
    Result<void> kill(const std::string &id_or_name, const std::string &signal);
    Result<void> restart(const std::string &id_or_name, std::optional<int> timeout);
    Result<void> pause(const std::string &id_or_name);
    Result<void> unpause(const std::string &id_or_name);
    // Blocks until the condition holds; returns the exit code. `gone` lets the caller
    // give up when its client disconnects (checked a few times a second); `on_ready` runs
    // once the wait is registered (the API flushes its response header then).
    Result<int> wait(const std::string &id_or_name, WaitCondition condition,
                     const std::function<bool()> &gone, const std::function<void()> &on_ready = {});
    Result<void> remove(const std::string &id_or_name, bool force, bool remove_volumes);
    Result<void> rename(const std::string &id_or_name, const std::string &new_name);

    Result<nlohmann::json> inspect(const std::string &id_or_name, bool size);
    Result<nlohmann::json> list(const ListOptions &options);
    Result<Container> get(const std::string &id_or_name) const { return store_->get(id_or_name); }
    Counts counts() const;

    // Whether any container uses the image / which containers use a volume.
    bool image_in_use(const std::string &image_id) const;
    std::vector<std::string> volume_users(const std::string &volume) const;

    // Attach: a client that wants a container's first output registers before start and
    // is let in while the container waits at its start gate. `attach_wait` returns the
    // attach socket to connect to once the container is running or gated; false if it
    // ended, was removed, or `gone` said the client left.
    void attach_register(const std::string &id);
    void attach_unregister(const std::string &id);
    bool attach_wait(const std::string &id, const std::function<bool()> &gone);
    std::filesystem::path attach_socket(const std::string &id) const { return bundle_path(id) / "attach.sock"; }
    // The bundle as the monitor knows it (a short link to the container directory).
    std::filesystem::path bundle_path(const std::string &id) const { return opts_.bundle_links / id; }

    ContainerStore &store() { return *store_; }
    const ServiceOptions &options() const { return opts_; }
    void publish(const Container &c, const std::string &action,
                 std::map<std::string, std::string> extra = {}) const;

private:
    explicit ContainerService(ServiceOptions o) : opts_(std::move(o)) {}

    Result<void> start_locked(const std::string &id);
    Result<void> stop_locked(const std::string &id, std::optional<int> timeout);
    Result<void> remove_locked(const std::string &id, bool remove_volumes);
    Result<void> prepare_bundle(Container &c);
    Result<void> signal_init(const Container &c, int sig);
    // Waits until the container is no longer running (true) or the deadline passes.
    bool wait_stopped(const std::string &id, std::chrono::steady_clock::time_point deadline);
    void on_monitor_exit(const std::string &id);
    void after_exit(const std::string &id);
    void schedule(std::chrono::steady_clock::time_point when, std::function<void()> task);
    void scheduler_loop();
    void notify_waiters();

    ServiceOptions opts_;
    std::unique_ptr<ContainerStore> store_;
    std::unique_ptr<ExitWatcher> watcher_;

    // Exit bookkeeping for wait(): bumped on every exit and removal.
    mutable std::mutex wait_mu_;
    std::condition_variable wait_cv_;
    std::map<std::string, std::uint64_t> exit_seq_;
    std::map<std::string, int> last_exit_;
    std::map<std::string, bool> removed_;
    std::map<std::string, int> attach_pending_;  // attach clients not yet connected
    std::map<std::string, bool> gate_open_;      // the container waits at its start gate

    // Restart backoff per container (Docker: 100 ms doubling, reset after 10 s up).
    std::map<std::string, std::chrono::milliseconds> backoff_;

    // Delayed work: restarts, AutoRemove.
    std::mutex sched_mu_;
    std::condition_variable sched_cv_;
    std::multimap<std::chrono::steady_clock::time_point, std::function<void()>> tasks_;
    bool stopping_ = false;
    std::thread scheduler_;
};

}  // namespace berth::containers
