// One container's record, as kept in <root>/containers/<id>/config.v2.json. Config and
// HostConfig keep the Engine API's shapes (the create request after validation and the
// image defaults), so inspect can return them as they are.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace berth::containers {

// State.Status values, as Docker names them.
inline constexpr const char *kStatusCreated = "created";
inline constexpr const char *kStatusRunning = "running";
inline constexpr const char *kStatusPaused = "paused";
inline constexpr const char *kStatusRestarting = "restarting";
inline constexpr const char *kStatusRemoving = "removing";
inline constexpr const char *kStatusExited = "exited";
inline constexpr const char *kStatusDead = "dead";

struct State {
    std::string status = kStatusCreated;
    bool running = false;
    bool paused = false;
    bool restarting = false;
    bool oom_killed = false;
    bool dead = false;
    int pid = 0;
    int exit_code = 0;
    std::string error;
    std::string started_at;   // RFC3339Nano; empty = never (shown as the zero time)
    std::string finished_at;
};

// One entry of inspect's Mounts, plus what start needs to set it up.
struct MountPoint {
    std::string type;         // "bind", "volume", "tmpfs"
    std::string name;         // volume name (type volume)
    std::string source;       // host path (bind) or the volume's _data (volume)
    std::string destination;  // absolute path inside the container
    std::string driver;       // "local" for volumes
    std::string mode;         // the mode text the user gave ("ro", "z", "")
    bool rw = true;
    std::string propagation;  // "rprivate" for binds
    std::string tmpfs_options;  // "size=..,mode=.." for tmpfs
    bool anonymous = false;   // created for this container (removed with `rm -v`)
    bool copy_up = true;      // copy image content into an empty volume (nocopy clears it)
};

struct Container {
    std::string id;
    std::string name;      // with the leading '/'
    std::string created;   // RFC3339Nano
    std::string path;      // the program: first of Entrypoint+Cmd
    std::vector<std::string> args;
    nlohmann::json config = nlohmann::json::object();       // Engine API Config
    nlohmann::json host_config = nlohmann::json::object();  // Engine API HostConfig
    std::string image_id;  // "sha256:..."
    State state;
    int restart_count = 0;
    bool manually_stopped = false;  // unless-stopped: the user stopped it, don't restart
    std::vector<MountPoint> mounts;
    std::vector<std::string> exec_ids;
    // NetworkSettings as recorded: Networks (per network: configuration, and the endpoint
    // while running), SandboxKey, PublishedPorts (containers/networking.h).
    nlohmann::json network_settings = nlohmann::json::object();

    bool tty() const { return config.value("Tty", false); }
    std::string short_id() const { return id.substr(0, 12); }
};

nlohmann::json to_json(const State &s);
State state_from_json(const nlohmann::json &j);
nlohmann::json to_json(const MountPoint &m);
MountPoint mount_from_json(const nlohmann::json &j);
// The on-disk record.
nlohmann::json to_disk_json(const Container &c);
Container container_from_disk_json(const nlohmann::json &j);

}  // namespace berth::containers
