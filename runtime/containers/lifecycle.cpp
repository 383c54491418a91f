// Start, stop, kill, restart, pause/unpause, exits and restart policies, and what the
// daemon finds again at start. Each step is one call; the kernel work happens in the
// monitor (sandbox/) and in sandbox::cgroups.
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "containers/bundle_links.h"
#include "containers/monitor_launch.h"
#include "containers/networking.h"
#include "containers/rootfs_files.h"
#include "containers/service.h"
#include "containers/signals.h"
#include "containers/spec_builder.h"
#include "containers/time_format.h"
#include "containers/volume_copy_up.h"
#include "images/image_store.h"
#include "sandbox/cgroups.h"
#include "sandbox/spec.h"
#include "util/atomic_file.h"
#include "util/log.h"
#include "volumes/volume_store.h"

namespace berth::containers {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr auto kRestartBackoffStart = std::chrono::milliseconds(100);
constexpr auto kRestartBackoffMax = std::chrono::minutes(1);
constexpr auto kRestartResetAfter = std::chrono::seconds(10);

Error not_running(const Container &c) {
    return Error::conflict("Container " + c.id + " is not running");
}

std::string read_or_empty(const fs::path &p) {
    auto r = util::read_file(p);
    return r ? *r : std::string();
}

pid_t read_pid(const fs::path &p) {
    auto r = util::read_file(p);
    return r ? static_cast<pid_t>(std::atoi(r->c_str())) : 0;
}

}  // namespace

Result<void> ContainerService::prepare_bundle(Container &c) {
    const fs::path bundle = store_->dir(c.id);
    for (const char *d : {"upper", "work", "merged"}) {
        std::error_code ec;
        fs::create_directories(bundle / d, ec);
        if (ec) return Error{"create directory", (bundle / d).string(), ec.value(), {}, ErrorKind::Internal};
    }
    if (!opts_.images) return Error::internal("no image store");
    auto layers = TRY(opts_.images->layer_dirs(c.image_id));
    TRY(copy_up_at_start(layers, bundle, c.mounts));

    const std::string hostname = c.config.value("Hostname", std::string());
    const std::string domainname = c.config.value("Domainname", std::string());
    TRY(util::write_file_atomic(bundle / "hostname", hostname + "\n", 0644));
    TRY(util::write_file_atomic(bundle / "hosts", hosts_file_content(hostname, domainname), 0644));
    TRY(util::write_file_atomic(bundle / "resolv.conf",
                                resolv_conf_content(read_or_empty(opts_.host_resolv_conf)), 0644));

    // User names are looked up in the container's own /etc/passwd and /etc/group.
    std::string passwd, group;
    if (auto p = find_in_layers(layers, bundle / "upper", "etc/passwd")) passwd = read_or_empty(*p);
    if (auto g = find_in_layers(layers, bundle / "upper", "etc/group")) group = read_or_empty(*g);
    std::vector<std::string> group_add;
    if (c.host_config.contains("GroupAdd") && c.host_config["GroupAdd"].is_array())
        for (const auto &g : c.host_config["GroupAdd"])
            if (g.is_string()) group_add.push_back(g.get<std::string>());
    SpecInputs in;
    in.bundle = bundle_path(c.id);
    in.dir = bundle;
    in.layers = layers;
    in.user = TRY(resolve_user(c.config.value("User", std::string()), passwd, group, group_add));
    in.log_path = store_->log_path(c.id).string();
    auto spec = TRY(build_spec(c, in));
    spec.network = TRY(sandbox_network(c, *store_));
    TRY(sandbox::write_json_atomic((bundle / "spec.json").string(), json(spec)));
    return {};
}

Result<void> ContainerService::start(const std::string &id_or_name) {
    auto id = TRY(store_->resolve(id_or_name));
    auto op = store_->op_mutex(id);
    std::lock_guard lock(*op);
    return start_locked(id);
}

