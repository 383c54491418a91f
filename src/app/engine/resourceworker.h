#pragma once
// Engine API calls for the Volumes and Networks screens and the New container flow's
// create + start. Lives on one of EngineHub's worker threads (ResourceHub moves it there),
// with its own berth_client connection; every slot is called through a queued connection
// and answers with a signal carrying plain values.

#include "models/records.h"
#include "models/resourcerecords.h"

#include <QObject>
#include <QVariantMap>

#include <atomic>
#include <memory>

namespace berth::client {
class EngineClient;
}

class ResourceWorker : public QObject {
    Q_OBJECT
public:
    explicit ResourceWorker(QObject *parent = nullptr);
    ~ResourceWorker() override;

public slots:
    // The host EngineHub connected to ("unix:///run/berth/berth.sock").
    void setHost(const QString &host);

    void listVolumes();
    void refreshVolume(const QString &name);
    void createVolume(const QString &name, const QVariantMap &labels);
    void removeVolume(const QString &name);
    void pruneVolumes();

    void listNetworks();
    void refreshNetwork(const QString &idOrName);
    void createNetwork(const QString &name, const QString &subnet, bool internal);
    void removeNetwork(const QString &idOrName);

    // GET /volumes/{name} or /networks/{id}, as indented JSON for the details panel.
    void inspect(const QString &kind, const QString &name);
    // Which containers use which volume and network.
    void loadUsage();

    // The New container flow: is the image here (inspect), then create with -P defaults
    // under `name` (another name if it is taken) and start.
    void checkImage(const QString &reference);
    void createAndStart(const QString &image, const QString &name);

signals:
    void volumesListed(const QList<VolumeRecord> &volumes);
    void volumeRefreshed(const VolumeRecord &volume);
    void volumeGone(const QString &name);
    void networksListed(const QList<NetworkRecord> &networks);
    // The engine has no /networks (yet): 404 or 501.
    void networksUnsupported();
    void networkRefreshed(const NetworkRecord &network);
    void networkGone(const QString &idOrName);
    void usageLoaded(const ResourceUsage &usage);
    void inspected(const QString &kind, const QString &name, const QString &json);

    // operation: "createVolume", "removeVolume", "pruneVolumes", "createNetwork",
    // "removeNetwork"; detail: what the engine reported (the new id, the freed space...).
    void done(const QString &operation, const QString &object, const QVariantMap &detail);
    void failed(const QString &operation, const QString &object, const EngineError &error);

    void imageChecked(const QString &reference, bool present);
    void containerCreated(const QString &id, const QString &name);
    void containerStarted(const QString &id, const QString &name);
    // step: "check", "create" or "start".
    void createFailed(const QString &step, const QString &object, const EngineError &error);

private:
    bool ensureClient();

    std::unique_ptr<berth::client::EngineClient> m_client;
    QString m_host;
};
