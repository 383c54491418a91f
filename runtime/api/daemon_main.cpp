#include "api/daemon_main.h"

#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <iostream>
#include <thread>

#include "api/daemon_options.h"
#include "api/engine_id.h"
#include "api/routes.h"
#include "api/server.h"
#include "api/unix_listener.h"
#include "api/version.h"
#include "containers/exec_service.h"
#include "containers/monitor_launch.h"
#include "containers/service.h"
#include "events/event_bus.h"
#include "images/image_store.h"
#include "images/worker_registry_client.h"
#include "images/worker_unpack.h"
#include "network/dns/dns_server.h"
#include "network/network_service.h"
#include "network/ports/port_publisher.h"
#include "util/child_process.h"
#include "util/lock_file.h"
#include "util/log.h"
#include "volumes/volume_store.h"

namespace berth::api {
namespace {

int fail(const std::string &what) {
    log::error(what);
    return 1;
}

// Waits for SIGTERM/SIGINT on a thread of its own (the signals are blocked everywhere
// else), so shutdown runs as ordinary code instead of inside a signal handler.
class SignalWaiter {
public:
    template <class F>
    explicit SignalWaiter(F on_stop) {
        thread_ = std::thread([this, on_stop] {
            for (;;) {
                int sig = 0;
                if (::sigwait(&set(), &sig) != 0) continue;
                if (sig == SIGHUP) {
                    log::info("received SIGHUP: nothing to reload");
                    continue;
                }
                if (!quiet_) log::info(std::string("received SIG") + ::sigabbrev_np(sig) + ", shutting down");
                on_stop();
                return;
            }
        });
    }
    ~SignalWaiter() {
        // If the server ended on its own the thread still waits: wake it with a signal
        // only it can receive (every thread blocks them; sigwait takes them).
        quiet_ = true;
        if (thread_.joinable()) {
            ::pthread_kill(thread_.native_handle(), SIGTERM);
            thread_.join();
        }
    }
    static const sigset_t &set() {
        static const sigset_t s = [] {
            sigset_t x;
            sigemptyset(&x);
            sigaddset(&x, SIGTERM);
            sigaddset(&x, SIGINT);
            sigaddset(&x, SIGHUP);
            return x;
        }();
        return s;
    }

private:
    std::thread thread_;
    std::atomic<bool> quiet_{false};
};

}  // namespace

int run_daemon(int argc, char **argv) {
    auto parsed = parse_daemon_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed) {
        std::cerr << "berthd: " << parsed.error().message() << "\n";
        return 2;
    }
    if (parsed->show_help) {
        std::cout << daemon_usage();
        return 0;
    }
    if (parsed->show_version) {
        std::cout << "berthd version " << berth_version() << "\n";
        return 0;
    }

    Daemon daemon;
    daemon.config = parsed->config;
    const DaemonConfig &cfg = daemon.config;
    if (auto r = log::configure(*log::parse_level(cfg.log_level), true, cfg.log_file); !r)
        return fail("berthd: " + r.error().message());

    // Block the shutdown signals before any thread exists so every thread inherits the mask.
    // Processes berthd spawns must reset mask and dispositions (POSIX_SPAWN_SETSIGMASK,
    // POSIX_SPAWN_SETSIGDEF).
    ::pthread_sigmask(SIG_BLOCK, &SignalWaiter::set(), nullptr);
    // Writes to a departed client must fail with EPIPE, not kill the daemon.
    ::signal(SIGPIPE, SIG_IGN);
    // A thread per connection would otherwise get a malloc arena each (up to 8 per core),
    // and memory freed in one arena is never reused by the others: two arenas keep the
    // idle daemon small at no measurable cost to a daemon this lightly contended.
    ::mallopt(M_ARENA_MAX, 2);

    std::error_code ec;
    std::filesystem::create_directories(cfg.root, ec);
    if (ec) return fail("create root `" + cfg.root.string() + "`: " + ec.message());
    ::chmod(cfg.root.c_str(), 0711);
    auto lock = util::LockFile::acquire(cfg.root / "berthd.lock");
    if (!lock) return fail("berthd cannot start: " + lock.error().message());

