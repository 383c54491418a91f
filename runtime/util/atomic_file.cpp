#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "util/scope_exit.h"
#include "util/unique_fd.h"

namespace berth::util {
namespace {

Result<void> write_all(int fd, std::string_view data, const std::string &what) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return Error::sys("write", what);
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

}  // namespace

Result<void> write_file_atomic(const std::filesystem::path &path, std::string_view data, mode_t mode) {
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
    std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    UniqueFd fd(::mkostemp(tmpl.data(), O_CLOEXEC));
    if (!fd) return Error::sys("create temp file for", path.string());
    ScopeExit remove_temp([&] { ::unlink(tmpl.c_str()); });

    TRY(write_all(fd.get(), data, tmpl));
    if (::fchmod(fd.get(), mode) < 0) return Error::sys("chmod", tmpl);
    if (::fsync(fd.get()) < 0) return Error::sys("fsync", tmpl);
    fd.reset();
    if (::rename(tmpl.c_str(), path.c_str()) < 0) return Error::sys("rename into place", path.string());
    remove_temp.release();

    UniqueFd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir_fd) return Error::sys("open directory", dir.string());
    if (::fsync(dir_fd.get()) < 0) return Error::sys("fsync directory", dir.string());
    return {};
}

Result<std::string> read_file(const std::filesystem::path &path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) {
        Error e = Error::sys("open", path.string());
        if (e.err == ENOENT) e.kind = ErrorKind::NotFound;
        return e;
    }
    std::string out;
    char buf[8192];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return Error::sys("read", path.string());
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

}  // namespace berth::util
