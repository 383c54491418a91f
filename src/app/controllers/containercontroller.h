#pragma once
// The container view: the selected container's header (name, image, state, and what can
// be done to it now), its live log, its published ports with the web preview's probe,
// its mounts, its settings form, and its inspect tree. Actions run on the controller's
// worker thread; the header follows the engine's events. Errors are worded here.

#include "controllers/containerinspecttree.h"
#include "controllers/settingscontroller.h"
#include "models/logmodel.h"
#include "models/records.h"

#include <QJsonObject>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class ContainerWorker;
class ContainerLogStream;
class QQmlEngine;
class QJSEngine;

class ContainerController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString containerId READ containerId NOTIFY containerChanged)
    Q_PROPERTY(QString name READ name NOTIFY stateChanged)
    Q_PROPERTY(QString image READ image NOTIFY stateChanged)
    // running, paused, exited, created, restarting, dead; "" while unknown.
    Q_PROPERTY(QString stateName READ stateName NOTIFY stateChanged)
    Q_PROPERTY(bool tty READ tty NOTIFY inspected)
    // The action running now ("start", "stop", ..., "save"), "" when idle.
    Q_PROPERTY(QString pendingAction READ pendingAction NOTIFY busyChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString lastErrorDetail READ lastErrorDetail NOTIFY lastErrorChanged)
    Q_PROPERTY(QString errorOperation READ errorOperation NOTIFY lastErrorChanged)
    Q_PROPERTY(QString lastMessage READ lastMessage NOTIFY lastMessageChanged)
    // Published ports: [{containerPort, protocol, hostIp, hostPort, url}], url for tcp only.
    Q_PROPERTY(QVariantList ports READ ports NOTIFY inspected)
    // The first published tcp port's address (http://127.0.0.1:<port>), "" when none.
    Q_PROPERTY(QString webUrl READ webUrl NOTIFY inspected)
    // "none", "checking", "answers", "silent".
    Q_PROPERTY(QString webState READ webState NOTIFY webStateChanged)
    Q_PROPERTY(int webStatus READ webStatus NOTIFY webStateChanged)
    // Mounts: [{type, source, destination, name, readOnly}].
    Q_PROPERTY(QVariantList mounts READ mounts NOTIFY inspected)
    Q_PROPERTY(QString inspectJson READ inspectJson NOTIFY inspected)
    Q_PROPERTY(LogModel *logs READ logs CONSTANT)
    Q_PROPERTY(bool logsFollowing READ logsFollowing NOTIFY logsFollowingChanged)
    Q_PROPERTY(SettingsController *settings READ settings CONSTANT)
    Q_PROPERTY(InspectTreeModel *inspectTree READ inspectTree CONSTANT)
    Q_PROPERTY(QStringList networks READ networks NOTIFY choicesChanged)
    Q_PROPERTY(bool networksSupported READ networksSupported NOTIFY choicesChanged)
    Q_PROPERTY(QStringList volumeNames READ volumeNames NOTIFY choicesChanged)
public:
    static ContainerController *instance();
    static ContainerController *create(QQmlEngine *, QJSEngine *);
    ~ContainerController() override;

    QString containerId() const { return m_id; }
    QString name() const { return m_name; }
    QString image() const { return m_image; }
    QString stateName() const { return m_stateName; }
    bool tty() const { return m_tty; }
    QString pendingAction() const { return m_pending; }
    bool busy() const { return !m_pending.isEmpty(); }
    QString lastError() const { return m_lastError ? m_lastError() : QString(); }
    QString lastErrorDetail() const { return m_lastErrorDetail; }
    QString errorOperation() const { return m_errorOperation; }
    QString lastMessage() const { return m_lastMessage ? m_lastMessage() : QString(); }
    QVariantList ports() const { return m_ports; }
    QString webUrl() const { return m_webUrl; }
    QString webState() const { return m_webState; }
    int webStatus() const { return m_webStatus; }
    QVariantList mounts() const { return m_mounts; }
    QString inspectJson() const { return m_inspectJson; }
    LogModel *logs() const { return m_logs; }
    bool logsFollowing() const { return m_logsFollowing; }
    SettingsController *settings() const { return m_settings; }
    InspectTreeModel *inspectTree() const { return m_inspectTree; }
    QStringList networks() const { return m_networks; }
    bool networksSupported() const { return m_networksSupported; }
    QStringList volumeNames() const { return m_volumeNames; }

    // Whether `action` makes sense for a container in `stateName` (the header's buttons).
    Q_INVOKABLE static bool canDo(const QString &action, const QString &stateName);
    // The error the user sees for a failed operation (tests check the wording).
    QString describeError(const QString &operation, const EngineError &error) const;

public slots:
    // Shows this container (empty: none). Loads it, follows its log.
    void select(const QString &id);
    void start();
    void stop();
    void restart();
    void pause();
    void unpause();
    void remove(bool force = false);
    // Applies the Settings form by recreating the container.
    void saveSettings();
    void probeWeb();
    void refresh();
    void clearError();
    void clearMessage();

signals:
    void containerChanged();
    void stateChanged();
    void busyChanged();
    void lastErrorChanged();
    void lastMessageChanged();
    void inspected();
    void webStateChanged();
    void logsFollowingChanged();
    void choicesChanged();
    // The container is gone (removed here or elsewhere).
    void removed(const QString &id);
    // Settings were applied: the container now has a new id.
    void replaced(const QString &oldId, const QString &newId);
    void actionFinished(const QString &action, bool ok);

private:
    explicit ContainerController(QObject *parent = nullptr);
    void ensureStarted();
    void run(const QString &verb);
    void begin(const QString &action);
    void end();
    void setError(const QString &operation, const EngineError &error);
    void setMessage(std::function<QString()> message);
    void applyInspect(const QString &id, const QByteArray &json);
    void onContainerEvent(const QString &action, const QString &id);
    void startLogs();
    void takeLogBatch();
    void setWebState(const QString &state, int status);
    bool eventFilter(QObject *watched, QEvent *event) override;

    QThread m_thread;
    QThread m_logThread;
    ContainerWorker *m_worker = nullptr;
    ContainerLogStream *m_logStream = nullptr;
    QTimer m_logTimer;
    bool m_started = false;

    QString m_id;
    QString m_name;
    QString m_image;
    QString m_stateName;
    bool m_tty = false;
    QString m_pending;
    std::function<QString()> m_lastError;
    QString m_lastErrorDetail;
    QString m_errorOperation;
    std::function<QString()> m_lastMessage;
    QVariantList m_ports;
    QString m_webUrl;
    QString m_webState = QStringLiteral("none");
    int m_webStatus = 0;
    QVariantList m_mounts;
    QString m_inspectJson;
    QJsonObject m_inspect;
    LogModel *m_logs;
    int m_logGeneration = 0;
    bool m_logsFollowing = false;
    SettingsController *m_settings;
    InspectTreeModel *m_inspectTree;
    QStringList m_networks;
    bool m_networksSupported = false;
    QStringList m_volumeNames;
};