    auto engine_id = load_or_create_engine_id(cfg.root);
    if (!engine_id) return fail("berthd cannot start: " + engine_id.error().message());
    daemon.engine_id = *engine_id;

    // The registry client and the layer unpacker run in berth-worker processes: berthd
    // itself never loads libcurl or libarchive (worker/worker_modes.h says why).
    const auto worker_exe = util::sibling_executable("berth-worker");
    if (worker_exe.empty()) log::warn("berth-worker is not installed beside berthd: pulls will fail");
    daemon.registry_clients = images::worker_registry_clients(worker_exe);
    auto store = images::ImageStore::open(cfg.root / "image", images::worker_layer_unpacker(worker_exe));
    if (!store) return fail("berthd cannot start: open image store: " + store.error().message());
    events::EventBus bus;
    daemon.images = store->get();
    daemon.events = &bus;

    auto volume_store = volumes::VolumeStore::open(cfg.root, &bus);
    if (!volume_store) return fail("berthd cannot start: open volume store: " + volume_store.error().message());
    daemon.volumes = volume_store->get();

    network::NetworkServiceOptions network_options;
    network_options.root = cfg.root;
    network_options.events = &bus;
    network_options.default_bridge = cfg.bridge_name;
    // Its own nftables table per root: berthds with private roots (tests) never clear each other's.
    auto port_publisher = network::PortPublisher::open({.nft_table = network::nft_table_for_root(cfg.root)});
    if (!port_publisher) return fail("berthd cannot start: published ports: " + port_publisher.error().message());
    network_options.ports = port_publisher->get();
    auto network_service = network::NetworkService::open(network_options);
    if (!network_service) return fail("berthd cannot start: open networks: " + network_service.error().message());
    daemon.networks = network_service->get();
    network::DnsOptions dns_options;
    dns_options.resolv_conf = cfg.resolv_conf;
    auto dns_server = network::DnsServer::open(dns_options);
    if (!dns_server) return fail("berthd cannot start: embedded DNS server: " + dns_server.error().message());

    containers::ServiceOptions container_options;
    container_options.root = cfg.root;
    container_options.images = daemon.images;
    container_options.volumes = daemon.volumes;
    container_options.events = &bus;
    container_options.networks = daemon.networks;
    container_options.ports = port_publisher->get();
    container_options.dns = dns_server->get();
    container_options.host_resolv_conf = cfg.resolv_conf;
    container_options.monitor_exe = containers::find_monitor_executable();
    auto container_service = containers::ContainerService::open(container_options);
    if (!container_service) return fail("berthd cannot start: open containers: " + container_service.error().message());
    daemon.containers = container_service->get();
    daemon.container_counts = [svc = daemon.containers] {
        const auto n = svc->counts();
        return ContainerCounts{n.total, n.running, n.paused, n.stopped};
    };
    daemon.containers->recover();
    containers::ExecService exec_service(*daemon.containers);
    daemon.execs = &exec_service;

    Router router;
    register_all_routes(router, daemon);

    auto socket_path = parse_unix_host(cfg.host);
    if (!socket_path) return fail("berthd: " + socket_path.error().message());
    const auto group = lookup_group(cfg.group);
    if (!group) log::warn("group '" + cfg.group + "' does not exist: only root may use " + socket_path->string());
    auto listen_fd = listen_unix(*socket_path, group);
    if (!listen_fd) return fail("berthd cannot start: " + listen_fd.error().message());

    ServerOptions server_options;
    server_options.allowed_group = group;
    server_options.group_name = cfg.group;
    server_options.server_header = server_header();
    Server server(router, std::move(*listen_fd), server_options);
    {
        SignalWaiter signals([&] {
            server.stop();
            bus.close();  // ends every /events stream
        });
        log::info("berthd " + berth_version() + " listening on " + cfg.host + " (root " + cfg.root.string() +
                  ", pid " + std::to_string(::getpid()) + ")");
        // Start-up (recovering containers and networks) leaves freed heap behind; an idle
        // berthd should not keep it.
        ::malloc_trim(0);
        server.run();
        bus.close();
    }
    if (::unlink(socket_path->c_str()) < 0 && errno != ENOENT)
        log::warn(Error::sys("remove socket", socket_path->string()).message());
    log::info("berthd stopped");
    return 0;
}

}  // namespace berth::api
