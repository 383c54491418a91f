// Registry credentials saved by `docker login` (or `berth login` later), read from
// $DOCKER_CONFIG/config.json or ~/.docker/config.json, so that `berth pull` of a private
// image works like `docker pull`. Credential helpers (credsStore) are not consulted.
#pragma once

#include <string>

#include "client/registry_auth.h"

namespace berth::cli {

// Credentials for a registry domain ("127.0.0.1:5000", "docker.io"); empty when none.
client::RegistryAuth saved_registry_auth(const std::string &domain);

// Same, from a given config.json text (for tests).
client::RegistryAuth registry_auth_from_config(const std::string &config_json, const std::string &domain);

}  // namespace berth::cli
