#pragma once
// Engine API calls, run on a worker thread that EngineHub owns. One berth_client transport
// per worker (the transport is not thread-safe). Every slot is called through a queued
// connection; results go back to the GUI thread as signals carrying plain records.

#include "engine/socketdiagnosis.h"
#include "models/records.h"

#include <QObject>
#include <QVariantMap>

#include <atomic>
#include <memory>

namespace berth::client {
class EngineClient;
}

class EngineWorker : public QObject {
    Q_OBJECT
public:
    explicit EngineWorker(QObject *parent = nullptr);
    ~EngineWorker() override;

    // Set from the GUI thread; the running pull checks it for every chunk.
    void cancelPull() { m_cancelPull = true; }
    // Set from the GUI thread when the hub stops: aborts whatever transfer is running.
    void abortAll() { m_abort = true; m_cancelPull = true; }

public slots:
    // The host as the user configured it; empty means $BERTH_HOST, $DOCKER_HOST, default.
    void setHost(const QString &hostText);
    void ping();
    void listImages();
    void refreshImage(const QString &reference);
    void loadHistory(const QString &imageId);
    void removeImage(const QString &imageId, bool force);
    void tagImage(const QString &imageId, const QString &repository, const QString &tag);
    void pruneImages();
    void pull(const QString &reference);
    void listContainers();
    void refreshContainer(const QString &containerId);
    void search(const QString &term, const QString &registry);
    void listTags(const QString &registry, const QString &repository);

signals:
    // hostText is what was connected to; info holds version, apiVersion, os, name.
    void connected(const QString &hostText, const QString &apiVersion, const QVariantMap &info);
    void unreachable(const QString &hostText, UnreachableReason reason, const QString &detail);

    void imagesListed(const QList<ImageRecord> &images);
    void imageRefreshed(const ImageRecord &image);
    void imageGone(const QString &reference);
    void historyLoaded(const QString &imageId, const QList<LayerRecord> &layers);
    void imageRemoved(const QString &imageId, const QStringList &deleted);
    void imageTagged(const QString &imageId, const QString &name);
    void imagesPruned(int count, qint64 bytes);
    void pullProgress(const QList<PullMessage> &batch);
    void pullFinished(const QString &reference, bool ok, bool cancelled, const EngineError &error);
    void containersListed(const QList<ContainerRecord> &containers);
    // The engine has no containers endpoint (yet): the sidebar shows an empty state.
    void containersUnsupported();
    void containerRefreshed(const ContainerRecord &container);
    void containerGone(const QString &containerId);
    void searchFinished(const QString &term, const QList<SearchRecord> &results, const QString &source);
    void tagsListed(const QString &repository, const QStringList &tags);

    // A request failed: `operation` is a stable key ("remove", "tag", ...), `object` what it
    // was done to, and the error as the engine (or the socket) said it.
    void requestFailed(const QString &operation, const QString &object, const EngineError &error);

private:
    bool ensureClient();

    std::unique_ptr<berth::client::EngineClient> m_client;
    QString m_hostText;       // as configured (may be empty)
    QString m_resolvedHost;   // what we connect to
    QString m_socketPath;     // for unix hosts, to explain failures
    bool m_defaultSocket = false;
    QString m_hostError;      // set when the host text cannot be parsed
    std::atomic<bool> m_cancelPull{false};
    std::atomic<bool> m_abort{false};
};
