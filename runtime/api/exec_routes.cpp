// docker exec over the Engine API: POST /containers/{id}/exec, POST /exec/{id}/start
// (hijacked like attach unless Detach), POST /exec/{id}/resize, GET /exec/{id}/json.
// containers::ExecService does the work; this file maps requests and streams.
#include <poll.h>

#include "api/attach_proxy.h"
#include "api/containers_routes.h"
#include "common/detach_keys.h"
#include "containers/exec_service.h"

namespace berth::api {
namespace {

using nlohmann::json;
using containers::ExecService;

Result<ExecService *> service_of(Daemon &d) {
    if (d.execs == nullptr) return Error::of(ErrorKind::Unavailable, "the container subsystem is not available");
    return d.execs;
}

Result<std::optional<std::pair<std::uint16_t, std::uint16_t>>> console_size(const json &body) {
    std::optional<std::pair<std::uint16_t, std::uint16_t>> out;
    if (!body.contains("ConsoleSize") || body["ConsoleSize"].is_null()) return out;
    const json &cs = body["ConsoleSize"];
    if (!cs.is_array() || cs.size() != 2 || !cs[0].is_number_unsigned() || !cs[1].is_number_unsigned() ||
        cs[0].get<std::uint64_t>() > 65535 || cs[1].get<std::uint64_t>() > 65535)
        return Error::invalid("ConsoleSize must be [height, width] with values from 0 to 65535");
    out.emplace(static_cast<std::uint16_t>(cs[0].get<std::uint64_t>()),
                static_cast<std::uint16_t>(cs[1].get<std::uint64_t>()));
    return out;
}

Result<bool> optional_bool(const json &body, const char *field) {
    if (!body.contains(field) || body[field].is_null()) return false;
    if (!body[field].is_boolean())
        return Error::invalid(std::string("json: cannot unmarshal ") + body[field].type_name() +
                              " into Go struct field ExecStartCheck." + field + " of type bool");
    return body[field].get<bool>();
}

void create(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<std::string> {
        ExecService *svc = TRY(service_of(d));
        const json body = TRY(req.json_body());
        if (!body.is_object()) return Error::invalid("invalid JSON: the request body must be an object");
        // DetachKeys are checked here, as Docker does, so a bad value fails early.
        if (body.contains("DetachKeys") && body["DetachKeys"].is_string())
            TRY(parse_detach_keys(body["DetachKeys"].get<std::string>()));
        return svc->create(req.param("id"), body);
    };
    auto id = run();
    if (!id) return w.error(id.error());
    w.json(Status::created, json{{"Id", *id}});
}

void start(Daemon &d, Request &req, ResponseWriter &w) {
    auto svc_r = service_of(d);
    if (!svc_r) return w.error(svc_r.error());
    ExecService *svc = *svc_r;
    const std::string id = req.param("id");
    auto prepared = [&]() -> Result<std::tuple<bool, std::optional<bool>, std::optional<std::pair<std::uint16_t, std::uint16_t>>, containers::ExecRecord>> {
        const json body = TRY(req.json_body(true));
        if (!body.is_object()) return Error::invalid("invalid JSON: the request body must be an object");
        const bool detach = TRY(optional_bool(body, "Detach"));
        std::optional<bool> tty;
        if (body.contains("Tty") && !body["Tty"].is_null()) tty = TRY(optional_bool(body, "Tty"));
        auto size = TRY(console_size(body));
        auto rec = TRY(svc->get(id));
        if (rec.running) return Error::conflict("Error: Exec command " + id + " is already running");
        if (rec.started) return Error::conflict("Error: Exec command " + id + " has already run");
        return std::make_tuple(detach, tty, size, rec);
    }();
    if (!prepared) return w.error(prepared.error());
    auto [detach, tty_override, size, rec] = *prepared;
    if (detach) {
        if (auto r = svc->start(id, tty_override, size); !r) return w.error(r.error());
        return w.text(Status::ok, "application/json", "");
    }
    const bool tty = tty_override.value_or(rec.tty);
    auto conn = w.hijack(tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream");
    if (!conn) return;
    // The process waits at its start gate until we are connected: no output is lost.
    util::UniqueFd monitor;
    Error connect_error;
    auto started = svc->start(id, tty_override, size, [&] {
        auto sock = svc->attach_socket(id);
        if (!sock) return;
        auto fd = connect_attach_socket(*sock);
        if (fd) monitor = std::move(*fd);
        else connect_error = fd.error();
    });
    if (!started) {
        // Past the hijack the only way to tell the client is the stream itself (as Docker).
        const std::string text = started.error().message() + "\r\n";
        const std::string out = tty ? text : attach_frame(1, text.data(), text.size());
        send_all(conn->fd, out.data(), out.size());
        return;
    }
    if (!monitor) return;
    ProxyOptions o;
    o.forward_stdin = rec.attach_stdin;
    o.buffered = std::move(conn->buffered);
    // With a TTY a departing client leaves the process' stdin open, as Docker does.
    o.close_stdin_on_eof = !tty;
    if (tty && rec.attach_stdin)
        if (auto keys = parse_detach_keys(rec.detach_keys); keys) o.detach_keys = *keys;
    const ProxyEnd end = proxy_attach(conn->fd, monitor.get(), std::move(o));
    // The client reads the exit code right after the stream ends: record it first.
    if (end == ProxyEnd::OutputEnded) svc->wait_exit(id, std::chrono::seconds(5));
}

void resize(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        ExecService *svc = TRY(service_of(d));
        const long long h = TRY(req.query.get_int("h", 0));
        const long long wd = TRY(req.query.get_int("w", 0));
        return svc->resize(req.param("id"), static_cast<int>(h), static_cast<int>(wd));
    };
    if (auto r = run(); !r) return w.error(r.error());
    w.text(Status::ok, "text/plain", "");
}

void inspect(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        ExecService *svc = TRY(service_of(d));
        return svc->inspect(req.param("id"));
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

}  // namespace

void register_exec_routes(Router &router, Daemon &d) {
    auto bind = [&d](void (*fn)(Daemon &, Request &, ResponseWriter &)) {
        return [&d, fn](Request &req, ResponseWriter &w) { fn(d, req, w); };
    };
    router.add("POST", "/containers/{id}/exec", bind(create));
    router.add("POST", "/exec/{id}/start", bind(start));
    router.add("POST", "/exec/{id}/resize", bind(resize));
    router.add("GET", "/exec/{id}/json", bind(inspect));
}

}  // namespace berth::api
