// Small file-system helpers for the image store and the layer unpacker: an owning fd,
// openat2 confined beneath a directory, atomic file writes and recursive removal.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "common/result.h"

namespace berth::images::fsx {

class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd &&o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
    UniqueFd &operator=(UniqueFd &&o) noexcept {
        if (this != &o) {
            reset();
            fd_ = std::exchange(o.fd_, -1);
        }
        return *this;
    }
    UniqueFd(const UniqueFd &) = delete;
    UniqueFd &operator=(const UniqueFd &) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    int release() { return std::exchange(fd_, -1); }
    void reset(int fd = -1);

private:
    int fd_ = -1;
};

// Opens a directory (O_RDONLY|O_DIRECTORY|O_CLOEXEC).
Result<UniqueFd> open_dir(const std::filesystem::path &path);

// Opens `relative` beneath `dirfd` with openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS):
// the kernel refuses any resolution (symlinks included, absolute or relative, however
// chained) that would leave the directory, with EXDEV. O_CLOEXEC is always added.
// On failure Error::err holds the errno.
Result<UniqueFd> open_beneath(int dirfd, const std::string &relative, int flags, mode_t mode = 0);

// Removes `name` in `dirfd` and, for a directory, everything below it, without following
// symlinks. A missing entry is not an error.
Result<void> remove_at(int dirfd, const std::string &name);

// Writes `data` to `path` atomically: a temp file in the same directory, fsync, rename,
// fsync of the directory, so a reader sees the old file or the new one, never a mix.
Result<void> write_file_atomic(const std::filesystem::path &path, std::string_view data);

Result<std::string> read_file(const std::filesystem::path &path);
Result<void> fsync_path(const std::filesystem::path &path);
// Removes a tree; a missing path is not an error.
Result<void> remove_tree(const std::filesystem::path &path);
// `bytes` random bytes as lowercase hex (for temp names).
std::string random_hex(std::size_t bytes);

}  // namespace berth::images::fsx
