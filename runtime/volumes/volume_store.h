// Named and anonymous volumes of the local driver: <root>/volumes/<name>/_data holds the
// content, <root>/volumes/<name>/volume.json the metadata (labels, options, created).
// Thread-safe. Whether a volume is in use is asked of the container subsystem.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::events {
class EventBus;
}

namespace berth::volumes {

namespace fs = std::filesystem;

struct Volume {
    std::string name;
    std::string driver = "local";
    fs::path mountpoint;     // the _data directory
    std::string created_at;  // RFC3339, as Docker shows it
    std::map<std::string, std::string> labels;
    std::map<std::string, std::string> options;
    bool anonymous = false;  // created for one container's image VOLUME or -v /path
};

// GET /volumes/{name}'s shape.
nlohmann::json to_api_json(const Volume &v);

// Returns the IDs of the containers that use the volume.
using VolumeUsers = std::function<std::vector<std::string>(const std::string &name)>;

struct VolumePruneReport {
    std::vector<std::string> deleted;
    std::uint64_t space_reclaimed = 0;
};

class VolumeStore {
public:
    static Result<std::unique_ptr<VolumeStore>> open(const fs::path &root, events::EventBus *bus);

    // Docker's rule for local volume names: [a-zA-Z0-9][a-zA-Z0-9_.-]+ (400 otherwise).
    static Result<void> validate_name(const std::string &name);

    // An empty name makes an anonymous volume (64 hex). Creating an existing name returns it
    // unchanged, as Docker does. `created` tells whether it is new.
    Result<Volume> create(std::string name, const std::map<std::string, std::string> &labels,
                          const std::map<std::string, std::string> &options, bool anonymous = false,
                          bool *created = nullptr);
    Result<Volume> get(const std::string &name) const;
    std::vector<Volume> list() const;
    // 409 "remove x: volume is in use - [ids]" while a container uses it, even with force
    // (as Docker); force only makes a missing volume not an error.
    Result<void> remove(const std::string &name, bool force);
    // Removes unused volumes matching `match`; anonymous only unless `all`.
    Result<VolumePruneReport> prune(const std::function<bool(const Volume &)> &match, bool all);

    void set_users_check(VolumeUsers users);
    std::vector<std::string> users(const std::string &name) const;
    void publish(const std::string &action, const std::string &name,
                 const std::map<std::string, std::string> &extra = {}) const;

private:
    VolumeStore(fs::path base, events::EventBus *bus) : base_(std::move(base)), bus_(bus) {}

    fs::path base_;
    events::EventBus *bus_;
    mutable std::mutex mu_;
    std::map<std::string, Volume> volumes_;
    VolumeUsers users_;
};

}  // namespace berth::volumes
