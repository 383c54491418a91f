// The registry client's values as JSON, for the pipe between berthd and berth-worker
// (worker_registry_client.cpp on berthd's side, worker/registry_mode.cpp on the worker's).
#pragma once

#include <nlohmann/json.hpp>

#include "images/registry_client.h"

namespace berth::images::wire {

nlohmann::json to_json(const RegistryConfig &c);
nlohmann::json to_json(const Credentials &c);
nlohmann::json to_json(const Reference &r);
nlohmann::json to_json(const Platform &p);
nlohmann::json to_json(const Descriptor &d);
nlohmann::json to_json(const Manifest &m);

// Each fails with a message naming what was malformed; never throws.
Result<RegistryConfig> config_from(const nlohmann::json &j);
Result<Credentials> credentials_from(const nlohmann::json &j);
Result<Reference> reference_from(const nlohmann::json &j);
Result<Platform> platform_from(const nlohmann::json &j);
Result<Descriptor> descriptor_from(const nlohmann::json &j);
Result<Manifest> manifest_from(const nlohmann::json &j);

}  // namespace berth::images::wire
