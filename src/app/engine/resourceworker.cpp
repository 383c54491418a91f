#include "engine/resourceworker.h"

#include "engine/engineerror.h"
#include "engine/enginejson.h"
#include "engine/resourcejson.h"
#include "engine/workerclient.h"

#include "client/containers.h"
#include "client/engine_client.h"
#include "client/host.h"
#include "client/query.h"

#include <QRandomGenerator>
#include <QUrl>

#include <nlohmann/json.hpp>

using berth::client::Query;
using nlohmann::json;

namespace {
std::string utf8(const QString &s) { return s.toStdString(); }
QString qstr(const std::string &s) { return QString::fromStdString(s); }

// Path segments are names and ids the engine gave us, but a user-typed name may hold
// anything: escape it for the URL.
std::string segment(const QString &s) { return QUrl::toPercentEncoding(s).toStdString(); }

// A second try at a taken name: "busybox-calm-otter" -> "busybox-calm-otter-4821".
QString withSuffix(const QString &name)
{
    return QStringLiteral("%1-%2").arg(name).arg(QRandomGenerator::global()->bounded(1000, 10000));
}
}  // namespace

ResourceWorker::ResourceWorker(QObject *parent) : QObject(parent) {}
ResourceWorker::~ResourceWorker() = default;

void ResourceWorker::setHost(const QString &host)
{
    if (host == m_host && m_client)
        return;
    m_host = host;
    m_client.reset();
}

bool ResourceWorker::ensureClient()
{
    if (m_client)
        return true;
    if (m_host.isEmpty())
        return false;
    auto host = berth::client::parse_host(utf8(m_host));
    if (!host)
        return false;
    m_client = newWorkerClient(std::move(host).value());
    return true;
}

// ---- Volumes ----

void ResourceWorker::listVolumes()
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("GET", "/volumes");
    if (!r) {
        emit failed(QStringLiteral("listVolumes"), QString(), toEngineError(r.error()));
        return;
    }
    emit volumesListed(resourcejson::volumeList(*r));
}

void ResourceWorker::refreshVolume(const QString &name)
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("GET", "/volumes/" + segment(name));
    if (!r) {
        const EngineError e = toEngineError(r.error());
        if (e.status == 404)
            emit volumeGone(name);
        else
            emit failed(QStringLiteral("refreshVolume"), name, e);
        return;
    }
    emit volumeRefreshed(resourcejson::volume(*r));
}

void ResourceWorker::createVolume(const QString &name, const QVariantMap &labels)
{
    if (!ensureClient())
        return;
    json body{{"Name", utf8(name)}, {"Driver", "local"}, {"Labels", json::object()}};
    for (auto it = labels.begin(); it != labels.end(); ++it)
        body["Labels"][utf8(it.key())] = utf8(it.value().toString());
    auto r = m_client->request_json("POST", "/volumes/create", {}, body);
    if (!r) {
        emit failed(QStringLiteral("createVolume"), name, toEngineError(r.error()));
        return;
    }
    const VolumeRecord v = resourcejson::volume(*r);
    if (!v.name.isEmpty())
        emit volumeRefreshed(v);
    emit done(QStringLiteral("createVolume"), v.name.isEmpty() ? name : v.name, {});
}

void ResourceWorker::removeVolume(const QString &name)
{
    if (!ensureClient())
        return;
    auto r = m_client->request("DELETE", "/volumes/" + segment(name));
    if (!r) {
        emit failed(QStringLiteral("removeVolume"), name, toEngineError(r.error()));
        return;
    }
    emit done(QStringLiteral("removeVolume"), name, {});
}

void ResourceWorker::pruneVolumes()
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("POST", "/volumes/prune");
    if (!r) {
        emit failed(QStringLiteral("pruneVolumes"), QString(), toEngineError(r.error()));
        return;
    }
    QVariantMap detail;
    int count = 0;
    if (auto d = r->find("VolumesDeleted"); d != r->end() && d->is_array())
        count = int(d->size());
    detail.insert(QStringLiteral("count"), count);
    if (auto s = r->find("SpaceReclaimed"); s != r->end() && s->is_number())
        detail.insert(QStringLiteral("bytes"), s->get<qint64>());
    emit done(QStringLiteral("pruneVolumes"), QString(), detail);
}

// ---- Networks ----

