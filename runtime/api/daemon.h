// The daemon's shared context, handed to every register_*_routes function: configuration
// and the subsystems handlers use. Owned by run_daemon(); outlives the server.
//
// To add a subsystem (containers, volumes, networks): add a pointer member here, set it
// in daemon_main.cpp where the others are opened, and register its routes in routes.cpp.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "events/event_bus.h"
#include "images/image_store.h"
#include "images/registry_client.h"

namespace berth::containers {
class ContainerService;
class ExecService;
}
namespace berth::volumes {
class VolumeStore;
}
namespace berth::network {
class NetworkService;
}

namespace berth::api {

struct DaemonConfig {
    std::string host = "unix:///run/berth/berth.sock";
    std::filesystem::path root = "/var/lib/berth";
    std::string group = "berth";
    bool debug = false;
    std::string log_level = "info";
    std::filesystem::path log_file;  // empty: stderr only
    images::RegistryConfig registry;  // --insecure-registry, --certs-dir
    std::string bridge_name = "berth0";  // --bridge: interface of the default `bridge` network
    // --resolv-conf: the host's resolvers, for containers' resolv.conf and the embedded DNS
    // server's upstreams.
    std::filesystem::path resolv_conf = "/etc/resolv.conf";
};

// What /info reports about containers; filled in by the container subsystem.
struct ContainerCounts {
    int total = 0;
    int running = 0;
    int paused = 0;
    int stopped = 0;
};

struct Daemon {
    DaemonConfig config;
    std::string engine_id;  // stable per root, /info's ID
    images::ImageStore *images = nullptr;
    // Registry clients for pulls: each runs in a berth-worker (images/worker_registry_client.h).
    images::RegistryClientFactory registry_clients;
    events::EventBus *events = nullptr;
    // Set by the container subsystem; /info reports zeros until then.
    std::function<ContainerCounts()> container_counts;
    containers::ContainerService *containers = nullptr;  // /containers/...
    volumes::VolumeStore *volumes = nullptr;             // /volumes/...
    containers::ExecService *execs = nullptr;            // /containers/{id}/exec, /exec/...
    network::NetworkService *networks = nullptr;         // /networks/...
};

}  // namespace berth::api