Result<void> ContainerService::start_locked(const std::string &id) {
    auto c = TRY(store_->get(id));
    if (c.state.running) return Error::of(ErrorKind::NotModified, "container already started");
    if (c.state.status == kStatusRemoving) return Error::conflict("container is marked for removal and cannot be started");
    if (c.state.dead) return Error::conflict("container is marked for removal and cannot be started");

    if (auto r = prepare_bundle(c); !r) {
        const Error e = r.error();
        (void)store_->update(id, [&](Container &x) { x.state.error = e.message(); });
        return e;
    }
    const fs::path bundle = bundle_path(id);
    {
        std::error_code ec;
        fs::create_directories(opts_.bundle_links, ec);
        fs::remove(bundle, ec);
        fs::create_directory_symlink(store_->dir(id), bundle, ec);
        if (ec) return Error{"link bundle", bundle.string(), ec.value(), {}, ErrorKind::Internal};
    }
    for (const char *stale : {"init.pid", "monitor.pid"}) ::unlink((bundle / stale).c_str());
    std::optional<Error> network_error;
    auto let_attach_in = [&] {
        // Interfaces, ports and names are set up while the container waits at its gate.
        network_error = networks_at_start_gate(*this, id);
        if (network_error) return;
        std::unique_lock lock(wait_mu_);
        gate_open_[id] = true;
        wait_cv_.notify_all();
        wait_cv_.wait_for(lock, std::chrono::seconds(5), [&] { return attach_pending_[id] <= 0; });
        gate_open_[id] = false;
    };
    auto started = launch_monitor(opts_.monitor_exe, bundle, let_attach_in);
    if (network_error) started = std::move(*network_error);
    if (!started) detach_networks(*this, id);
    if (!started) {
        Error e = std::move(started).error();
        const std::string msg = e.message();
        (void)store_->update(id, [&](Container &x) {
            x.state.error = msg;
            x.state.exit_code = e.kind == ErrorKind::InvalidArgument ? 127 : 128;
            x.state.restarting = false;
            if (x.state.status == kStatusRestarting) x.state.status = kStatusExited;
        });
        e.detail = "failed to create task for container: " + msg;
        e.op.clear();
        e.object.clear();
        e.err = 0;
        return e;
    }
    c = TRY(store_->update(id, [&](Container &x) {
        x.state.status = kStatusRunning;
        x.state.running = true;
        x.state.paused = false;
        x.state.restarting = false;
        x.state.oom_killed = false;
        x.state.dead = false;
        x.state.pid = started->pid;
        x.state.exit_code = 0;
        x.state.error.clear();
        x.state.started_at = now_rfc3339_nano();
        x.manually_stopped = false;
    }));
    watcher_->watch(id, started->monitor_pid);
    if (opts_.volumes)
        for (const auto &m : c.mounts)
            if (m.type == "volume")
                opts_.volumes->publish("mount", m.name, {{"container", id}, {"destination", m.destination},
                                                         {"read/write", m.rw ? "true" : "false"}});
    publish(c, "start");
    return {};
}

Result<void> ContainerService::signal_init(const Container &c, int sig) {
    // The init pid is only ours while its monitor lives; check before signalling so a
    // reused pid is never hit.
    const fs::path bundle = bundle_path(c.id);
    const pid_t mpid = read_pid(bundle / "monitor.pid");
    if (c.state.pid <= 0 || !is_monitor_of(mpid, bundle) || read_pid(bundle / "init.pid") != c.state.pid)
        return {};
    int fd = static_cast<int>(::syscall(SYS_pidfd_open, c.state.pid, 0));
    if (fd < 0) return {};  // already gone
    int r = static_cast<int>(::syscall(SYS_pidfd_send_signal, fd, sig, nullptr, 0));
    int err = errno;
    ::close(fd);
    if (r < 0 && err != ESRCH) return Error::sys("signal container init", std::to_string(c.state.pid), err);
    return {};
}

bool ContainerService::wait_stopped(const std::string &id, std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(wait_mu_);
    for (;;) {
        auto c = store_->get(id);
        if (!c || !c->state.running) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        wait_cv_.wait_until(lock, std::min(deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(200)));
    }
}

Result<void> ContainerService::stop(const std::string &id_or_name, std::optional<int> timeout) {
    auto id = TRY(store_->resolve(id_or_name));
    auto op = store_->op_mutex(id);
    std::lock_guard lock(*op);
    return stop_locked(id, timeout);
}

Result<void> ContainerService::stop_locked(const std::string &id, std::optional<int> timeout) {
    auto c = TRY(store_->get(id));
    if (!c.state.running) {
        if (c.state.restarting) {
            c = TRY(store_->update(id, [](Container &x) {
                x.state.restarting = false;
                x.state.status = kStatusExited;
                x.manually_stopped = true;
            }));
            publish(c, "stop");
            return {};
        }
        return Error::of(ErrorKind::NotModified, "container already stopped");
    }
    c = TRY(store_->update(id, [](Container &x) { x.manually_stopped = true; }));
    const std::string stop_signal = c.config.value("StopSignal", std::string());
    const int sig = stop_signal.empty() ? SIGTERM : parse_signal(stop_signal).ok() ? *parse_signal(stop_signal) : SIGTERM;
    int seconds = 10;
    if (timeout) seconds = *timeout;
    else if (c.config.contains("StopTimeout") && c.config["StopTimeout"].is_number_integer())
        seconds = c.config["StopTimeout"].get<int>();

    publish(c, "kill", {{"signal", std::to_string(sig)}});
    TRY(signal_init(c, sig));
    if (c.state.paused)
        if (auto cg = sandbox::cgroups::Cgroup::open(sandbox::cgroups::default_path(id)); cg) (void)cg->thaw();
    const auto far = std::chrono::steady_clock::now() + std::chrono::hours(24 * 365);
    const auto deadline = seconds < 0 ? far : std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    if (!wait_stopped(id, deadline)) {
        publish(c, "kill", {{"signal", std::to_string(SIGKILL)}});
        TRY(signal_init(c, SIGKILL));
        if (!wait_stopped(id, std::chrono::steady_clock::now() + std::chrono::seconds(30)))
            return Error::internal("container " + id + " did not stop after SIGKILL");
    }
    publish(c, "stop");
    return {};
}