void ResourceWorker::listNetworks()
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("GET", "/networks");
    if (!r) {
        const EngineError e = toEngineError(r.error());
        // An engine without the networks API: the route is unknown (404) or a stub (501,
        // which the client reports as a server error that says so).
        if (e.status == 404 || (e.status == 500 && e.message.contains(u"implemented", Qt::CaseInsensitive)))
            emit networksUnsupported();
        else
            emit failed(QStringLiteral("listNetworks"), QString(), e);
        return;
    }
    emit networksListed(resourcejson::networkList(*r));
}

void ResourceWorker::refreshNetwork(const QString &idOrName)
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("GET", "/networks/" + segment(idOrName));
    if (!r) {
        const EngineError e = toEngineError(r.error());
        if (e.status == 404)
            emit networkGone(idOrName);
        else
            emit failed(QStringLiteral("refreshNetwork"), idOrName, e);
        return;
    }
    emit networkRefreshed(resourcejson::network(*r));
}

void ResourceWorker::createNetwork(const QString &name, const QString &subnet, bool internal)
{
    if (!ensureClient())
        return;
    json body{{"Name", utf8(name)}, {"Driver", "bridge"}, {"Internal", internal}, {"CheckDuplicate", true}};
    if (!subnet.isEmpty())
        body["IPAM"] = json{{"Driver", "default"}, {"Config", json::array({json{{"Subnet", utf8(subnet)}}})}};
    auto r = m_client->request_json("POST", "/networks/create", {}, body);
    if (!r) {
        emit failed(QStringLiteral("createNetwork"), name, toEngineError(r.error()));
        return;
    }
    const QString id = enginejson::str(*r, "Id");
    emit done(QStringLiteral("createNetwork"), name, {{QStringLiteral("id"), id}});
    refreshNetwork(id.isEmpty() ? name : id);
}

void ResourceWorker::removeNetwork(const QString &idOrName)
{
    if (!ensureClient())
        return;
    auto r = m_client->request("DELETE", "/networks/" + segment(idOrName));
    if (!r) {
        emit failed(QStringLiteral("removeNetwork"), idOrName, toEngineError(r.error()));
        return;
    }
    emit done(QStringLiteral("removeNetwork"), idOrName, {});
}

// ---- Both ----

void ResourceWorker::inspect(const QString &kind, const QString &name)
{
    if (!ensureClient())
        return;
    const std::string path = (kind == u"network" ? "/networks/" : "/volumes/") + segment(name);
    auto r = m_client->request_json("GET", path);
    if (!r) {
        emit failed(QStringLiteral("inspect"), name, toEngineError(r.error()));
        return;
    }
    emit inspected(kind, name, qstr(r->dump(2)));
}

void ResourceWorker::loadUsage()
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("GET", "/containers/json", Query().add("all", "1"));
    if (!r) {
        // No containers API: nothing uses anything.
        emit usageLoaded({});
        return;
    }
    emit usageLoaded(resourcejson::usage(*r));
}

// ---- New container ----

void ResourceWorker::checkImage(const QString &reference)
{
    if (!ensureClient()) {
        emit createFailed(QStringLiteral("check"), reference, EngineError{0, QStringLiteral("not connected")});
        return;
    }
    auto r = m_client->inspect_image(utf8(reference));
    if (r) {
        emit imageChecked(reference, true);
        return;
    }
    const EngineError e = toEngineError(r.error());
    if (e.status == 404)
        emit imageChecked(reference, false);
    else
        emit createFailed(QStringLiteral("check"), reference, e);
}

void ResourceWorker::createAndStart(const QString &image, const QString &name)
{
    if (!ensureClient()) {
        emit createFailed(QStringLiteral("create"), image, EngineError{0, QStringLiteral("not connected")});
        return;
    }
    const json request = resourcejson::quickCreateRequest(image);
    QString chosen = name;
    auto created = berth::client::create_container(*m_client, request, utf8(chosen));
    // The generated name may be taken (409): one more try with a number after it.
    if (!created && toEngineError(created.error()).status == 409) {
        chosen = withSuffix(name);
        created = berth::client::create_container(*m_client, request, utf8(chosen));
    }
    if (!created) {
        emit createFailed(QStringLiteral("create"), image, toEngineError(created.error()));
        return;
    }
    const QString id = enginejson::str(*created, "Id");
    emit containerCreated(id, chosen);
    auto started = berth::client::start_container(*m_client, utf8(id));
    if (!started) {
        emit createFailed(QStringLiteral("start"), chosen, toEngineError(started.error()));
        return;
    }
    emit containerStarted(id, chosen);
}
