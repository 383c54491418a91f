// Docker's json-file log: one JSON object per line,
//   {"log":"hi\n","stream":"stdout","time":"2026-11-25T11:29:38.123456789Z"}
// split at newlines (and at 16 KiB, like Docker, for very long lines), rotated by size:
// <path> is live, <path>.1 the newest rotated, up to max_file files in total.
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "sandbox/sys.h"

namespace berth::sandbox {

class JsonLog {
public:
    static constexpr size_t kMaxLine = 16 * 1024;

    // An empty path gives a log that drops everything.
    static Result<JsonLog> open(const std::string &path, int64_t max_size, int max_file);

    // Buffers partial lines per stream ("stdout"/"stderr") and writes complete ones.
    Result<void> write(const char *stream, const char *data, size_t len);
    // Writes what is left of unterminated lines (at EOF).
    Result<void> flush();

    // One encoded line (pure; used by tests).
    static std::string encode(const std::string &text, const char *stream, const std::string &time);

private:
    Result<void> emit(const std::string &text, const char *stream);
    Result<void> rotate();

    std::string path_;
    int64_t max_size_ = 0;
    int max_file_ = 1;
    sys::UniqueFd fd_;
    int64_t size_ = 0;
    std::string pending_[2];  // stdout, stderr
};

}  // namespace berth::sandbox
