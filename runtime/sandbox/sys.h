// The sandbox's thin syscall layer: an owning fd, whole-file reads and writes, atomic
// state files. Only this layer (and the kernel-concern files calling a syscall directly)
// read errno; everything above passes berth::Error up with TRY.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>

#include "common/result.h"
#include "util/unique_fd.h"

namespace berth::sandbox::sys {

// An owned file descriptor, closed on destruction; release() hands it over.
using UniqueFd = util::UniqueFd;

Result<UniqueFd> open(const std::string &path, int flags, mode_t mode = 0);
Result<std::string> read_file(const std::string &path);
// Reads a small file without allocation failure paths mattering (cgroup and proc files).
Result<std::string> read_fd_all(int fd, const std::string &what);
// Writes the whole string (cgroup control files want one write()).
Result<void> write_file(const std::string &path, const std::string &data);
// Temp file next to `path`, fsync, rename over it, fsync the directory.
Result<void> write_file_atomic(const std::string &path, const std::string &data);
// Loops over short writes and EINTR.
Result<void> write_all(int fd, const void *data, size_t len, const std::string &what);
bool exists(const std::string &path);
// mkdir -p with mode for created components.
Result<void> mkdir_p(const std::string &path, mode_t mode = 0755);
// RFC 3339 UTC with nanoseconds: 2026-11-25T11:29:38.123456789Z (Docker's log timestamps).
std::string now_rfc3339nano();

}  // namespace berth::sandbox::sys
