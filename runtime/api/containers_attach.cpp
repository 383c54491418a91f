// POST /containers/{id}/attach (hijacked) and /resize: the daemon connects to the
// container monitor's attach socket (sandbox/README.md) and copies bytes both ways.
// Output from the monitor is already in the wire format (multiplexed frames without a
// TTY, raw with one); stdin from the client is framed for the monitor.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

#include "api/containers_routes.h"
#include "containers/service.h"
#include "util/unique_fd.h"

namespace berth::api {
namespace {

using containers::ContainerService;

Result<util::UniqueFd> connect_attach(const std::filesystem::path &path) {
    util::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) return Error::sys("socket", path.string());
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.string().size() >= sizeof addr.sun_path) return Error::invalid("attach socket path too long: " + path.string());
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    if (::connect(fd.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0) return Error::sys("connect", path.string());
    return fd;
}

bool write_all(int fd, const char *data, std::size_t len) {
    while (len > 0) {
        ssize_t n = ::send(fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        len -= static_cast<std::size_t>(n);
    }
    return true;
}

std::string frame(unsigned char type, const char *data, std::size_t len) {
    std::string out(8, '\0');
    out[0] = static_cast<char>(type);
    out[4] = static_cast<char>((len >> 24) & 0xff);
    out[5] = static_cast<char>((len >> 16) & 0xff);
    out[6] = static_cast<char>((len >> 8) & 0xff);
    out[7] = static_cast<char>(len & 0xff);
    out.append(data, len);
    return out;
}

// Copies until the monitor closes (the container ended) or the client goes away.
void proxy(int client, int monitor, bool forward_stdin, std::string buffered) {
    if (forward_stdin && !buffered.empty()) {
        auto f = frame(0, buffered.data(), buffered.size());
        write_all(monitor, f.data(), f.size());
    }
    bool client_open = true;
    char buf[32768];
    for (;;) {
        pollfd p[2] = {{monitor, POLLIN, 0}, {client, static_cast<short>(client_open ? POLLIN : 0), 0}};
        if (::poll(p, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (p[0].revents) {
            ssize_t n = ::read(monitor, buf, sizeof buf);
            if (n <= 0) return;
            if (!write_all(client, buf, static_cast<std::size_t>(n))) return;
        }
        if (client_open && p[1].revents) {
            ssize_t n = ::read(client, buf, sizeof buf);
            if (n <= 0) {
                // The client closed its sending side: that is stdin's EOF (docker run -i).
                client_open = false;
                if (forward_stdin) {
                    auto f = frame(3, nullptr, 0);
                    write_all(monitor, f.data(), f.size());
                }
                if (n < 0) return;
                continue;
            }
            if (forward_stdin) {
                auto f = frame(0, buf, static_cast<std::size_t>(n));
                if (!write_all(monitor, f.data(), f.size())) return;
            }
        }
    }
}

void attach(Daemon &d, Request &req, ResponseWriter &w) {
    if (d.containers == nullptr) return w.error(Error::of(ErrorKind::Unavailable, "the container subsystem is not available"));
    ContainerService *svc = d.containers;
    auto c = svc->get(req.param("id"));
    if (!c) return w.error(c.error());
    if (!req.query.get_bool("stream"))
        return w.error(Error::invalid("attach without stream=1 (logs only) is not supported; use /logs"));
    const std::string id = c->id;
    const bool tty = c->tty();
    const bool forward_stdin = req.query.get_bool("stdin") && c->config.value("OpenStdin", false);
    svc->attach_register(id);
    auto conn = w.hijack(tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream");
    if (!conn) {
        svc->attach_unregister(id);
        return;
    }
    svc->publish(*c, "attach");
    // Only a full hangup means the client left: docker half-closes its sending side at
    // once when it attaches no stdin.
    auto gone = [fd = conn->fd] {
        pollfd p{fd, 0, 0};
        return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR));
    };
    if (!svc->attach_wait(id, gone)) {
        svc->attach_unregister(id);
        return;
    }
    auto monitor = connect_attach(svc->attach_socket(id));
    svc->attach_unregister(id);
    if (!monitor) return;
    proxy(conn->fd, monitor->get(), forward_stdin, std::move(conn->buffered));
}

void resize(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        if (d.containers == nullptr) return Error::of(ErrorKind::Unavailable, "the container subsystem is not available");
        auto c = TRY(d.containers->get(req.param("id")));
        const long long h = TRY(req.query.get_int("h", 0));
        const long long wd = TRY(req.query.get_int("w", 0));
        if (h < 0 || wd < 0 || h > 65535 || wd > 65535) return Error::invalid("invalid terminal size");
        if (!c.state.running) return Error::conflict("Container " + c.id + " is not running");
        auto fd = TRY(connect_attach(d.containers->attach_socket(c.id)));
        const char size[4] = {static_cast<char>(h >> 8), static_cast<char>(h & 0xff), static_cast<char>(wd >> 8),
                              static_cast<char>(wd & 0xff)};
        auto f = frame(4, size, sizeof size);
        if (!write_all(fd.get(), f.data(), f.size())) return Error::sys("resize", c.id);
        return {};
    };
    if (auto r = run(); !r) return w.error(r.error());
    w.text(Status::ok, "text/plain", "");
}

}  // namespace

void register_container_attach_routes(Router &router, Daemon &d) {
    router.add("POST", "/containers/{id}/attach", [&d](Request &req, ResponseWriter &w) { attach(d, req, w); });
    router.add("POST", "/containers/{id}/resize", [&d](Request &req, ResponseWriter &w) { resize(d, req, w); });
}

}  // namespace berth::api
