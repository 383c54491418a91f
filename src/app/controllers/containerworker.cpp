#include "controllers/containerworker.h"

#include "engine/engineerror.h"
#include "engine/workerclient.h"

#include "client/containers.h"
#include "client/curl_global.h"
#include "client/engine_client.h"

#include <QLoggingCategory>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcContainer, "berth.container")

using nlohmann::json;

namespace {
std::string utf8(const QString &s) { return s.toStdString(); }
QString qstr(const std::string &s) { return QString::fromStdString(s); }

// What a verb fails with when the host setting names no usable engine address.
EngineError noEngineAddress() { return EngineError{0, QStringLiteral("no engine address")}; }

std::size_t discard(char *, std::size_t size, std::size_t count, void *) { return size * count; }
}  // namespace

ContainerWorker::ContainerWorker(QObject *parent) : QObject(parent) {}
ContainerWorker::~ContainerWorker() = default;

void ContainerWorker::setHost(const QString &hostText)
{
    if (hostText == m_hostText && m_client)
        return;
    m_hostText = hostText;
    m_client.reset();
}

bool ContainerWorker::ensureClient()
{
    if (m_client)
        return true;
    auto host = hostFromSetting(m_hostText);
    if (!host)
        return false;
    m_client = newWorkerClient(std::move(host).value());
    return true;
}

void ContainerWorker::inspect(const QString &id)
{
    if (!ensureClient())
        return emit failed(QStringLiteral("inspect"), id, noEngineAddress());
    auto r = berth::client::inspect_container(*m_client, utf8(id));
    if (!r)
        return emit failed(QStringLiteral("inspect"), id, toEngineError(r.error()));
    emit inspected(id, QByteArray::fromStdString(r->dump()));
}

void ContainerWorker::act(const QString &id, const QString &verb)
{
    if (!ensureClient())
        return emit failed(verb, id, noEngineAddress());
    const std::string cid = utf8(id);
    berth::Result<void> r = berth::Result<void>();
    if (verb == u"start")
        r = berth::client::start_container(*m_client, cid);
    else if (verb == u"stop")
        r = berth::client::stop_container(*m_client, cid, std::nullopt);
    else if (verb == u"restart")
        r = berth::client::restart_container(*m_client, cid, std::nullopt);
    else if (verb == u"pause")
        r = berth::client::pause_container(*m_client, cid);
    else if (verb == u"unpause")
        r = berth::client::unpause_container(*m_client, cid);
    // 304: already in that state, which is what the user wanted.
    if (!r && r.error().kind != berth::ErrorKind::NotModified)
        return emit failed(verb, id, toEngineError(r.error()));
    emit actionDone(id, verb);
}

void ContainerWorker::remove(const QString &id, bool force)
{
    if (!ensureClient())
        return emit failed(QStringLiteral("remove"), id, noEngineAddress());
    auto r = berth::client::remove_container(*m_client, utf8(id), force, false);
    if (!r)
        return emit failed(QStringLiteral("remove"), id, toEngineError(r.error()));
    emit removed(id);
}

void ContainerWorker::recreate(const QString &oldId, const QString &oldName, const QByteArray &createRequest,
                               const QString &name, bool wasRunning)
{
    const QString op = QStringLiteral("save");
    if (!ensureClient())
        return emit failed(op, oldId, noEngineAddress());
    auto &c = *m_client;
    const std::string old = utf8(oldId);
    json request = json::parse(createRequest.toStdString(), nullptr, false);
    if (request.is_discarded())
        return emit failed(op, oldId, EngineError{400, QStringLiteral("the new settings are not valid JSON")});

    if (wasRunning) {
        auto stopped = berth::client::stop_container(c, old, std::nullopt);
        if (!stopped && stopped.error().kind != berth::ErrorKind::NotModified)
            return emit failed(op, oldId, toEngineError(stopped.error()));
    }
    // Out of the way, so the new container can take the name.
    const std::string aside = utf8(oldName) + "-old-" + old.substr(0, 6);
    if (auto renamed = berth::client::rename_container(c, old, aside); !renamed) {
        if (wasRunning)
            (void)berth::client::start_container(c, old);
        return emit failed(op, oldId, toEngineError(renamed.error()));
    }
    auto rollback = [&](const berth::Error &why, const std::string &created) {
        qCWarning(lcContainer) << "applying settings to" << oldName << "failed, restoring:" << qstr(why.message());
        if (!created.empty())
            (void)berth::client::remove_container(c, created, true, false);
        (void)berth::client::rename_container(c, old, utf8(oldName));
        if (wasRunning)
            (void)berth::client::start_container(c, old);
        emit failed(op, oldId, toEngineError(why));
    };
    auto created = berth::client::create_container(c, request, utf8(name));
    if (!created)
        return rollback(created.error(), {});
    const std::string newId = created->value("Id", "");
    if (wasRunning) {
        if (auto started = berth::client::start_container(c, newId); !started)
            return rollback(started.error(), newId);
    }
    QString warning;
    if (auto removed = berth::client::remove_container(c, old, true, false); !removed)
        warning = toEngineError(removed.error()).message;
    emit recreated(oldId, qstr(newId), warning);
}

void ContainerWorker::listNetworks()
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("GET", "/networks");
    QStringList names;
    if (!r) {
        emit networksListed(names, false);
        return;
    }
    if (r->is_array()) {
        for (const auto &n : *r) {
            if (n.is_object() && n.contains("Name") && n["Name"].is_string())
                names << qstr(n["Name"].get<std::string>());
        }
    }
    names.sort();
    emit networksListed(names, true);
}

void ContainerWorker::listVolumes()
{
    if (!ensureClient())
        return;
    auto r = m_client->request_json("GET", "/volumes");
    QStringList names;
    if (r && r->is_object()) {
        if (auto v = r->find("Volumes"); v != r->end() && v->is_array()) {
            for (const auto &vol : *v) {
                if (vol.is_object() && vol.contains("Name") && vol["Name"].is_string())
                    names << qstr(vol["Name"].get<std::string>());
            }
        }
    }
    names.sort();
    emit volumesListed(names);
}

void ContainerWorker::probe(const QString &url)
{
    berth::client::ensure_curl_initialized();
    CURL *curl = curl_easy_init();
    if (!curl)
        return emit probed(url, 0);
    const std::string u = utf8(url);
    curl_easy_setopt(curl, CURLOPT_URL, u.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 3000L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 1500L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    // A big or endless page does not matter: the first bytes say it is HTTP.
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE, 1L << 20);
    long status = 0;
    const CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    emit probed(url, rc == CURLE_OK || status > 0 ? int(status) : 0);
}
