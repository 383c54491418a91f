// The pure half of POST /containers/create: validates the request as Docker does (same 400
// messages), applies the image's config defaults, and returns the container record to
// store. No side effects: volumes and host directories are made by the caller.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "containers/container.h"

namespace berth::containers {

struct PlanInputs {
    nlohmann::json body;           // the request body, already parsed
    std::string name;              // ?name=, possibly empty (a random one is then chosen)
    std::string id;                // the new container's ID
    std::string image_id;          // "sha256:..." of the resolved image
    nlohmann::json image_config;   // the image config blob's "config" object
    int cpu_count = 1;             // for the NanoCpus range check
};

Result<Container> plan_container(const PlanInputs &in);

// The parts, exposed for tests and for POST /containers/{id}/update.
Result<void> validate_resources(const nlohmann::json &host_config, int cpu_count);
Result<void> validate_restart_policy(const nlohmann::json &host_config);
// Docker's merge of image defaults into the request's Config (daemon/commit.go `merge`).
Result<nlohmann::json> merge_image_config(nlohmann::json config, const nlohmann::json &image_config);
// "80", "80/tcp", "53/udp" -> "80/tcp"...; 400 otherwise.
Result<std::string> normalize_port(const std::string &spec);
// "NET_ADMIN", "net_admin", "CAP_NET_ADMIN" -> "CAP_NET_ADMIN"; "ALL" stays; 400 if unknown.
Result<std::string> normalize_capability(const std::string &name);
// Size strings of LogConfig max-size: "10m", "1k", "2g", "512" (bytes).
Result<std::int64_t> parse_size(const std::string &text);

}  // namespace berth::containers
