// POST /containers/{id}/update: new resource limits and restart policy. Docker's rules:
// a field left at zero keeps its value; the merged HostConfig is validated as at create;
// a running container's cgroup gets the new limits first, and the record is changed only
// when the kernel took them (so a refused limit changes nothing).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::containers {

class ContainerService;

// The HostConfig after applying an update body (pure; 400 for wrong types and values).
// `warnings` collects what was accepted but not applied.
Result<nlohmann::json> merge_update(const nlohmann::json &host_config, const nlohmann::json &body, int cpu_count,
                                    std::vector<std::string> &warnings);

// Applies it; returns Docker's Warnings.
Result<std::vector<std::string>> update_container(ContainerService &svc, const std::string &id_or_name,
                                                  const nlohmann::json &body);

}  // namespace berth::containers
