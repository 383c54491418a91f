#pragma once
// The container view's Engine API calls, on a thread ContainerController owns: inspect,
// start/stop/restart/pause/unpause, remove, the recreation that applies new settings,
// the networks and volumes to choose from, and the web preview's probe. One client per
// worker (the transport is not thread-safe); results go back as queued signals.

#include "models/records.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <memory>

namespace berth::client {
class EngineClient;
}

class ContainerWorker : public QObject {
    Q_OBJECT
public:
    explicit ContainerWorker(QObject *parent = nullptr);
    ~ContainerWorker() override;

public slots:
    void setHost(const QString &hostText);
    void inspect(const QString &id);
    // verb: "start", "stop", "restart", "pause", "unpause".
    void act(const QString &id, const QString &verb);
    void remove(const QString &id, bool force);
    // Applies new settings (Kitematic's way): stop, rename the old container aside, create
    // the new one under `name`, start it if the old one ran, remove the old one. If the
    // create or start fails, the old container gets its name (and state) back.
    void recreate(const QString &oldId, const QString &oldName, const QByteArray &createRequest,
                  const QString &name, bool wasRunning);
    void listNetworks();
    void listVolumes();
    // GET http://127.0.0.1:<port>/ with a short timeout: does anything answer HTTP there?
    void probe(const QString &url);

signals:
    void inspected(const QString &id, const QByteArray &json);
    void actionDone(const QString &id, const QString &verb);
    void removed(const QString &id);
    // warning: the old container could not be removed (the new one runs anyway).
    void recreated(const QString &oldId, const QString &newId, const QString &warning);
    void networksListed(const QStringList &names, bool supported);
    void volumesListed(const QStringList &names);
    // status: the HTTP status, 0 when nothing answered.
    void probed(const QString &url, int status);
    // operation: "inspect", a verb, "remove", "save".
    void failed(const QString &operation, const QString &id, const EngineError &error);

private:
    bool ensureClient();
    std::unique_ptr<berth::client::EngineClient> m_client;
    QString m_hostText;
};
