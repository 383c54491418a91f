// Reads a container's json-file log (written by its monitor, sandbox/json_log.h): the
// rotated files oldest first, then the live one, with Docker's tail/since/until, and
// follows the live file (surviving rotation) for `logs -f`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "common/result.h"

namespace berth::containers {

struct LogOptions {
    bool stdout_stream = true;
    bool stderr_stream = true;
    std::int64_t tail = -1;                // -1: all
    std::optional<std::int64_t> since_ns;  // entries at or after
    std::optional<std::int64_t> until_ns;  // entries before
    bool follow = false;
};

struct LogEntry {
    std::string stream;  // "stdout" or "stderr"
    std::string text;
    std::string time;    // RFC3339Nano as written
};

// `emit` returns false to stop (client gone). With `follow`, keeps reading new lines
// until `still_running` returns false, then drains what is left.
Result<void> read_logs(const std::filesystem::path &log_path, const LogOptions &options,
                       const std::function<bool(const LogEntry &)> &emit,
                       const std::function<bool()> &still_running);

// Docker's log frame: [stream, 0, 0, 0, size u32 BE] then the payload (1 stdout, 2 stderr).
std::string mux_frame(int stream, const std::string &payload);
// RFC3339Nano with all nine fraction digits, as `docker logs -t` prints.
std::string fixed_nano_time(const std::string &rfc3339);

}  // namespace berth::containers
