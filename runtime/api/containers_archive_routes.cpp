// The container file-system endpoints: changes (docker diff), archive GET/HEAD/PUT (docker
// cp) and export. The work is in runtime/containers (changes, rootfs_view) and, for the
// tars, in a berth-worker started per request (worker_archive); here requests become
// calls and results Docker's answers.
#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "api/containers_routes.h"
#include "containers/changes.h"
#include "containers/rootfs_view.h"
#include "containers/service.h"
#include "containers/worker_archive.h"
#include "images/image_store.h"
#include "util/log.h"

namespace berth::api {
namespace {

using containers::ArchiveWorker;
using containers::ContainerService;
using containers::ViewPurpose;

constexpr const char *kPathStatHeader = "X-Docker-Container-Path-Stat";

Result<std::string> path_param(const Request &req) {
    std::string path = req.query.get_or("path", "");
    if (path.empty()) return Error::invalid("path cannot be empty");
    if (path.find('\0') != std::string::npos) return Error::invalid("invalid path");
    return path;
}

// The route streams its body (BodyMode::Streamed); a request built without a reader
// (a unit test's) has it in `body`.
Result<std::size_t> read_body(Request &req, char *buf, std::size_t size) {
    if (req.body_reader != nullptr) return req.body_reader->read(buf, size);
    const std::size_t n = std::min(size, req.body.size());
    std::memcpy(buf, req.body.data(), n);
    req.body.erase(0, n);
    return n;
}

// Docker's wording for a path that is not there.
Error file_error(Error e, const std::string &path, const std::string &container) {
    if (e.kind == ErrorKind::NotFound && e.err == ENOENT)
        return Error::not_found("Could not find the file " + path + " in container " + container);
    return e;
}

void changes(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<nlohmann::json> {
        ContainerService *svc = TRY(container_service_of(d));
        auto c = TRY(svc->get(req.param("id")));
        if (!svc->options().images) return Error::internal("no image store");
        auto layers = TRY(svc->options().images->layer_dirs(c.image_id));
        auto list = TRY(containers::upper_dir_changes(svc->store().dir(c.id) / "upper", layers));
        return containers::to_api_json(list);
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void archive_head(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<containers::PathStat> {
        ContainerService *svc = TRY(container_service_of(d));
        const std::string path = TRY(path_param(req));
        auto view = TRY(containers::open_rootfs_view(*svc, req.param("id"), ViewPurpose::Read));
        const auto worker = TRY(ArchiveWorker::beside_daemon(req.param("id")));
        auto st = worker.stat(view.root(), path);
        if (!st) return file_error(std::move(st).error(), path, req.param("id"));
        return st;
    };
    auto st = run();
    if (!st) return w.error(st.error());
    w.set_header(kPathStatHeader, containers::encode_path_stat_header(*st));
    w.text(Status::ok, "text/plain", "");
}

void archive_get(Daemon &d, Request &req, ResponseWriter &w) {
    // The view stays open while the worker reads through its root fd.
    std::optional<containers::RootfsView> view;
    std::string path;
    auto prepare = [&]() -> Result<containers::WorkerTarStream> {
        ContainerService *svc = TRY(container_service_of(d));
        path = TRY(path_param(req));
        view.emplace(TRY(containers::open_rootfs_view(*svc, req.param("id"), ViewPurpose::Read)));
        const auto worker = TRY(ArchiveWorker::beside_daemon(req.param("id")));
        // The worker stats the path before it writes any tar byte: a 404 is still an answer.
        auto tar = worker.get(view->root(), path);
        if (!tar) return file_error(std::move(tar).error(), path, req.param("id"));
        return tar;
    };
    auto tar = prepare();
    if (!tar) return w.error(tar.error());
    w.set_header(kPathStatHeader, containers::encode_path_stat_header(tar->stat()));
    if (!w.begin_stream(Status::ok, "application/x-tar")) return;
    auto r = tar->copy_to([&](std::string_view b) { return w.write_chunk(b); });
    // The header is out: a failure can only cut the tar short, which the client notices.
    if (!r && r.error().kind != ErrorKind::Cancelled)
        log::warn("archive " + path + " of container " + req.param("id") + ": " + r.error().message());
    w.finish();
}

void archive_put(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        ContainerService *svc = TRY(container_service_of(d));
        const std::string path = TRY(path_param(req));
        containers::ExtractIntoOptions o;
        o.no_overwrite_dir_non_dir = req.query.get_bool("noOverwriteDirNonDir");
        if (req.query.get_bool("copyUIDGID")) {
            auto c = TRY(svc->get(req.param("id")));
            o.owner_user = c.config.value("User", std::string());
        }
        auto view = TRY(containers::open_rootfs_view(*svc, req.param("id"), ViewPurpose::Write));
        const auto worker = TRY(ArchiveWorker::beside_daemon(req.param("id")));
        // The tar streams from the socket into the worker's extractor: docker cp has no size
        // limit, and nothing the size of the body is ever held in memory.
        containers::TarSource body = [&req](char *buf, std::size_t size) { return read_body(req, buf, size); };
        auto r = worker.put(view.root(), path, body, o);
        if (!r) return file_error(std::move(r).error(), path, req.param("id"));
        // What follows the tar's end marker (block padding) is read too, so the connection
        // stays usable for the next request.
        std::vector<char> rest(64 * 1024);
        while (TRY(read_body(req, rest.data(), rest.size())) > 0) {
        }
        return {};
    };
    auto r = run();
    if (!r) return w.error(r.error());
    w.text(Status::ok, "text/plain", "");
}

void export_container(Daemon &d, Request &req, ResponseWriter &w) {
    std::optional<containers::RootfsView> view;
    auto prepare = [&]() -> Result<containers::WorkerTarStream> {
        ContainerService *svc = TRY(container_service_of(d));
        view.emplace(TRY(containers::open_rootfs_view(*svc, req.param("id"), ViewPurpose::Export)));
        const auto worker = TRY(ArchiveWorker::beside_daemon(req.param("id")));
        // Started before the status line, so a worker that cannot start is still a 500.
        return worker.export_root(view->root());
    };
    auto tar = prepare();
    if (!tar) return w.error(tar.error());
    if (!w.begin_stream(Status::ok, "application/x-tar")) return;
    auto r = tar->copy_to([&](std::string_view b) { return w.write_chunk(b); });
    if (!r && r.error().kind != ErrorKind::Cancelled)
        log::warn("export container " + req.param("id") + ": " + r.error().message());
    w.finish();
}

}  // namespace

void register_container_archive_routes(Router &router, Daemon &d) {
    auto bind = [&d](void (*fn)(Daemon &, Request &, ResponseWriter &)) {
        return [&d, fn](Request &req, ResponseWriter &w) { fn(d, req, w); };
    };
    router.add("GET", "/containers/{id}/changes", bind(changes));
    router.add("HEAD", "/containers/{id}/archive", bind(archive_head));
    router.add("GET", "/containers/{id}/archive", bind(archive_get));
    router.add("PUT", "/containers/{id}/archive", bind(archive_put), BodyMode::Streamed);
    router.add("GET", "/containers/{id}/export", bind(export_container));
}

}  // namespace berth::api
