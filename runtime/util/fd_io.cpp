#include "util/fd_io.h"

#include <fcntl.h>
#include <unistd.h>

namespace berth::util {

Result<void> write_all(int fd, std::string_view data, const std::string &what) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::sys("write", what);
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

Result<std::pair<UniqueFd, UniqueFd>> make_pipe(const std::string &what) {
    int p[2];
    if (::pipe2(p, O_CLOEXEC) < 0) return Error::sys("pipe2", what);
    return std::pair{UniqueFd(p[0]), UniqueFd(p[1])};
}

}  // namespace berth::util
