// Pulls an image from a registry into the ImageStore, reporting progress the way
// docker's /images/create stream does.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/reference.h"
#include "common/result.h"
#include "images/image_store.h"
#include "images/registry_client.h"

namespace berth::images {

// One line of docker's pull progress: {"status": ..., "id": ..., "progressDetail": {...}}.
struct PullProgress {
    std::string id;      // short layer id (12 hex) or empty for whole-image lines
    std::string status;  // "Pulling fs layer", "Downloading", "Verifying Checksum", ...
    std::int64_t current = -1;
    std::int64_t total = -1;
};

struct PullRequest {
    Reference ref;
    std::string platform;     // "" for the host's (linux/amd64)
    std::optional<Credentials> credentials;  // from X-Registry-Auth, if any
};

// Blocks until done; calls `progress` from the calling thread only.
// Ends with "Digest: ..." and "Status: Downloaded newer image for ..." / "Image is up to date".
Result<Image> pull_image(ImageStore &store, const RegistryConfig &config, const RegistryClientFactory &open_client,
                         const PullRequest &request,
                         const std::function<void(const PullProgress &)> &progress,
                         const std::atomic<bool> &cancel);

}  // namespace berth::images
