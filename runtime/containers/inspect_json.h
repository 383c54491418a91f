// The Engine API's JSON shapes for containers: GET /containers/{id}/json (inspect) and
// one entry of GET /containers/json (ps), plus the human "Up 5 minutes" status text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "containers/container.h"

namespace berth::containers {

struct InspectPaths {
    std::filesystem::path bundle;
    std::string log_path;
    std::string lower_dirs;  // "a:b:c", top first, as overlayfs lists them
};

nlohmann::json inspect_json(const Container &c, const InspectPaths &paths);
nlohmann::json summary_json(const Container &c);
// Docker's units.HumanDuration: "Less than a second", "5 seconds", "About a minute"...
std::string human_duration(std::int64_t seconds);
// "Up 5 minutes", "Exited (0) 3 seconds ago", "Created", "Up 2 hours (Paused)".
std::string status_text(const State &s, std::int64_t now_ns);

}  // namespace berth::containers