Result<void> ContainerService::kill(const std::string &id_or_name, const std::string &signal) {
    auto id = TRY(store_->resolve(id_or_name));
    const int sig = signal.empty() ? SIGKILL : TRY(parse_signal(signal));
    auto op = store_->op_mutex(id);
    std::lock_guard lock(*op);
    auto c = TRY(store_->get(id));
    if (!c.state.running) return Error::conflict("Cannot kill container: " + id_or_name + ": Container " + id + " is not running");
    if (sig == SIGKILL || sig == SIGTERM || sig == SIGINT)
        c = TRY(store_->update(id, [](Container &x) { x.manually_stopped = true; }));
    publish(c, "kill", {{"signal", std::to_string(sig)}});
    TRY(signal_init(c, sig));
    if (sig == SIGKILL) {
        // A frozen task only dies once thawed.
        if (c.state.paused)
            if (auto cg = sandbox::cgroups::Cgroup::open(sandbox::cgroups::default_path(id)); cg) (void)cg->thaw();
        (void)wait_stopped(id, std::chrono::steady_clock::now() + std::chrono::seconds(10));
    }
    return {};
}

Result<void> ContainerService::restart(const std::string &id_or_name, std::optional<int> timeout) {
    auto id = TRY(store_->resolve(id_or_name));
    auto op = store_->op_mutex(id);
    std::lock_guard lock(*op);
    if (auto r = stop_locked(id, timeout); !r && r.error().kind != ErrorKind::NotModified) return r;
    TRY(start_locked(id));
    auto c = TRY(store_->get(id));
    publish(c, "restart");
    return {};
}

Result<void> ContainerService::pause(const std::string &id_or_name) {
    auto id = TRY(store_->resolve(id_or_name));
    auto op = store_->op_mutex(id);
    std::lock_guard lock(*op);
    auto c = TRY(store_->get(id));
    if (!c.state.running) return not_running(c);
    if (c.state.paused) return Error::conflict("Container " + id + " is already paused");
    auto cg = TRY(sandbox::cgroups::Cgroup::open(sandbox::cgroups::default_path(id)));
    TRY(cg.freeze());
    c = TRY(store_->update(id, [](Container &x) {
        x.state.paused = true;
        x.state.status = kStatusPaused;
    }));
    publish(c, "pause");
    return {};
}

Result<void> ContainerService::unpause(const std::string &id_or_name) {
    auto id = TRY(store_->resolve(id_or_name));
    auto op = store_->op_mutex(id);
    std::lock_guard lock(*op);
    auto c = TRY(store_->get(id));
    if (!c.state.running) return not_running(c);
    if (!c.state.paused) return Error::conflict("Container " + id + " is not paused");
    auto cg = TRY(sandbox::cgroups::Cgroup::open(sandbox::cgroups::default_path(id)));
    TRY(cg.thaw());
    c = TRY(store_->update(id, [](Container &x) {
        x.state.paused = false;
        x.state.status = kStatusRunning;
    }));
    publish(c, "unpause");
    return {};
}

void ContainerService::on_monitor_exit(const std::string &id) {
    auto existing = store_->get(id);
    if (!existing || !existing->state.running) return;
    const fs::path bundle = store_->dir(id);
    sandbox::ExitStatus st;
    bool dead = false;
    if (auto r = sandbox::load_exit_status((bundle / "exit.json").string()); r) {
        st = *r;
    } else {
        // The monitor died without recording an exit (killed): Docker's "dead" state.
        dead = true;
        st.exit_code = 255;
        st.finished_at = now_rfc3339_nano();
        st.error = "the container's monitor exited without recording the container's exit";
        if (auto cg = sandbox::cgroups::Cgroup::open(sandbox::cgroups::default_path(id)); cg) (void)cg->remove();
    }
    detach_networks(*this, id);
    auto c = store_->update(id, [&](Container &x) {
        x.state.running = false;
        x.state.paused = false;
        x.state.pid = 0;
        x.state.status = kStatusExited;
        x.state.exit_code = st.exit_code;
        x.state.oom_killed = st.oom_killed;
        x.state.finished_at = st.finished_at.empty() ? now_rfc3339_nano() : st.finished_at;
        x.state.error = st.error;
        (void)dead;
    });
    if (!c) {
        log::error("record exit of container " + id + ": " + c.error().message());
        return;
    }
    {
        std::lock_guard lock(wait_mu_);
        last_exit_[id] = st.exit_code;
        ++exit_seq_[id];
    }
    notify_waiters();
    if (st.oom_killed) publish(*c, "oom");
    publish(*c, "die", {{"exitCode", std::to_string(st.exit_code)}});
    after_exit(id);
}

