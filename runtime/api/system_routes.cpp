// GET|HEAD /_ping, GET /version, GET /info: what clients read to negotiate the API version
// and to describe the engine. Shapes follow the Engine API's SystemVersion and SystemInfo.
#include <chrono>
#include <ctime>

#include "api/api_version.h"
#include "api/routes.h"
#include "api/system_info.h"
#include "api/time_format.h"
#include "api/version.h"

namespace berth::api {
namespace {

using nlohmann::json;

void ping(Request &, ResponseWriter &w) {
    // Clients (docker CLI) read API-Version here to negotiate, and Builder-Version to pick
    // the classic builder, which is the one Berth has.
    w.set_header("Builder-Version", "1");
    w.set_header("Cache-Control", "no-cache, no-store, must-revalidate");
    w.set_header("Pragma", "no-cache");
    w.text(Status::ok, "text/plain; charset=utf-8", "OK");
}

json version_json(const HostInfo &h) {
    const json details = {
        {"ApiVersion", kMaxApiVersion}, {"MinAPIVersion", kMinApiVersion},
        {"Arch", h.go_arch},            {"Os", "linux"},
        {"KernelVersion", h.kernel_version},
        {"GitCommit", ""},              {"GoVersion", "n/a"},
        {"BuildTime", ""},              {"Experimental", "false"},
    };
    return {
        {"Platform", {{"Name", "Berth"}}},
        {"Components", json::array({{{"Name", "Engine"}, {"Version", berth_version()}, {"Details", details}}})},
        {"Version", berth_version()},
        {"ApiVersion", kMaxApiVersion},
        {"MinAPIVersion", kMinApiVersion},
        {"GitCommit", ""},
        {"GoVersion", "n/a"},
        {"Os", "linux"},
        {"Arch", h.go_arch},
        {"KernelVersion", h.kernel_version},
        {"BuildTime", ""},
    };
}

json registry_config_json(const images::RegistryConfig &cfg) {
    // Like dockerd: CIDRs go to InsecureRegistryCIDRs (127.0.0.0/8 always), host[:port]
    // entries become insecure IndexConfigs.
    json cidrs = json::array({"127.0.0.0/8"});
    json index = {{"docker.io", {{"Name", "docker.io"}, {"Mirrors", json::array()}, {"Secure", true}, {"Official", true}}}};
    for (const auto &entry : cfg.insecure_registries) {
        if (entry.find('/') != std::string::npos) {
            if (entry != "127.0.0.0/8") cidrs.push_back(entry);
        } else {
            index[entry] = {{"Name", entry}, {"Mirrors", json::array()}, {"Secure", false}, {"Official", false}};
        }
    }
    return {{"AllowNondistributableArtifactsCIDRs", nullptr},
            {"AllowNondistributableArtifactsHostnames", nullptr},
            {"InsecureRegistryCIDRs", cidrs},
            {"IndexConfigs", index},
            {"Mirrors", json::array()}};
}

json info_json(const Daemon &d, const HostInfo &h) {
    const ContainerCounts counts = d.container_counts ? d.container_counts() : ContainerCounts{};
    const std::size_t images = d.images ? d.images->list().size() : 0;
    const bool v2 = h.cgroup_version == "2";
    json security = json::array({"name=seccomp,profile=builtin"});
    if (v2) security.push_back("name=cgroupns");
    return {
        {"ID", d.engine_id},
        {"Containers", counts.total},
        {"ContainersRunning", counts.running},
        {"ContainersPaused", counts.paused},
        {"ContainersStopped", counts.stopped},
        {"Images", images},
        {"Driver", "overlay2"},
        {"DriverStatus", json::array({json::array({"Backing Filesystem", "extfs"}),
                                      json::array({"Supports d_type", "true"}),
                                      json::array({"Using metacopy", "false"}),
                                      json::array({"Native Overlay Diff", "true"})})},
        {"Plugins", {{"Volume", json::array({"local"})},
                     {"Network", json::array({"bridge", "host", "none"})},
                     {"Authorization", nullptr},
                     {"Log", json::array({"json-file"})}}},
        {"MemoryLimit", true},
        {"SwapLimit", true},
        {"KernelMemory", false},
        {"KernelMemoryTCP", false},
        {"CpuCfsPeriod", true},
        {"CpuCfsQuota", true},
        {"CPUShares", true},
        {"CPUSet", true},
        {"PidsLimit", true},
        {"OomKillDisable", !v2},
        {"IPv4Forwarding", true},
        {"BridgeNfIptables", false},
        {"BridgeNfIp6tables", false},
        {"Debug", d.config.debug},
        {"NFd", 0},
        {"NGoroutines", 0},
        {"SystemTime", format_rfc3339_nano(now_unix_nanos())},
        {"LoggingDriver", "json-file"},
        {"CgroupDriver", "cgroupfs"},
        {"CgroupVersion", h.cgroup_version},
        {"NEventsListener", 0},
        {"KernelVersion", h.kernel_version},
        {"OperatingSystem", h.operating_system},
        {"OSVersion", h.os_version},
        {"OSType", "linux"},
        {"Architecture", h.machine},
        {"IndexServerAddress", "https://index.docker.io/v1/"},
        {"RegistryConfig", registry_config_json(d.config.registry)},
        {"NCPU", h.ncpu},
        {"MemTotal", h.mem_total},
        {"GenericResources", nullptr},
        {"DockerRootDir", d.config.root.string()},
        {"HttpProxy", ""},
        {"HttpsProxy", ""},
        {"NoProxy", ""},
        {"Name", h.hostname},
        {"Labels", json::array()},
        {"ExperimentalBuild", false},
        {"ServerVersion", berth_version()},
        {"Runtimes", {{"berth", {{"path", "berthd"}}}}},
        {"DefaultRuntime", "berth"},
        {"Swarm", {{"NodeID", ""}, {"NodeAddr", ""}, {"LocalNodeState", "inactive"},
                   {"ControlAvailable", false}, {"Error", ""}, {"RemoteManagers", nullptr}}},
        {"LiveRestoreEnabled", true},  // containers outlive berthd through their monitors
        {"Isolation", ""},
        {"InitBinary", "berthd"},
        {"ContainerdCommit", {{"ID", ""}, {"Expected", ""}}},
        {"RuncCommit", {{"ID", ""}, {"Expected", ""}}},
        {"InitCommit", {{"ID", ""}, {"Expected", ""}}},
        {"SecurityOptions", security},
        {"Warnings", json::array()},
    };
}

}  // namespace

void register_system_routes(Router &router, Daemon &daemon) {
    router.add("GET", "/_ping", ping);
    router.add("HEAD", "/_ping", ping);
    router.add("GET", "/version", [](Request &, ResponseWriter &w) {
        w.json(Status::ok, version_json(read_host_info()));
    });
    router.add("GET", "/info", [&daemon](Request &, ResponseWriter &w) {
        w.json(Status::ok, info_json(daemon, read_host_info()));
    });
}

}  // namespace berth::api
