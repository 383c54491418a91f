#include "api/event_filters.h"

namespace berth::api {
namespace {

std::string attr(const events::Event &e, const std::string &key) {
    const auto it = e.attributes.find(key);
    return it == e.attributes.end() ? std::string() : it->second;
}

// "busybox" matches "busybox:latest" as moby's filter strips the tag of both sides.
std::string strip_tag(const std::string &ref) {
    const auto slash = ref.rfind('/');
    const auto colon = ref.rfind(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash) &&
        ref.rfind("sha256:", 0) != 0)
        return ref.substr(0, colon);
    return ref;
}

bool any_equal(const std::set<std::string> &wanted, const std::vector<std::string> &candidates) {
    for (const auto &w : wanted)
        for (const auto &c : candidates)
            if (!c.empty() && (w == c || strip_tag(w) == strip_tag(c) ||
                               // an ID prefix, as docker resolves short IDs
                               (w.size() >= 3 && c.rfind(w, 0) == 0) ||
                               (c.rfind("sha256:", 0) == 0 && w.size() >= 3 && c.compare(7, w.size(), w) == 0)))
                return true;
    return false;
}

bool match_key(const Filters &f, const std::string &key, const std::vector<std::string> &candidates) {
    return !f.contains(key) || any_equal(f.values(key), candidates);
}

}  // namespace

Result<void> validate_event_filters(const Filters &filters) {
    return filters.validate({"type", "event", "image", "container", "label", "network", "volume", "scope",
                             "daemon", "plugin", "node", "service", "secret", "config"});
}

bool event_matches(const Filters &f, const events::Event &e) {
    if (f.contains("type") && !f.values("type").count(e.type)) return false;
    if (f.contains("event")) {
        // "exec_start: sh" style actions match their prefix ("exec_start").
        const std::string base = e.action.substr(0, e.action.find(':'));
        if (!f.values("event").count(e.action) && !f.values("event").count(base)) return false;
    }
    if (f.contains("scope") && !f.values("scope").count("local")) return false;
    if (!f.values("label").empty() && !f.match_labels("label", e.attributes)) return false;
    if (f.contains("container")) {
        if (e.type != "container" || !match_key(f, "container", {e.id, attr(e, "name")})) return false;
    }
    if (f.contains("image")) {
        const std::vector<std::string> candidates =
            e.type == "image" ? std::vector<std::string>{e.id, attr(e, "name")} : std::vector<std::string>{attr(e, "image")};
        if (!match_key(f, "image", candidates)) return false;
    }
    if (f.contains("network")) {
        if (e.type != "network" || !match_key(f, "network", {e.id, attr(e, "name")})) return false;
    }
    if (f.contains("volume")) {
        if (e.type != "volume" || !match_key(f, "volume", {e.id, attr(e, "name")})) return false;
    }
    return true;
}

nlohmann::json event_json(const events::Event &e) {
    nlohmann::json j;
    // The deprecated top-level fields moby still fills for container and image events.
    if (e.type == "container" || e.type == "image") {
        j["status"] = e.action;
        j["id"] = e.id;
        if (e.type == "container" && e.attributes.count("image")) j["from"] = attr(e, "image");
    }
    j["Type"] = e.type;
    j["Action"] = e.action;
    j["Actor"] = {{"ID", e.id}, {"Attributes", e.attributes}};
    j["scope"] = "local";
    j["time"] = e.time_nano / 1000000000;
    j["timeNano"] = e.time_nano;
    return j;
}

}  // namespace berth::api
