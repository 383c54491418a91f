#include "containers/container.h"

namespace berth::containers {

using nlohmann::json;

json to_json(const State &s) {
    return json{{"Status", s.status},         {"Running", s.running},
                {"Paused", s.paused},         {"Restarting", s.restarting},
                {"OOMKilled", s.oom_killed},  {"Dead", s.dead},
                {"Pid", s.pid},               {"ExitCode", s.exit_code},
                {"Error", s.error},           {"StartedAt", s.started_at},
                {"FinishedAt", s.finished_at}};
}

State state_from_json(const json &j) {
    State s;
    s.status = j.value("Status", std::string(kStatusCreated));
    s.running = j.value("Running", false);
    s.paused = j.value("Paused", false);
    s.restarting = j.value("Restarting", false);
    s.oom_killed = j.value("OOMKilled", false);
    s.dead = j.value("Dead", false);
    s.pid = j.value("Pid", 0);
    s.exit_code = j.value("ExitCode", 0);
    s.error = j.value("Error", std::string());
    s.started_at = j.value("StartedAt", std::string());
    s.finished_at = j.value("FinishedAt", std::string());
    return s;
}

json to_json(const MountPoint &m) {
    return json{{"Type", m.type},         {"Name", m.name},
                {"Source", m.source},     {"Destination", m.destination},
                {"Driver", m.driver},     {"Mode", m.mode},
                {"RW", m.rw},             {"Propagation", m.propagation},
                {"TmpfsOptions", m.tmpfs_options}, {"Anonymous", m.anonymous},
                {"CopyUp", m.copy_up}};
}

MountPoint mount_from_json(const json &j) {
    MountPoint m;
    m.type = j.value("Type", std::string());
    m.name = j.value("Name", std::string());
    m.source = j.value("Source", std::string());
    m.destination = j.value("Destination", std::string());
    m.driver = j.value("Driver", std::string());
    m.mode = j.value("Mode", std::string());
    m.rw = j.value("RW", true);
    m.propagation = j.value("Propagation", std::string());
    m.tmpfs_options = j.value("TmpfsOptions", std::string());
    m.anonymous = j.value("Anonymous", false);
    m.copy_up = j.value("CopyUp", true);
    return m;
}

json to_disk_json(const Container &c) {
    json mounts = json::array();
    for (const auto &m : c.mounts) mounts.push_back(to_json(m));
    return json{{"ID", c.id},
                {"Name", c.name},
                {"Created", c.created},
                {"Path", c.path},
                {"Args", c.args},
                {"Config", c.config},
                {"HostConfig", c.host_config},
                {"Image", c.image_id},
                {"State", to_json(c.state)},
                {"RestartCount", c.restart_count},
                {"HasBeenManuallyStopped", c.manually_stopped},
                {"MountPoints", mounts},
                {"ExecIDs", c.exec_ids},
                {"NetworkSettings", c.network_settings}};
}

Container container_from_disk_json(const json &j) {
    Container c;
    c.id = j.at("ID").get<std::string>();
    c.name = j.at("Name").get<std::string>();
    c.created = j.value("Created", std::string());
    c.path = j.value("Path", std::string());
    c.args = j.value("Args", std::vector<std::string>{});
    c.config = j.value("Config", json::object());
    c.host_config = j.value("HostConfig", json::object());
    c.image_id = j.value("Image", std::string());
    c.state = state_from_json(j.value("State", json::object()));
    c.restart_count = j.value("RestartCount", 0);
    c.manually_stopped = j.value("HasBeenManuallyStopped", false);
    for (const auto &m : j.value("MountPoints", json::array())) c.mounts.push_back(mount_from_json(m));
    c.network_settings = j.value("NetworkSettings", json::object());
    // Exec sessions don't survive a daemon restart (their monitors' exec ids do not).
    return c;
}

}  // namespace berth::containers
