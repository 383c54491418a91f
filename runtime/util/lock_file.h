// An exclusive, non-blocking flock(2) on a file: one berthd per root. The kernel drops
// the lock when the process dies, so a crashed daemon never leaves a stale lock behind.
#pragma once

#include <filesystem>

#include "common/result.h"
#include "util/unique_fd.h"

namespace berth::util {

class LockFile {
public:
    // Creates `path` if needed and locks it; writes our pid into it for people to read.
    // Fails with ErrorKind::Conflict when another process holds the lock.
    static Result<LockFile> acquire(const std::filesystem::path &path);

    const std::filesystem::path &path() const { return path_; }

private:
    LockFile(std::filesystem::path path, UniqueFd fd) : path_(std::move(path)), fd_(std::move(fd)) {}
    std::filesystem::path path_;
    UniqueFd fd_;
};

}  // namespace berth::util
