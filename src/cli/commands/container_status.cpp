#include "cli/commands/container_status.h"

#include <algorithm>

#include "cli/format/human.h"

namespace berth::cli::commands {

std::string status_text(const std::string &state, int exit_code, std::int64_t started_unix,
                        std::int64_t finished_unix, std::int64_t now_unix) {
    using format::human_duration;
    const auto since = [&](std::int64_t t) { return human_duration(static_cast<double>(std::max<std::int64_t>(0, now_unix - t))); };
    if (state == "running") return "Up " + since(started_unix);
    if (state == "paused") return "Up " + since(started_unix) + " (Paused)";
    if (state == "restarting") return "Restarting (" + std::to_string(exit_code) + ") " + since(finished_unix) + " ago";
    if (state == "exited") {
        if (finished_unix <= 0) return "Exited (" + std::to_string(exit_code) + ")";
        return "Exited (" + std::to_string(exit_code) + ") " + since(finished_unix) + " ago";
    }
    if (state == "removing") return "Removal In Progress";
    if (state == "dead") return "Dead";
    return "Created";
}

namespace {

std::string quoted_command(const std::string &command, bool no_trunc) {
    const std::string cmd = no_trunc ? command : format::ellipsis(command, 20);
    return "\"" + cmd + "\"";
}

std::string ports_text(const nlohmann::json &ports) {
    std::string out;
    if (!ports.is_array()) return out;
    for (const auto &p : ports) {
        std::string one;
        const std::string type = p.value("Type", "tcp");
        const int priv = p.value("PrivatePort", 0);
        if (p.contains("PublicPort") && p["PublicPort"].is_number()) {
            std::string ip = p.value("IP", "");
            if (ip.find(':') != std::string::npos) ip = "[" + ip + "]";
            one = ip + ":" + std::to_string(p["PublicPort"].get<int>()) + "->" + std::to_string(priv) + "/" + type;
        } else {
            one = std::to_string(priv) + "/" + type;
        }
        if (!out.empty()) out += ", ";
        out += one;
    }
    return out;
}

}  // namespace

nlohmann::json ps_row(const nlohmann::json &c, bool no_trunc, std::int64_t now_unix) {
    nlohmann::json row;
    const std::string id = c.value("Id", "");
    row["ID"] = no_trunc ? id : format::short_id(id);
    row["Image"] = c.value("Image", "");
    row["Command"] = quoted_command(c.value("Command", ""), no_trunc);
    const std::int64_t created = c.value("Created", std::int64_t{0});
    row["CreatedAt"] = format::rfc3339(created);
    row["RunningFor"] = format::time_ago(created, now_unix);
    row["Ports"] = ports_text(c.value("Ports", nlohmann::json::array()));
    std::string status = c.value("Status", "");
    const std::string state = c.value("State", "");
    if (status.empty()) status = status_text(state, 0, 0, 0, now_unix);
    row["Status"] = status;
    row["State"] = state;
    std::string names;
    for (const auto &n : c.value("Names", nlohmann::json::array())) {
        std::string name = n.get<std::string>();
        if (!name.empty() && name[0] == '/') name.erase(0, 1);
        // docker shows only the container's own names, not link aliases ("other/alias").
        if (name.find('/') != std::string::npos) continue;
        if (!names.empty()) names += ",";
        names += name;
    }
    row["Names"] = names;
    std::string labels;
    if (auto l = c.find("Labels"); l != c.end() && l->is_object())
        for (const auto &[k, v] : l->items()) {
            if (!labels.empty()) labels += ",";
            labels += k + "=" + (v.is_string() ? v.get<std::string>() : v.dump());
        }
    row["Labels"] = labels;
    return row;
}

}  // namespace berth::cli::commands
