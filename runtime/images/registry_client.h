// What Berth asks of a registry (the OCI distribution API v2): manifests, indexes, blobs,
// tags and the catalog, with anonymous, Bearer-token and Basic auth.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/reference.h"
#include "common/result.h"

namespace berth::images {

struct RegistryConfig {
    // "host:port" entries or CIDRs (like dockerd's --insecure-registry): plain HTTP allowed.
    // 127.0.0.0/8 and localhost are always insecure-allowed, as in Docker.
    std::vector<std::string> insecure_registries;
    std::string certs_dir = "/etc/berth/certs.d";  // <dir>/<host:port>/ca.crt, like docker's
    int max_concurrent_downloads = 3;
    int max_attempts = 5;  // transient errors (connect, 429, 5xx) are retried with backoff
};

struct Credentials {  // from X-Registry-Auth or a config file
    std::string username;
    std::string password;
    std::string identity_token;  // OAuth refresh token, if given
};

struct Platform {
    std::string os = "linux";
    std::string architecture = "amd64";
    std::string variant;
    static Platform host();
    std::string str() const;  // "linux/amd64" or "linux/arm/v7"
};

struct Descriptor {
    std::string media_type;
    std::string digest;
    std::int64_t size = -1;
    std::optional<Platform> platform;
    std::vector<std::string> urls;
};

struct Manifest {
    std::string media_type;  // docker schema2 or OCI image manifest
    std::string digest;      // of the manifest that was fetched (sha256 of its raw bytes)
    std::string index_digest;  // the index/manifest list it was selected from, if any
    Descriptor config;
    std::vector<Descriptor> layers;
    std::string raw;
};

// Picks the manifest for `want` from an OCI index or Docker manifest list (variant aware:
// an amd64 request with no variant matches any amd64 entry, preferring no variant).
Result<Descriptor> select_platform(const nlohmann::json &index, const Platform &want);

class RegistryClient {
public:
    virtual ~RegistryClient() = default;

    // Resolves the tag or digest of `ref` to one image manifest for `platform`,
    // following an index or manifest list. The manifest's digest is verified when the
    // reference pins one.
    virtual Result<Manifest> fetch_manifest(const Reference &ref, const Platform &platform) = 0;

    // Downloads a blob to `dest` (created/truncated), following redirects, verifying size and
    // digest while streaming. On mismatch `dest` is removed and the error says which digest
    // was expected and which arrived. Safe to call from several threads at once.
    virtual Result<void> fetch_blob(const Descriptor &blob, const std::filesystem::path &dest,
                                    const std::function<void(std::int64_t done, std::int64_t total)> &progress,
                                    const std::atomic<bool> &cancel) = 0;
    virtual Result<std::vector<std::string>> list_tags() = 0;
    virtual Result<std::vector<std::string>> catalog() = 0;
};

// Opens a client for one repository (Bearer tokens are scoped per repository). berthd's
// runs the client in a berth-worker (images/worker_registry_client.h); the client itself is
// open_distribution_client (registry/distribution_client.h).
using RegistryClientFactory = std::function<Result<std::unique_ptr<RegistryClient>>(
    const RegistryConfig &config, const Reference &repo, std::optional<Credentials> creds)>;

}  // namespace berth::images
