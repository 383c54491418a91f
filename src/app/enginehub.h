#pragma once
// The app's connection to the engine. Owns two worker threads (requests, and long pulls)
// and the /events thread; says whether the engine is reachable and why not; retries with
// backoff on its own, and recovers when the engine comes back. The image and container
// models live here and follow the engine's events.

#include "engine/socketdiagnosis.h"
#include "models/containermodel.h"
#include "models/imagemodel.h"
#include "models/records.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class EngineWorker;
class EventStream;
class QQmlEngine;
class QJSEngine;

class EngineHub : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(ConnectionState state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString reason READ reasonKey NOTIFY stateChanged)
    Q_PROPERTY(QString detail READ detail NOTIFY stateChanged)
    Q_PROPERTY(QString host READ host NOTIFY stateChanged)
    Q_PROPERTY(QString socketPath READ socketPath NOTIFY stateChanged)
    Q_PROPERTY(int retryIn READ retryIn NOTIFY retryInChanged)
    Q_PROPERTY(int attempts READ attempts NOTIFY stateChanged)
    Q_PROPERTY(QVariantMap engineInfo READ engineInfo NOTIFY stateChanged)
    Q_PROPERTY(bool containersSupported READ containersSupported NOTIFY containersSupportedChanged)
    Q_PROPERTY(ImageModel *images READ images CONSTANT)
    Q_PROPERTY(ContainerModel *containers READ containers CONSTANT)
public:
    enum ConnectionState { Connecting, Connected, Unreachable };
    Q_ENUM(ConnectionState)

    static EngineHub *instance();
    static EngineHub *create(QQmlEngine *, QJSEngine *);
    ~EngineHub() override;

    // Connects to hostText (empty: $BERTH_HOST, $DOCKER_HOST, the default socket).
    void start(const QString &hostText);
    // Ends the event stream and the workers' transfers; joins the threads. Idempotent.
    void stop();

    ConnectionState state() const { return m_state; }
    QString reasonKey() const;
    UnreachableReason reason() const { return m_reason; }
    QString detail() const { return m_detail; }
    QString host() const { return m_host; }
    QString socketPath() const;
    int retryIn() const { return m_retryIn; }
    int attempts() const { return m_attempts; }
    QVariantMap engineInfo() const { return m_info; }
    bool containersSupported() const { return m_containersSupported; }
    ImageModel *images() const { return m_images; }
    ContainerModel *containers() const { return m_containers; }

    // For the controllers: the request worker (queued calls only) and the pull worker.
    EngineWorker *worker() const { return m_worker; }
    EngineWorker *pullWorker() const { return m_pullWorker; }

public slots:
    Q_INVOKABLE void retryNow();
    Q_INVOKABLE void setHostText(const QString &hostText);

signals:
    void stateChanged();
    void retryInChanged();
    void containersSupportedChanged();
    // Every image event after it reached the model (tests and the controllers wait on it).
    void imageEventApplied(const QString &action, const QString &id);
    void containerEventApplied(const QString &action, const QString &id);
    // Every event as it arrived, for the models the hub does not own (volumes, networks).
    void engineEvent(const QString &type, const QString &action, const QString &id, const QString &name);

private:
    explicit EngineHub(QObject *parent = nullptr);
    void setState(ConnectionState s);
    void onConnected(const QString &host, const QString &apiVersion, const QVariantMap &info);
    void onUnreachable(const QString &host, UnreachableReason reason, const QString &detail);
    void onEvent(const QString &type, const QString &action, const QString &id, const QString &name);
    void onEventsEnded(const QString &why);
    void scheduleRetry();
    void startEvents();

    QThread m_workerThread;
    QThread m_pullThread;
    QThread m_eventThread;
    EngineWorker *m_worker = nullptr;
    EngineWorker *m_pullWorker = nullptr;
    EventStream *m_events = nullptr;
    ImageModel *m_images = nullptr;
    ContainerModel *m_containers = nullptr;

    QTimer m_retryTimer;
    QTimer m_countdown;
    ConnectionState m_state = Connecting;
    UnreachableReason m_reason = UnreachableReason::None;
    QString m_detail;
    QString m_host;
    QString m_hostText;
    QString m_apiVersion;
    QVariantMap m_info;
    int m_attempts = 0;
    int m_retryIn = 0;
    bool m_containersSupported = true;
    bool m_started = false;
    bool m_stopped = false;
};
