// Pulls an image from a registry into the ImageStore, reporting progress the way
// docker's /images/create stream does.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/reference.h"
#include "common/result.h"
#include "images/image_store.h"

namespace berth::images {

// One line of docker's pull progress: {"status": ..., "id": ..., "progressDetail": {...}}.
struct PullProgress {
    std::string id;      // short layer id (12 hex) or empty for whole-image lines
    std::string status;  // "Pulling fs layer", "Downloading", "Verifying Checksum", ...
    std::int64_t current = -1;
    std::int64_t total = -1;
};

struct RegistryConfig {
    std::vector<std::string> insecure_registries;  // "host:port" or CIDR, plain HTTP allowed
    std::string certs_dir = "/etc/berth/certs.d";   // <dir>/<host:port>/ca.crt, like docker's
    std::string auth_file;                          // JSON {"host:port": {"username","password"}} or ""
    int max_concurrent_downloads = 3;
};

struct PullRequest {
    Reference ref;
    std::string platform;     // "" for the host's (linux/amd64)
    std::string auth_header;  // X-Registry-Auth decoded JSON ({"username","password"}), may be empty
};

// Blocks until done; calls `progress` from the calling thread only.
// Ends with "Digest: ..." and "Status: Downloaded newer image for ..." / "Image is up to date".
Result<Image> pull_image(ImageStore &store, const RegistryConfig &config, const PullRequest &request,
                         const std::function<void(const PullProgress &)> &progress,
                         const std::atomic<bool> &cancel);

}  // namespace berth::images
