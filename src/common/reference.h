// Image references, parsed and normalised exactly as Docker does it
// (github.com/distribution/reference: ParseNormalizedNamed, FamiliarString).
//   busybox                    -> docker.io/library/busybox:latest
//   127.0.0.1:5000/app:1       -> registry 127.0.0.1:5000, path app, tag 1
//   name@sha256:<64 hex>       -> digest reference
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace berth {

struct Reference {
    std::string domain;  // "docker.io", "127.0.0.1:5000", "localhost"
    std::string path;    // "library/busybox"
    std::string tag;     // empty when only a digest was given
    std::string digest;  // "sha256:..." or empty

    // "docker.io/library/busybox:latest" (tag and/or digest as present).
    std::string full() const;
    // Docker's familiar form: "busybox:latest", "127.0.0.1:5000/app:1".
    std::string familiar() const;
    // Familiar name without tag or digest: "busybox", "127.0.0.1:5000/app".
    std::string familiar_name() const;
    // Full name without tag or digest: "docker.io/library/busybox".
    std::string name() const;
    bool has_digest() const { return !digest.empty(); }
};

// Parses and normalises; with no tag and no digest the tag becomes "latest".
// Errors are ErrorKind::InvalidArgument with Docker's wording
// ("invalid reference format", "invalid reference format: repository name must be lowercase").
Result<Reference> parse_reference(std::string_view text);

// Same, but keeps the tag empty when none was given (for "repo" filters and `tag` targets).
Result<Reference> parse_reference_no_default_tag(std::string_view text);

// True for "sha256:<64 lowercase hex>".
bool is_valid_digest(std::string_view digest);

// True for 64 lowercase hex chars (an image or container ID without "sha256:").
bool is_full_hex_id(std::string_view id);

}  // namespace berth
