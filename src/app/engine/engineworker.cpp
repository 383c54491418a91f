#include "engine/engineworker.h"

#include "engine/engineerror.h"
#include "engine/enginejson.h"
#include "engine/workerclient.h"

#include "client/api_error.h"
#include "client/engine_client.h"
#include "client/host.h"
#include "client/http_transport.h"
#include "client/query.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

using berth::client::EngineClient;
using berth::client::Query;
using nlohmann::json;

namespace {
// Pull progress reaches the GUI at most this often; the last batch is sent at the end.
constexpr qint64 kBatchIntervalMs = 50;

std::string utf8(const QString &s) { return s.toStdString(); }
QString qstr(const std::string &s) { return QString::fromStdString(s); }

// "busybox", "busybox:1.36", "127.0.0.1:5000/busybox@sha256:..." -> image and tag of a
// pull. The tag is after the last ':' that follows the last '/' (before it, a port).
std::pair<std::string, std::string> splitReference(const QString &reference)
{
    const int at = reference.indexOf(u'@');
    if (at >= 0)
        return {utf8(reference.left(at)), utf8(reference.mid(at + 1))};
    const int slash = reference.lastIndexOf(u'/');
    const int colon = reference.lastIndexOf(u':');
    if (colon > slash)
        return {utf8(reference.left(colon)), utf8(reference.mid(colon + 1))};
    return {utf8(reference), "latest"};
}

// GET from a registry's Distribution API (not the engine), on a connection of its own.
berth::Result<berth::client::HttpResponse> registryGet(berth::client::Host registry, std::string path,
                                                       const std::atomic<bool> *cancel)
{
    berth::client::HttpTransport transport(std::move(registry));
    berth::client::HttpRequest req;
    req.path = std::move(path);
    req.timeout_ms = 15000;
    req.cancel = cancel;
    return transport.perform(req);
}

// The registry's host without a scheme: "127.0.0.1:5000".
QString registryPrefix(const QString &registry)
{
    return registry.trimmed().remove(QRegularExpression(QStringLiteral("^[a-z]+://")));
}
}  // namespace

EngineWorker::EngineWorker(QObject *parent) : QObject(parent) {}
EngineWorker::~EngineWorker() = default;

void EngineWorker::setHost(const QString &hostText)
{
    m_hostText = hostText.trimmed();
    m_client.reset();
    m_hostError.clear();
    ensureClient();
}

bool EngineWorker::ensureClient()
{
    if (m_client)
        return true;
    auto host = hostFromSetting(m_hostText);
    if (!host) {
        m_hostError = qstr(host.error().message());
        m_resolvedHost = m_hostText;
        return false;
    }
    m_resolvedHost = qstr(host->text);
    m_socketPath = host->scheme == berth::client::Host::Scheme::Unix ? qstr(host->socket_path) : QString();
    m_defaultSocket = host->text == berth::client::kDefaultHost;
    m_client = newWorkerClient(std::move(host).value());
    return true;
}

void EngineWorker::ping()
{
    // A fresh client per attempt: the engine may have been replaced by another version,
    // and the API version is negotiated again on the first request.
    m_client.reset();
    if (!ensureClient()) {
        emit unreachable(m_hostText, UnreachableReason::BadAddress, m_hostError);
        return;
    }
    auto pong = m_client->ping();
    if (!pong) {
        const EngineError e = toEngineError(pong.error());
        if (e.status != 0) {
            emit unreachable(m_resolvedHost, UnreachableReason::Other,
                             QStringLiteral("/_ping: HTTP %1: %2").arg(e.status).arg(e.message));
            return;
        }
        SocketDiagnosis d = m_socketPath.isEmpty() ? SocketDiagnosis{UnreachableReason::NotRunning, e.message}
                                                   : diagnoseUnixSocket(m_socketPath, 0, m_defaultSocket);
        if (d.detail.isEmpty())
            d.detail = e.message;
        emit unreachable(m_resolvedHost, d.reason, d.detail);
        return;
    }
    QVariantMap info;
    auto version = m_client->version();
    if (version) {
        const json &v = *version;
        info.insert(QStringLiteral("version"), enginejson::str(v, "Version"));
        info.insert(QStringLiteral("os"), enginejson::str(v, "Os"));
        if (auto p = v.find("Platform"); p != v.end())
            info.insert(QStringLiteral("name"), enginejson::str(*p, "Name"));
    }
    auto api = m_client->api_version();
    emit connected(m_resolvedHost, api ? qstr(*api) : QString(), info);
}

