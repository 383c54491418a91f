// What berthd and berth-worker share for docker cp and docker export: the tar stream types,
// the extraction options, and the worker's protocol (worker_archive.h starts the worker,
// worker/archive_modes.cpp is the worker's side, container_tar/ does the tar work there).
//
// The protocol, one worker per request:
//   archive-stat PATH        stdout: {"result": PathStat} or {"error": ...}
//   archive-get PATH         stdout: {"stat": PathStat} first (or {"error": ...} and nothing
//                            else), then the tar on kTarFd, then {"result": {}} or {"error": ...}
//   archive-put PATH [--no-overwrite-dir-non-dir] [--owner-user USER]
//                            the tar on stdin; stdout: {"result": {}} or {"error": ...}
//   export                   the tar on kTarFd; stdout: {"result": {}} or {"error": ...}
// The container's root (a RootfsView's O_PATH fd) is always kRootFd. PATH is always the
// first argument, so a path that looks like an option is still a path.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "containers/path_stat.h"

namespace berth::containers {

// Receives tar bytes; returning false means the reader is gone (the write fails).
using TarSink = std::function<bool(std::string_view)>;

// Where a streamed tar comes from (a request body): fills `buf` with up to `size` bytes and
// returns the count, 0 at the end. Its errors end the extraction as they are.
using TarSource = std::function<Result<std::size_t>(char *buf, std::size_t size)>;

struct ExtractIntoOptions {
    bool no_overwrite_dir_non_dir = false;
    // docker cp -a (copyUIDGID): everything owned by this Config.User, looked up in the
    // container's /etc/passwd and /etc/group; empty keeps the tar's owners.
    std::string owner_user;
};

namespace archive_job {

inline constexpr int kRootFd = 3;  // the container's "/" in the worker
inline constexpr int kTarFd = 4;   // where archive-get and export write their tar

inline constexpr const char *kStat = "archive-stat";
inline constexpr const char *kGet = "archive-get";
inline constexpr const char *kPut = "archive-put";
inline constexpr const char *kExport = "export";

inline constexpr const char *kNoOverwriteDirNonDir = "--no-overwrite-dir-non-dir";
inline constexpr const char *kOwnerUser = "--owner-user";

}  // namespace archive_job

// The PathStat a worker sent (to_json's fields); a malformed one is an internal error.
Result<PathStat> path_stat_from_json(const nlohmann::json &j);

}  // namespace berth::containers