void ContainerService::after_exit(const std::string &id) {
    auto c = store_->get(id);
    if (!c || c->state.status == kStatusRemoving) return;
    const json &rp = c->host_config.value("RestartPolicy", json::object());
    const std::string policy = rp.value("Name", std::string("no"));
    const int max_retries = rp.value("MaximumRetryCount", 0);
    bool restart = false;
    if (!c->manually_stopped) {
        if (policy == "always" || policy == "unless-stopped") restart = true;
        else if (policy == "on-failure")
            restart = c->state.exit_code != 0 && (max_retries == 0 || c->restart_count < max_retries);
    }
    if (restart) {
        auto ran = std::chrono::nanoseconds(0);
        auto s = parse_rfc3339_nano(c->state.started_at), f = parse_rfc3339_nano(c->state.finished_at);
        if (s && f) ran = std::chrono::nanoseconds(*f - *s);
        std::chrono::milliseconds delay;
        {
            std::lock_guard lock(wait_mu_);
            auto &b = backoff_[id];
            if (b.count() == 0 || ran >= kRestartResetAfter) b = kRestartBackoffStart;
            delay = b;
            b = std::min<std::chrono::milliseconds>(b * 2, kRestartBackoffMax);
        }
        (void)store_->update(id, [](Container &x) {
            x.state.restarting = true;
            x.state.status = kStatusRestarting;
        });
        schedule(std::chrono::steady_clock::now() + delay, [this, id] {
            auto op = store_->op_mutex(id);
            std::lock_guard lock(*op);
            auto now = store_->get(id);
            if (!now || !now->state.restarting) return;  // stopped or removed meanwhile
            (void)store_->update(id, [](Container &x) { ++x.restart_count; });
            if (auto r = start_locked(id); !r) {
                log::warn("restart container " + id + ": " + r.error().message());
                (void)store_->update(id, [](Container &x) {
                    x.state.restarting = false;
                    x.state.status = kStatusExited;
                });
            }
        });
        return;
    }
    if (c->host_config.value("AutoRemove", false)) {
        schedule(std::chrono::steady_clock::now(), [this, id] {
            auto op = store_->op_mutex(id);
            std::lock_guard lock(*op);
            auto now = store_->get(id);
            if (!now || now->state.running) return;
            if (auto r = remove_locked(id, true); !r)
                log::warn("auto-remove container " + id + ": " + r.error().message());
        });
    }
}

void ContainerService::recover() {
    recover_networks(*this);
    for (const auto &c : store_->list()) {
        if (c.state.status == kStatusRemoving) {
            auto op = store_->op_mutex(c.id);
            std::lock_guard lock(*op);
            (void)remove_locked(c.id, true);
            continue;
        }
        if (!c.state.running) continue;
        const fs::path bundle = bundle_path(c.id);
        const pid_t mpid = read_pid(store_->dir(c.id) / "monitor.pid");
        if (is_monitor_of(mpid, bundle)) {
            log::info("container " + c.short_id() + " still running (monitor " + std::to_string(mpid) + ")");
            watcher_->watch(c.id, mpid);
        } else {
            on_monitor_exit(c.id);  // exited while berthd was down
        }
    }
    // Links left by a daemon killed before it could remove them: ours of containers that
    // are not running (start makes them again), and anyone's whose directory is gone.
    sweep_bundle_links(opts_.bundle_links, store_->dir("x").parent_path(), [this](const std::string &id) {
        auto c = store_->get(id);
        return c && c->state.running;
    });
    // `always` comes back with the daemon; `unless-stopped` only if the user didn't stop it.
    for (const auto &c : store_->list()) {
        if (c.state.running || c.state.restarting || c.state.status == kStatusCreated) continue;
        const std::string policy = c.host_config.value("RestartPolicy", json::object()).value("Name", std::string());
        if (policy == "always" || (policy == "unless-stopped" && !c.manually_stopped)) {
            if (auto r = start(c.id); !r) log::warn("restart container " + c.short_id() + ": " + r.error().message());
        }
    }
}

}  // namespace berth::containers
