// SHA-256 digests in the "sha256:<hex>" form the OCI specs use (OpenSSL).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::images {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void update(const void *data, std::size_t size);
    void update(std::string_view s) { update(s.data(), s.size()); }
    // "sha256:<64 hex>"; the object can't be updated afterwards.
    std::string digest();

private:
    struct State;
    std::unique_ptr<State> state_;
};

std::string sha256_digest(std::string_view data);
Result<std::string> sha256_file(const std::filesystem::path &path);

// Chain IDs as the OCI image spec defines them:
// ChainID(L0) = DiffID(L0); ChainID(L0|..|Ln) = sha256(ChainID(..Ln-1) + " " + DiffID(Ln)).
std::string chain_id(std::string_view parent_chain_id, std::string_view diff_id);

}  // namespace berth::images
