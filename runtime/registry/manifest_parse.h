// Manifests as registries serve them: Docker schema2 and OCI image manifests, Docker
// manifest lists and OCI indexes. Everything read from the registry is validated here
// (digests, sizes, schema version) before the rest of Berth trusts it.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "images/registry_client.h"

namespace berth::images::registry {

inline constexpr const char *kDockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr const char *kDockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr const char *kOciManifest = "application/vnd.oci.image.manifest.v1+json";
inline constexpr const char *kOciIndex = "application/vnd.oci.image.index.v1+json";

// The Accept header for manifest requests: every type above, so no registry converts.
std::string manifest_accept_header();

enum class ManifestKind { Image, Index };

struct ParsedDocument {
    ManifestKind kind = ManifestKind::Image;
    std::string media_type;
    nlohmann::json doc;
};

// Decides what a manifest is from its Content-Type, else its mediaType field, else its shape
// (OCI allows omitting mediaType). Refuses schema1 and anything unknown.
Result<ParsedDocument> classify_manifest(std::string_view raw, std::string_view content_type);

// The config and layers of an image manifest; `raw` and `digest` are kept in the result.
Result<Manifest> parse_image_manifest(const ParsedDocument &parsed, std::string raw, std::string digest);

// One descriptor ({mediaType, digest, size, urls, platform}), validated.
Result<Descriptor> parse_descriptor(const nlohmann::json &j);

}  // namespace berth::images::registry
