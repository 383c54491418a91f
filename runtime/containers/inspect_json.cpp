#include "containers/inspect_json.h"

#include "containers/networking.h"
#include "containers/time_format.h"

namespace berth::containers {

using nlohmann::json;

namespace {

std::string or_zero(const std::string &t) { return t.empty() ? std::string(kZeroTime) : t; }

json mount_json(const MountPoint &m) {
    json j = {{"Type", m.type}};
    if (m.type == "volume") j["Name"] = m.name;
    j["Source"] = m.source;
    j["Destination"] = m.destination;
    if (m.type == "volume") j["Driver"] = m.driver.empty() ? "local" : m.driver;
    j["Mode"] = m.type == "volume" && m.mode.empty() ? "z" : m.mode;
    j["RW"] = m.rw;
    j["Propagation"] = m.propagation;
    return j;
}

std::string command_text(const Container &c) {
    std::string out = c.path;
    for (const auto &a : c.args) out += " " + a;
    return out;
}

}  // namespace

std::string human_duration(std::int64_t seconds) {
    if (seconds < 1) return "Less than a second";
    if (seconds == 1) return "1 second";
    if (seconds < 60) return std::to_string(seconds) + " seconds";
    const std::int64_t minutes = seconds / 60;
    if (minutes == 1) return "About a minute";
    if (minutes < 60) return std::to_string(minutes) + " minutes";
    const std::int64_t hours = (seconds + 1800) / 3600;
    if (hours == 1) return "About an hour";
    if (hours < 48) return std::to_string(hours) + " hours";
    if (hours < 24 * 7 * 2) return std::to_string(hours / 24) + " days";
    if (hours < 24 * 30 * 2) return std::to_string(hours / 24 / 7) + " weeks";
    if (hours < 24 * 365 * 2) return std::to_string(hours / 24 / 30) + " months";
    return std::to_string(hours / 24 / 365) + " years";
}

std::string status_text(const State &s, std::int64_t now_ns) {
    auto since = [&](const std::string &t) {
        auto ns = parse_rfc3339_nano(t);
        return ns && *ns > 0 ? (now_ns - *ns) / 1000000000 : 0;
    };
    if (s.status == kStatusRemoving) return "Removal In Progress";
    if (s.dead) return "Dead";
    if (s.restarting)
        return "Restarting (" + std::to_string(s.exit_code) + ") " + human_duration(since(s.finished_at)) + " ago";
    if (s.running) {
        std::string out = "Up " + human_duration(since(s.started_at));
        if (s.paused) out += " (Paused)";
        return out;
    }
    if (s.started_at.empty() || s.finished_at.empty()) return "Created";
    return "Exited (" + std::to_string(s.exit_code) + ") " + human_duration(since(s.finished_at)) + " ago";
}

json inspect_json(const Container &c, const InspectPaths &p) {
    json state = {{"Status", c.state.status},       {"Running", c.state.running},
                  {"Paused", c.state.paused},       {"Restarting", c.state.restarting},
                  {"OOMKilled", c.state.oom_killed}, {"Dead", c.state.dead},
                  {"Pid", c.state.pid},             {"ExitCode", c.state.exit_code},
                  {"Error", c.state.error},         {"StartedAt", or_zero(c.state.started_at)},
                  {"FinishedAt", or_zero(c.state.finished_at)}};
    json mounts = json::array();
    for (const auto &m : c.mounts) mounts.push_back(mount_json(m));
    const std::string bundle = p.bundle.string();
    json exec_ids = c.exec_ids.empty() ? json(nullptr) : json(c.exec_ids);
    return {
        {"Id", c.id},
        {"Created", c.created},
        {"Path", c.path},
        {"Args", c.args},
        {"State", state},
        {"Image", c.image_id},
        {"ResolvConfPath", bundle + "/resolv.conf"},
        {"HostnamePath", bundle + "/hostname"},
        {"HostsPath", bundle + "/hosts"},
        {"LogPath", p.log_path},
        {"Name", c.name},
        {"RestartCount", c.restart_count},
        {"Driver", "overlay2"},
        {"Platform", "linux"},
        {"MountLabel", ""},
        {"ProcessLabel", ""},
        {"AppArmorProfile", ""},
        {"ExecIDs", exec_ids},
        {"HostConfig", c.host_config},
        {"GraphDriver",
         {{"Name", "overlay2"},
          {"Data",
           {{"LowerDir", p.lower_dirs},
            {"MergedDir", bundle + "/merged"},
            {"UpperDir", bundle + "/upper"},
            {"WorkDir", bundle + "/work"}}}}},
        {"Mounts", mounts},
        {"Config", c.config},
        {"NetworkSettings", network_settings_json(c)},
    };
}

json summary_json(const Container &c) {
    json mounts = json::array();
    for (const auto &m : c.mounts) mounts.push_back(mount_json(m));
    const auto created_ns = parse_rfc3339_nano(c.created).value_or(0);
    const auto now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
    json labels = c.config.contains("Labels") && c.config["Labels"].is_object() ? c.config["Labels"] : json::object();
    return {{"Id", c.id},
            {"Names", json::array({c.name})},
            {"Image", c.config.value("Image", std::string())},
            {"ImageID", c.image_id},
            {"Command", command_text(c)},
            {"Created", created_ns / 1000000000},
            {"Ports", summary_ports_json(c)},
            {"Labels", labels},
            {"State", c.state.status},
            {"Status", status_text(c.state, now_ns)},
            {"HostConfig", {{"NetworkMode", c.host_config.value("NetworkMode", std::string("bridge"))}}},
            {"NetworkSettings", summary_network_settings_json(c)},
            {"Mounts", mounts}};
}

}  // namespace berth::containers
