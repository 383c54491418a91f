#include "containers/archive_job.h"

namespace berth::containers {

Result<PathStat> path_stat_from_json(const nlohmann::json &j) {
    auto malformed = [&] { return Error::internal("berth-worker sent a malformed path stat: " + j.dump().substr(0, 160)); };
    if (!j.is_object()) return malformed();
    PathStat s;
    try {
        s.name = j.at("name").get<std::string>();
        s.size = j.at("size").get<std::int64_t>();
        s.mode = j.at("mode").get<std::uint32_t>();
        s.mtime = j.at("mtime").get<std::string>();
        s.link_target = j.at("linkTarget").get<std::string>();
    } catch (const nlohmann::json::exception &) {
        return malformed();
    }
    return s;
}

}  // namespace berth::containers
