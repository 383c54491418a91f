#include "api/image_json.h"

#include "api/time_format.h"

namespace berth::api {
namespace {

using nlohmann::json;

json string_list_or_empty(const std::vector<std::string> &v) { return v.empty() ? json::array() : json(v); }

std::string config_string(const json &config, const char *key) {
    const auto it = config.find(key);
    return it != config.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The container.Config shape docker prints: every field present, zero values included,
// overlaid with what the image config has.
json full_container_config(const json &partial) {
    json c = {
        {"Hostname", ""},   {"Domainname", ""},   {"User", ""},          {"AttachStdin", false},
        {"AttachStdout", false}, {"AttachStderr", false}, {"Tty", false}, {"OpenStdin", false},
        {"StdinOnce", false}, {"Env", nullptr},  {"Cmd", nullptr},     {"Image", ""},
        {"Volumes", nullptr}, {"WorkingDir", ""}, {"Entrypoint", nullptr}, {"OnBuild", nullptr},
        {"Labels", nullptr},
    };
    if (partial.is_object())
        for (const auto &[k, v] : partial.items()) c[k] = v;
    return c;
}

}  // namespace

std::map<std::string, std::string> image_labels(const images::Image &image) {
    std::map<std::string, std::string> out;
    const auto cfg = image.config.find("config");
    if (cfg == image.config.end() || !cfg->is_object()) return out;
    const auto labels = cfg->find("Labels");
    if (labels == cfg->end() || !labels->is_object()) return out;
    for (const auto &[k, v] : labels->items())
        if (v.is_string()) out[k] = v.get<std::string>();
    return out;
}

json image_summary_json(const images::Image &image, const std::vector<std::string> &repo_tags) {
    const auto labels = image_labels(image);
    json j = {
        {"Id", image.id},
        {"ParentId", image.parent},
        {"RepoTags", repo_tags},
        {"RepoDigests", image.repo_digests},
        {"Created", image.created},
        {"Size", image.size},
        {"SharedSize", -1},
        {"VirtualSize", image.size},
        {"Labels", labels.empty() ? json(nullptr) : json(labels)},
        {"Containers", -1},
    };
    // An untagged image is listed as <none>, the way API 1.43 daemons answer.
    if (repo_tags.empty() && image.repo_digests.empty()) {
        j["RepoTags"] = json::array({"<none>:<none>"});
        j["RepoDigests"] = json::array({"<none>@<none>"});
    } else {
        j["RepoTags"] = string_list_or_empty(repo_tags);
        j["RepoDigests"] = string_list_or_empty(image.repo_digests);
    }
    return j;
}

json image_inspect_json(const images::Image &image, const std::vector<std::filesystem::path> &layer_dirs) {
    const json &cfg = image.config;
    std::string created = config_string(cfg, "created");
    if (created.empty() || !parse_rfc3339(created)) created = format_rfc3339_nano(image.created * 1000000000);

    json graph_data = json::object();
    if (!layer_dirs.empty()) {
        // overlay2's convention: the top layer is UpperDir, the others LowerDir (top first).
        graph_data["UpperDir"] = layer_dirs.back().string();
        std::string lower;
        for (auto it = layer_dirs.rbegin() + 1; it != layer_dirs.rend(); ++it) {
            if (!lower.empty()) lower += ':';
            lower += it->string();
        }
        if (!lower.empty()) graph_data["LowerDir"] = lower;
    }

    json j = {
        {"Id", image.id},
        {"RepoTags", string_list_or_empty(image.repo_tags)},
        {"RepoDigests", string_list_or_empty(image.repo_digests)},
        {"Parent", image.parent},
        {"Comment", config_string(cfg, "comment")},
        {"Created", created},
        {"Container", config_string(cfg, "container")},
        {"ContainerConfig", full_container_config(cfg.contains("container_config") ? cfg["container_config"] : json())},
        {"DockerVersion", config_string(cfg, "docker_version")},
        {"Author", config_string(cfg, "author")},
        {"Config", full_container_config(cfg.contains("config") ? cfg["config"] : json())},
        {"Architecture", config_string(cfg, "architecture")},
        {"Os", config_string(cfg, "os")},
        {"Size", image.size},
        {"VirtualSize", image.size},
        {"GraphDriver", {{"Name", "overlay2"}, {"Data", graph_data}}},
        {"RootFS", {{"Type", "layers"}, {"Layers", string_list_or_empty(image.diff_ids)}}},
        {"Metadata", {{"LastTagTime", "0001-01-01T00:00:00Z"}}},
    };
    if (const std::string variant = config_string(cfg, "variant"); !variant.empty()) j["Variant"] = variant;
    if (const std::string os_version = config_string(cfg, "os.version"); !os_version.empty()) j["OsVersion"] = os_version;
    return j;
}

json history_json(const std::vector<images::HistoryItem> &items) {
    json out = json::array();
    for (const auto &h : items) {
        out.push_back({
            {"Id", h.id},
            {"Created", h.created},
            {"CreatedBy", h.created_by},
            {"Tags", h.tags.empty() ? json(nullptr) : json(h.tags)},
            {"Size", h.size},
            {"Comment", h.comment},
        });
    }
    return out;
}

json delete_items_json(const std::vector<images::ImageDeleteItem> &items) {
    json out = json::array();
    for (const auto &item : items) {
        if (!item.untagged.empty()) out.push_back({{"Untagged", item.untagged}});
        if (!item.deleted.empty()) out.push_back({{"Deleted", item.deleted}});
    }
    return out;
}

}  // namespace berth::api