void EngineWorker::listImages()
{
    if (!ensureClient())
        return;
    auto r = m_client->list_images(false);
    if (!r) {
        emit requestFailed(QStringLiteral("listImages"), QString(), toEngineError(r.error()));
        return;
    }
    emit imagesListed(enginejson::imageList(*r));
}

void EngineWorker::refreshImage(const QString &reference)
{
    if (!ensureClient())
        return;
    auto r = m_client->inspect_image(utf8(reference));
    if (!r) {
        const EngineError e = toEngineError(r.error());
        if (e.status == 404)
            emit imageGone(reference);
        else
            emit requestFailed(QStringLiteral("refreshImage"), reference, e);
        return;
    }
    ImageRecord image = enginejson::imageInspect(*r);
    if (!image.id.isEmpty())
        emit imageRefreshed(image);
}

void EngineWorker::loadHistory(const QString &imageId)
{
    if (!ensureClient())
        return;
    auto r = m_client->image_history(utf8(imageId));
    if (!r) {
        emit requestFailed(QStringLiteral("history"), imageId, toEngineError(r.error()));
        return;
    }
    emit historyLoaded(imageId, enginejson::imageHistory(*r));
}

void EngineWorker::removeImage(const QString &imageId, bool force)
{
    if (!ensureClient())
        return;
    auto r = m_client->remove_image(utf8(imageId), force, false);
    if (!r) {
        emit requestFailed(QStringLiteral("remove"), imageId, toEngineError(r.error()));
        return;
    }
    QStringList deleted;
    if (r->is_array()) {
        for (const auto &item : *r) {
            const QString d = enginejson::str(item, "Deleted");
            if (!d.isEmpty())
                deleted << d;
        }
    }
    emit imageRemoved(imageId, deleted);
}

void EngineWorker::tagImage(const QString &imageId, const QString &repository, const QString &tag)
{
    if (!ensureClient())
        return;
    auto r = m_client->tag_image(utf8(imageId), utf8(repository), utf8(tag));
    const QString name = QStringLiteral("%1:%2").arg(repository, tag);
    if (!r) {
        emit requestFailed(QStringLiteral("tag"), name, toEngineError(r.error()));
        return;
    }
    emit imageTagged(imageId, name);
}

void EngineWorker::pruneImages()
{
    if (!ensureClient())
        return;
    auto r = m_client->prune_images({{"dangling", {"true"}}});
    if (!r) {
        emit requestFailed(QStringLiteral("prune"), QString(), toEngineError(r.error()));
        return;
    }
    int count = 0;
    qint64 bytes = 0;
    if (auto d = r->find("ImagesDeleted"); d != r->end() && d->is_array())
        count = int(d->size());
    if (auto s = r->find("SpaceReclaimed"); s != r->end() && s->is_number())
        bytes = s->get<qint64>();
    emit imagesPruned(count, bytes);
}

void EngineWorker::pull(const QString &reference)
{
    m_cancelPull = false;
    if (!ensureClient()) {
        emit pullFinished(reference, false, false, EngineError{0, m_hostError});
        return;
    }
    berth::client::PullOptions options;
    std::tie(options.image, options.tag) = splitReference(reference);

    // Batch where the stream arrives: a fast pull produces hundreds of progress lines a
    // second, the GUI gets one signal per interval.
    QList<PullMessage> batch;
    QElapsedTimer sinceFlush;
    sinceFlush.start();
    auto flush = [&] {
        if (!batch.isEmpty()) {
            emit pullProgress(batch);
            batch.clear();
        }
        sinceFlush.restart();
    };
    auto r = m_client->pull(
        options,
        [&](const json &line) {
            batch.append(enginejson::pullMessage(line));
            if (sinceFlush.elapsed() >= kBatchIntervalMs)
                flush();
            return !m_abort.load();
        },
        &m_cancelPull);
    flush();
    if (!r) {
        const bool cancelled = r.error().kind == berth::ErrorKind::Cancelled || m_cancelPull;
        EngineError e = toEngineError(r.error());
        // A stream error ({"error": ...} mid-pull) is the engine's answer too.
        if (e.status == 0 && !cancelled && r.error().op != berth::client::kDaemonErrorOp && !r.error().detail.empty() &&
            r.error().kind != berth::ErrorKind::Unavailable)
            e = EngineError{httpStatusOf(r.error().kind), qstr(r.error().detail)};
        emit pullFinished(reference, false, cancelled, e);
        return;
    }
    emit pullFinished(reference, true, false, {});
}

