#include "images/store/fs_util.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>
#include <system_error>

namespace berth::images::fsx {

void UniqueFd::reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
}

Result<UniqueFd> open_dir(const std::filesystem::path &path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return Error::sys("open directory", path.string());
    return UniqueFd(fd);
}

Result<UniqueFd> open_beneath(int dirfd, const std::string &relative, int flags, mode_t mode) {
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC);
    how.mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    const char *p = relative.empty() ? "." : relative.c_str();
    for (;;) {
        long fd = ::syscall(SYS_openat2, dirfd, p, &how, sizeof how);
        if (fd >= 0) return UniqueFd(static_cast<int>(fd));
        // openat2 returns EAGAIN when a concurrent rename raced the lookup; retrying is
        // what the man page asks for.
        if (errno == EAGAIN || errno == EINTR) continue;
        return Error::sys("open", relative);
    }
}

namespace {

Result<void> remove_children(int dfd, const std::string &what) {
    int dup = ::fcntl(dfd, F_DUPFD_CLOEXEC, 0);
    if (dup < 0) return Error::sys("dup", what);
    DIR *dir = ::fdopendir(dup);
    if (!dir) {
        Error e = Error::sys("fdopendir", what);
        ::close(dup);
        return e;
    }
    Result<void> result;
    while (dirent *de = ::readdir(dir)) {
        std::string name = de->d_name;
        if (name == "." || name == "..") continue;
        result = remove_at(dfd, name);
        if (!result) break;
    }
    ::closedir(dir);
    return result;
}

}  // namespace

Result<void> remove_at(int dirfd, const std::string &name) {
    struct stat st {};
    if (::fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) {
        if (errno == ENOENT) return {};
        return Error::sys("stat", name);
    }
    if (!S_ISDIR(st.st_mode)) {
        if (::unlinkat(dirfd, name.c_str(), 0) < 0 && errno != ENOENT) return Error::sys("unlink", name);
        return {};
    }
    int fd = ::openat(dirfd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return Error::sys("open directory", name);
    UniqueFd child(fd);
    TRY(remove_children(child.get(), name));
    if (::unlinkat(dirfd, name.c_str(), AT_REMOVEDIR) < 0 && errno != ENOENT)
        return Error::sys("remove directory", name);
    return {};
}

Result<void> fsync_path(const std::filesystem::path &path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error::sys("open", path.string());
    UniqueFd guard(fd);
    if (::fsync(fd) < 0) return Error::sys("fsync", path.string());
    return {};
}

static Result<void> write_all(int fd, std::string_view data, const std::filesystem::path &path) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return Error::sys("write", path.string());
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

Result<void> write_file_atomic(const std::filesystem::path &path, std::string_view data) {
    std::filesystem::path tmp = path;
    tmp += ".tmp-" + random_hex(6);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return Error::sys("create", tmp.string());
    UniqueFd guard(fd);
    auto fail = [&](Error e) -> Result<void> {
        ::unlink(tmp.c_str());
        return e;
    };
    if (auto r = write_all(fd, data, tmp); !r) return fail(std::move(r).error());
    if (::fsync(fd) < 0) return fail(Error::sys("fsync", tmp.string()));
    guard.reset();
    if (::rename(tmp.c_str(), path.c_str()) < 0) return fail(Error::sys("rename", path.string()));
    return fsync_path(path.parent_path());
}

Result<std::string> read_file(const std::filesystem::path &path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error::sys("open", path.string());
    UniqueFd guard(fd);
    std::string out;
    char buf[1 << 15];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return Error::sys("read", path.string());
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

Result<void> remove_tree(const std::filesystem::path &path) {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
    if (ec) return Error{"remove", path.string(), ec.value(), {}, ErrorKind::Internal};
    return {};
}

std::string random_hex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    std::size_t got = 0;
    while (got < bytes) {
        ssize_t n = ::getrandom(raw.data() + got, bytes - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        got += static_cast<std::size_t>(n);
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : raw) {
        out += hex[c >> 4];
        out += hex[c & 0xf];
    }
    return out;
}

}  // namespace berth::images::fsx
