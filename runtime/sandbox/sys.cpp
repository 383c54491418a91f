// The thin syscall layer (see sys.h).
#include "sandbox/sys.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "util/atomic_file.h"
#include "util/fd_io.h"

namespace berth::sandbox::sys {

Result<UniqueFd> open(const std::string &path, int flags, mode_t mode) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC, mode);
    if (fd < 0) return Error::sys("open", path);
    return UniqueFd(fd);
}

Result<std::string> read_fd_all(int fd, const std::string &what) {
    std::string out;
    char buf[4096];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return Error::sys("read", what);
        }
        if (n == 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

Result<std::string> read_file(const std::string &path) {
    auto fd = TRY(open(path, O_RDONLY));
    return read_fd_all(fd.get(), path);
}

Result<void> write_all(int fd, const void *data, size_t len, const std::string &what) {
    return util::write_all(fd, std::string_view(static_cast<const char *>(data), len), what);
}

Result<void> write_file(const std::string &path, const std::string &data) {
    auto fd = TRY(open(path, O_WRONLY | O_TRUNC));
    ssize_t n;
    do {
        n = ::write(fd.get(), data.data(), data.size());
    } while (n < 0 && errno == EINTR);
    if (n < 0) return Error::sys("write", path);
    if (static_cast<size_t>(n) != data.size()) return Error{"write", path, 0, "short write"};
    return {};
}

Result<void> write_file_atomic(const std::string &path, const std::string &data) {
    return util::write_file_atomic(path, data);
}

bool exists(const std::string &path) {
    struct stat st;
    return ::lstat(path.c_str(), &st) == 0;
}

Result<void> mkdir_p(const std::string &path, mode_t mode) {
    std::string cur;
    size_t i = 0;
    while (i <= path.size()) {
        size_t j = path.find('/', i);
        if (j == std::string::npos) j = path.size();
        cur = path.substr(0, j);
        if (!cur.empty() && ::mkdir(cur.c_str(), mode) < 0 && errno != EEXIST)
            return Error::sys("mkdir", cur);
        i = j + 1;
    }
    return {};
}

std::string now_rfc3339nano() {
    struct timespec ts;
    ::clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    ::gmtime_r(&ts.tv_sec, &tm);
    char buf[64];
    size_t n = ::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    ::snprintf(buf + n, sizeof buf - n, ".%09ldZ", static_cast<long>(ts.tv_nsec));
    return buf;
}

}  // namespace berth::sandbox::sys
