// Content-addressed blobs under <root>/image/blobs/sha256/<hex>: image configs and
// manifests. A blob is written to a temp file, hashed as written, fsynced and renamed under
// its digest, so a blob file always holds exactly the content its name says.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::images {

class BlobStore {
public:
    BlobStore(std::filesystem::path dir, std::filesystem::path tmp) : dir_(std::move(dir)), tmp_(std::move(tmp)) {}

    std::filesystem::path path(std::string_view digest) const;
    // Stores `data`; returns its "sha256:..." digest.
    Result<std::string> put(std::string_view data) const;
    // Reads a blob and checks that its content still matches its digest.
    Result<std::string> read_verified(std::string_view digest) const;
    Result<void> remove(std::string_view digest) const;

private:
    std::filesystem::path dir_;
    std::filesystem::path tmp_;
};

// "sha256:<hex>" -> "<hex>"; empty when the digest is not a valid sha256 digest.
std::string digest_hex(std::string_view digest);

}  // namespace berth::images
