// The registry client itself: RegistryClient over libcurl and OpenSSL. Only berth-worker
// and the tests link it; berthd reaches it through a worker (images/worker_registry_client.h).
#pragma once

#include "images/registry_client.h"

namespace berth::images {

Result<std::unique_ptr<RegistryClient>> open_distribution_client(const RegistryConfig &config, const Reference &repo,
                                                                  std::optional<Credentials> creds);

}  // namespace berth::images
