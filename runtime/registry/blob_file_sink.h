// Streams a blob into a file while hashing and counting it, so a blob is verified in the
// same pass that writes it and a wrong one never has to be read back.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "common/result.h"
#include "images/digest.h"
#include "registry/http_transport.h"

namespace berth::images::registry {

class BlobFileSink final : public BodySink {
public:
    using Progress = std::function<void(std::int64_t done, std::int64_t total)>;

    // Creates or truncates `path`. `expected_size` < 0 means unknown. `what` names the blob
    // in errors: "layer sha256:...".
    static Result<std::unique_ptr<BlobFileSink>> open(const std::filesystem::path &path, std::int64_t expected_size,
                                                      std::string what, const Progress *progress);
    ~BlobFileSink() override;

    bool write(const char *data, std::size_t size) override;
    // Starts over (a retried transfer): empties the file and the hash.
    void restart();
    // Syncs and closes the file, then checks size and digest. On any failure the file is removed.
    Result<void> finish(const std::string &expected_digest);
    // Closes and removes the file (a failed or cancelled transfer).
    void discard();
    // Why write() refused data, if it did.
    const std::optional<Error> &error() const { return error_; }

private:
    BlobFileSink(std::filesystem::path path, int fd, std::int64_t expected_size, std::string what,
                 const Progress *progress);
    void report(bool force);

    std::filesystem::path path_;
    int fd_ = -1;
    std::int64_t expected_size_;
    std::string what_;
    const Progress *progress_;
    std::unique_ptr<Sha256> hash_;
    std::int64_t done_ = 0;
    std::optional<Error> error_;
    std::chrono::steady_clock::time_point last_report_{};
};

}  // namespace berth::images::registry
