// POST /containers/{id}/attach (hijacked) and /resize: the daemon connects to the
// container monitor's attach socket (sandbox/README.md) and copies bytes both ways.
// Output from the monitor is already in the wire format (multiplexed frames without a
// TTY, raw with one); stdin from the client is framed for the monitor.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

#include "api/attach_proxy.h"
#include "api/containers_routes.h"
#include "common/detach_keys.h"
#include "containers/log_reader.h"
#include "containers/service.h"
#include "util/unique_fd.h"

namespace berth::api {
namespace {

using containers::ContainerService;

void replay(ContainerService &svc, const std::string &id, bool tty, int fd) {
    containers::LogOptions o;
    (void)containers::read_logs(
        svc.store().log_path(id), o,
        [&](const containers::LogEntry &e) {
            const std::string out = tty ? e.text : containers::mux_frame(e.stream == "stderr" ? 2 : 1, e.text);
            return send_all(fd, out.data(), out.size());
        },
        [] { return false; });
}

void attach(Daemon &d, Request &req, ResponseWriter &w) {
    if (d.containers == nullptr) return w.error(Error::of(ErrorKind::Unavailable, "the container subsystem is not available"));
    ContainerService *svc = d.containers;
    auto c = svc->get(req.param("id"));
    if (!c) return w.error(c.error());
    const bool stream = req.query.get_bool("stream");
    const bool replay_logs = req.query.get_bool("logs");
    if (!stream && !replay_logs) return w.error(Error::invalid("Bad parameters: you must choose at least one stream"));
    const std::string id = c->id;
    const bool tty = c->tty();
    const bool forward_stdin = req.query.get_bool("stdin") && c->config.value("OpenStdin", false);
    std::string detach_keys;
    if (tty && forward_stdin) {
        auto keys = parse_detach_keys(req.query.get_or("detachKeys", ""));
        if (!keys) return w.error(keys.error());
        detach_keys = *keys;
    }
    if (!stream) {
        // logs=1 alone: the log so far, then the end of the stream.
        auto conn = w.hijack(tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream");
        if (conn) replay(*svc, id, tty, conn->fd);
        return;
    }
    svc->attach_register(id);
    auto conn = w.hijack(tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream");
    if (!conn) {
        svc->attach_unregister(id);
        return;
    }
    svc->publish(*c, "attach");
    // logs=1: what the container wrote so far comes first (Docker replays the log).
    if (replay_logs) replay(*svc, id, tty, conn->fd);
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
    auto monitor = connect_attach_socket(svc->attach_socket(id));
    svc->attach_unregister(id);
    if (!monitor) return;
    ProxyOptions o;
    o.forward_stdin = forward_stdin;
    o.buffered = std::move(conn->buffered);
    o.detach_keys = detach_keys;
    // With a TTY a departing client (or one that detached) leaves stdin open, as Docker does.
    o.close_stdin_on_eof = !tty;
    if (proxy_attach(conn->fd, monitor->get(), std::move(o)) == ProxyEnd::Detached) svc->publish(*c, "detach");
}

void resize(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        if (d.containers == nullptr) return Error::of(ErrorKind::Unavailable, "the container subsystem is not available");
        auto c = TRY(d.containers->get(req.param("id")));
        const long long h = TRY(req.query.get_int("h", 0));
        const long long wd = TRY(req.query.get_int("w", 0));
        if (h < 0 || wd < 0 || h > 65535 || wd > 65535) return Error::invalid("invalid terminal size");
        if (!c.state.running) return Error::conflict("Container " + c.id + " is not running");
        auto fd = TRY(connect_attach_socket(d.containers->attach_socket(c.id)));
        const char size[4] = {static_cast<char>(h >> 8), static_cast<char>(h & 0xff), static_cast<char>(wd >> 8),
                              static_cast<char>(wd & 0xff)};
        auto f = attach_frame(4, size, sizeof size);
        if (!send_all(fd.get(), f.data(), f.size())) return Error::sys("resize", c.id);
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
