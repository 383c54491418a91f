// One JSON object per line over a pipe: how berthd and berth-worker talk. Errors cross
// the pipe with their kind, so a worker's 404 or 401 is still one in berthd's answer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::util {

// Writes `j` and a newline, all of it (a short write or EPIPE is an error naming `what`).
Result<void> write_json_line(int fd, const nlohmann::json &j, const std::string &what);

class JsonLineReader {
public:
    // Lines longer than `max_line` bytes are an error, not an allocation.
    JsonLineReader(int fd, std::string what, std::size_t max_line = 16 << 20);
    // The next object, or nullopt at the end of the stream. A line that is not a JSON
    // object is an error that quotes its beginning.
    Result<std::optional<nlohmann::json>> next();

private:
    int fd_;
    std::string what_;
    std::size_t max_line_;
    std::string buf_;
    bool eof_ = false;
};

nlohmann::json error_to_json(const Error &e);
// Whatever the object holds, the result is an Error: a malformed one says so.
Error error_from_json(const nlohmann::json &j);

}  // namespace berth::util
