// berthd's RegistryClient: the real one (registry/distribution_client.h) runs in a
// berth-worker for the client's lifetime, so berthd itself never loads libcurl. Calls may
// come from several threads at once (pull downloads in parallel); each waits for its own
// answer, progress comes back as it happens, and a cancelled call tells the worker to stop.
// If the worker dies, every call in flight and after fails with an error that says so.
#pragma once

#include <filesystem>

#include "images/registry_client.h"

namespace berth::images {

// A factory for pull_image whose clients each run in a worker started from `worker_exe`.
RegistryClientFactory worker_registry_clients(std::filesystem::path worker_exe);

}  // namespace berth::images