void EngineWorker::listContainers()
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("GET", "/containers/json", Query().add("all", "1"));
    if (!r) {
        const EngineError e = toEngineError(r.error());
        // An engine without the containers API answers 404 (berthd before containers) or 501.
        if (e.status == 404 || e.status == 500 || e.status == 501)
            emit containersUnsupported();
        else
            emit requestFailed(QStringLiteral("listContainers"), QString(), e);
        return;
    }
    emit containersListed(enginejson::containerList(*r));
}

void EngineWorker::refreshContainer(const QString &containerId)
{
    if (!ensureClient())
        return;
    // The list entry (with its human "Status") is what the sidebar shows; ask for just this one.
    Query q;
    q.add("all", "1").add_filters({{"id", {utf8(containerId)}}});
    auto r = m_client->request_json("GET", "/containers/json", q);
    if (!r) {
        emit requestFailed(QStringLiteral("refreshContainer"), containerId, toEngineError(r.error()));
        return;
    }
    const auto list = enginejson::containerList(*r);
    if (list.isEmpty())
        emit containerGone(containerId);
    else
        emit containerRefreshed(list.first());
}

void EngineWorker::search(const QString &term, const QString &registry)
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("GET", "/images/search", Query().add("term", utf8(term)).add("limit", "25"));
    if (r) {
        emit searchFinished(term, enginejson::searchResults(*r), QStringLiteral("engine"));
        return;
    }
    if (registry.trimmed().isEmpty()) {
        emit requestFailed(QStringLiteral("search"), term, toEngineError(r.error()));
        return;
    }
    // The engine cannot search (no search endpoint, or no way out to Docker Hub): list the
    // configured registry's catalog (Distribution API: GET /v2/_catalog) and match names.
    auto host = berth::client::parse_host(utf8(registry.trimmed()));
    if (!host) {
        emit requestFailed(QStringLiteral("search"), registry, EngineError{0, qstr(host.error().message())});
        return;
    }
    auto res = registryGet(std::move(host).value(), "/v2/_catalog?n=1000", &m_abort);
    if (!res || res->status != 200) {
        const EngineError e = !res ? EngineError{0, qstr(res.error().message())}
                                   : EngineError{int(res->status), qstr(berth::client::message_from_body(res->status, res->body))};
        emit requestFailed(QStringLiteral("search"), registry, e);
        return;
    }
    QList<SearchRecord> results;
    const json catalog = json::parse(res->body, nullptr, false);
    const QString prefix = registryPrefix(registry);
    if (catalog.is_object()) {
        if (auto repos = catalog.find("repositories"); repos != catalog.end() && repos->is_array()) {
            for (const auto &name : *repos) {
                if (!name.is_string())
                    continue;
                const QString n = qstr(name.get<std::string>());
                if (term.isEmpty() || n.contains(term, Qt::CaseInsensitive))
                    results.append(SearchRecord{QStringLiteral("%1/%2").arg(prefix, n), QString(), -1, false});
            }
        }
    }
    emit searchFinished(term, results, QStringLiteral("catalog"));
}

void EngineWorker::listTags(const QString &registry, const QString &repository)
{
    QStringList tags;
    auto host = berth::client::parse_host(utf8(registry.trimmed()));
    if (host) {
        // repository is "host:port/name": the registry wants just the name.
        const QString prefix = registryPrefix(registry) + u'/';
        const QString name = repository.startsWith(prefix) ? repository.mid(prefix.size()) : repository;
        auto res = registryGet(std::move(host).value(), "/v2/" + utf8(name) + "/tags/list", &m_abort);
        if (res && res->status == 200) {
            const json j = json::parse(res->body, nullptr, false);
            if (j.is_object()) {
                if (auto t = j.find("tags"); t != j.end() && t->is_array()) {
                    for (const auto &v : *t) {
                        if (v.is_string())
                            tags << qstr(v.get<std::string>());
                    }
                }
            }
        }
    }
    emit tagsListed(repository, tags);
}
