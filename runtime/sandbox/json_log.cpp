// json-file log (see json_log.h).
#include "sandbox/json_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include <nlohmann/json.hpp>

namespace berth::sandbox {

Result<JsonLog> JsonLog::open(const std::string &path, int64_t max_size, int max_file) {
    JsonLog log;
    log.path_ = path;
    log.max_size_ = max_size;
    log.max_file_ = max_file < 1 ? 1 : max_file;
    if (path.empty()) return log;
    log.fd_ = TRY(sys::open(path, O_WRONLY | O_CREAT | O_APPEND, 0640));
    struct stat st;
    if (fstat(log.fd_.get(), &st) == 0) log.size_ = st.st_size;
    return log;
}

std::string JsonLog::encode(const std::string &text, const char *stream, const std::string &time) {
    nlohmann::json j = {{"log", text}, {"stream", stream}, {"time", time}};
    // Invalid UTF-8 from a program is replaced, not an error (Docker does the same).
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<void> JsonLog::rotate() {
    fd_.reset();
    if (max_file_ <= 1) {
        fd_ = TRY(sys::open(path_, O_WRONLY | O_CREAT | O_TRUNC, 0640));
        size_ = 0;
        return {};
    }
    for (int i = max_file_ - 1; i >= 1; --i) {
        const std::string from = i == 1 ? path_ : path_ + "." + std::to_string(i - 1);
        const std::string to = path_ + "." + std::to_string(i);
        if (::rename(from.c_str(), to.c_str()) < 0 && errno != ENOENT)
            return Error::sys("rotate log", from);
    }
    fd_ = TRY(sys::open(path_, O_WRONLY | O_CREAT | O_TRUNC, 0640));
    size_ = 0;
    return {};
}

Result<void> JsonLog::emit(const std::string &text, const char *stream) {
    if (!fd_) return {};
    const std::string line = encode(text, stream, sys::now_rfc3339nano());
    if (max_size_ > 0 && size_ > 0 && size_ + static_cast<int64_t>(line.size()) > max_size_)
        TRY(rotate());
    TRY(sys::write_all(fd_.get(), line.data(), line.size(), path_));
    size_ += static_cast<int64_t>(line.size());
    return {};
}

Result<void> JsonLog::write(const char *stream, const char *data, size_t len) {
    std::string &buf = pending_[std::strcmp(stream, "stderr") == 0 ? 1 : 0];
    buf.append(data, len);
    size_t start = 0;
    for (;;) {
        size_t nl = buf.find('\n', start);
        if (nl == std::string::npos) {
            if (buf.size() - start < kMaxLine) break;
            TRY(emit(buf.substr(start, kMaxLine), stream));  // a partial line, as Docker splits
            start += kMaxLine;
            continue;
        }
        TRY(emit(buf.substr(start, nl + 1 - start), stream));
        start = nl + 1;
    }
    buf.erase(0, start);
    return {};
}

Result<void> JsonLog::flush() {
    const char *names[2] = {"stdout", "stderr"};
    for (int i = 0; i < 2; ++i) {
        if (!pending_[i].empty()) TRY(emit(pending_[i], names[i]));
        pending_[i].clear();
    }
    return {};
}

}  // namespace berth::sandbox
