#include "api/unix_listener.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace berth::api {
namespace {

Result<sockaddr_un> make_address(const std::filesystem::path &path) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string s = path.string();
    if (s.size() >= sizeof addr.sun_path)
        return Error::invalid("socket path `" + s + "` is longer than " +
                              std::to_string(sizeof addr.sun_path - 1) + " bytes");
    std::memcpy(addr.sun_path, s.c_str(), s.size() + 1);
    return addr;
}

// True when some process accepts connections on the socket file.
bool someone_listens(const sockaddr_un &addr) {
    util::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) return false;
    return ::connect(fd.get(), reinterpret_cast<const sockaddr *>(&addr), sizeof addr) == 0;
}

}  // namespace

Result<std::filesystem::path> parse_unix_host(const std::string &host) {
    constexpr std::string_view scheme = "unix://";
    if (host.rfind(scheme, 0) != 0)
        return Error::invalid("unsupported --host `" + host + "`: only unix:///path is supported");
    std::filesystem::path path = host.substr(scheme.size());
    if (!path.is_absolute()) return Error::invalid("--host `" + host + "` must name an absolute path");
    return path;
}

Result<util::UniqueFd> listen_unix(const std::filesystem::path &path, std::optional<gid_t> group) {
    const sockaddr_un addr = TRY(make_address(path));
    const std::filesystem::path dir = path.parent_path();
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
        std::filesystem::create_directories(dir, ec);
        if (ec) return Error::sys("create socket directory", dir.string(), ec.value());
        ::chmod(dir.c_str(), 0755);
    }

    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode))
            return Error::of(ErrorKind::Conflict, "`" + path.string() + "` exists and is not a socket");
        if (someone_listens(addr))
            return Error::of(ErrorKind::Conflict, "another daemon is already listening on `" + path.string() + "`");
        if (::unlink(path.c_str()) < 0) return Error::sys("remove stale socket", path.string());
    }

    util::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) return Error::sys("socket", path.string());
    // bind() creates the file with the umask applied; narrowing the umask means the socket
    // is never reachable by others between bind and chmod. Startup is single-threaded.
    const mode_t old_mask = ::umask(0177);
    const int rc = ::bind(fd.get(), reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
    const int bind_errno = errno;
    ::umask(old_mask);
    if (rc < 0) return Error::sys("bind", path.string(), bind_errno);
    if (group && ::chown(path.c_str(), 0, *group) < 0) return Error::sys("chown socket", path.string());
    if (::chmod(path.c_str(), 0660) < 0) return Error::sys("chmod socket", path.string());
    if (::listen(fd.get(), 128) < 0) return Error::sys("listen", path.string());
    return fd;
}

}  // namespace berth::api
