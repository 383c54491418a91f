#include "engine/eventstream.h"

#include "engine/enginejson.h"

#include "client/engine_client.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

void EventStream::run(const QString &hostText, const QString &apiVersion)
{
    m_stop = false;
    auto host = berth::client::parse_host(hostText.toStdString());
    if (!host) {
        emit ended(QString::fromStdString(host.error().message()));
        return;
    }
    // Its own client: this thread blocks in the stream for as long as the engine runs.
    berth::client::EngineClient client(
        berth::client::ClientOptions{std::move(host).value(), apiVersion.toStdString(), {}});
    emit started();
    auto r = client.events(
        {},
        [this](const json &e) {
            // Engine API 1.22+: Type, Action, Actor{ID, Attributes}; "status"/"id" as fallback.
            const QString type = enginejson::str(e, "Type");
            QString action = enginejson::str(e, "Action");
            QString id;
            QString name;
            if (auto actor = e.find("Actor"); actor != e.end() && actor->is_object()) {
                id = enginejson::str(*actor, "ID");
                if (auto attrs = actor->find("Attributes"); attrs != actor->end())
                    name = enginejson::str(*attrs, "name");
            }
            if (action.isEmpty())
                action = enginejson::str(e, "status");
            if (id.isEmpty())
                id = enginejson::str(e, "id");
            if (!type.isEmpty() && !action.isEmpty())
                emit event(type, action, id, name);
            return !m_stop.load();
        },
        &m_stop);
    if (m_stop)
        return;
    emit ended(r ? QStringLiteral("the engine closed the event stream")
                 : QString::fromStdString(r.error().message()));
}
