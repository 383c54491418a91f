#include "controllers/containercontroller.h"

#include "controllers/containerlogstream.h"
#include "controllers/containerworker.h"
#include "controllers/preferences.h"
#include "enginehub.h"
#include "models/containermodel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
ContainerController *s_instance = nullptr;
// How often lines gathered by the log stream reach the model.
constexpr int kLogFlushMs = 50;

bool isUp(const QString &state)
{
    return state == u"running" || state == u"paused" || state == u"restarting";
}
}  // namespace

ContainerController *ContainerController::instance()
{
    if (!s_instance)
        s_instance = new ContainerController;
    return s_instance;
}

ContainerController *ContainerController::create(QQmlEngine *, QJSEngine *)
{
    ContainerController *c = instance();
    QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
    return c;
}

ContainerController::ContainerController(QObject *parent)
    : QObject(parent),
      m_logs(new LogModel(this)),
      m_settings(new SettingsController(this)),
      m_inspectTree(new InspectTreeModel(this))
{
    qRegisterMetaType<EngineError>();
    qRegisterMetaType<LogBatch>();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);

    m_thread.setObjectName(QStringLiteral("container-requests"));
    m_logThread.setObjectName(QStringLiteral("container-logs"));
    // No parents: they move to their threads and are deleted there when the thread ends.
    m_worker = new ContainerWorker;
    m_logStream = new ContainerLogStream;
    m_worker->moveToThread(&m_thread);
    m_logStream->moveToThread(&m_logThread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(&m_logThread, &QThread::finished, m_logStream, &QObject::deleteLater);

    connect(m_worker, &ContainerWorker::inspected, this, &ContainerController::applyInspect);
    connect(m_worker, &ContainerWorker::actionDone, this, [this](const QString &id, const QString &verb) {
        end();
        emit actionFinished(verb, true);
        if (id == m_id)
            QMetaObject::invokeMethod(m_worker, "inspect", Qt::QueuedConnection, Q_ARG(QString, m_id));
    });
    connect(m_worker, &ContainerWorker::removed, this, [this](const QString &id) {
        end();
        emit actionFinished(QStringLiteral("remove"), true);
        if (id == m_id) {
            emit removed(id);
            select(QString());
        }
    });
    connect(m_worker, &ContainerWorker::recreated, this,
            [this](const QString &oldId, const QString &newId, const QString &warning) {
                end();
                setMessage([warning] {
                    if (!warning.isEmpty())
                        //: After Save: the new container runs but the old copy stayed; %1 is the engine's reason
                        return tr("Settings saved: the container was recreated with them. The old copy could not be removed (%1).")
                            .arg(warning);
                    //: After Save in the Settings tab
                    return tr("Settings saved: the container was recreated from the same image with the new settings.");
                });
                emit actionFinished(QStringLiteral("save"), true);
                emit replaced(oldId, newId);
                if (oldId == m_id)
                    select(newId);
            });
    connect(m_worker, &ContainerWorker::failed, this,
            [this](const QString &op, const QString &id, const EngineError &error) {
                if (op == u"inspect") {
                    if (id != m_id)
                        return;
                    if (error.status == 404 && m_pending != u"save") {
                        emit removed(id);
                        select(QString());
                        return;
                    }
                    setError(op, error);
                    return;
                }
                end();
                setError(op, error);
                emit actionFinished(op, false);
                if (id == m_id)
                    QMetaObject::invokeMethod(m_worker, "inspect", Qt::QueuedConnection, Q_ARG(QString, m_id));
            });
    connect(m_worker, &ContainerWorker::networksListed, this, [this](const QStringList &names, bool supported) {
        m_networks = names;
        m_networksSupported = supported;
        emit choicesChanged();
    });
    connect(m_worker, &ContainerWorker::volumesListed, this, [this](const QStringList &names) {
        m_volumeNames = names;
        emit choicesChanged();
    });
    connect(m_worker, &ContainerWorker::probed, this, [this](const QString &url, int status) {
        if (url == m_webUrl)
            setWebState(status > 0 ? QStringLiteral("answers") : QStringLiteral("silent"), status);
    });

    m_logTimer.setInterval(kLogFlushMs);
    connect(&m_logTimer, &QTimer::timeout, this, &ContainerController::takeLogBatch);
    connect(m_logStream, &ContainerLogStream::ended, this, [this](int generation, const QString &error) {
        if (generation != m_logGeneration)
            return;
        takeLogBatch();
        m_logTimer.stop();
        m_logsFollowing = false;
        emit logsFollowingChanged();
        if (!error.isEmpty())
            qInfo("log stream of %s ended: %s", qPrintable(m_id), qPrintable(error));
    });

    EngineHub *hub = EngineHub::instance();
    connect(hub, &EngineHub::containerEventApplied, this, &ContainerController::onContainerEvent);
    connect(hub, &EngineHub::destroyed, this, [this] { m_started = false; });
}

ContainerController::~ContainerController()
{
    m_logStream->supersede(++m_logGeneration);
    for (QThread *t : {&m_thread, &m_logThread}) {
        t->quit();
        t->wait();
    }
    if (s_instance == this)
        s_instance = nullptr;
}

void ContainerController::ensureStarted()
{
    if (!m_started) {
        m_started = true;
        m_thread.start();
        m_logThread.start();
        // The threads end before the application's objects go away.
        if (QCoreApplication::instance())
            connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, [this] {
                m_logStream->supersede(++m_logGeneration);
                m_thread.quit();
                m_logThread.quit();
                m_thread.wait();
                m_logThread.wait();
            });
    }
    // The engine the app is connected to (EngineHub resolved it), else the preference.
    QString host = EngineHub::instance()->host();
    if (host.isEmpty())
        host = Preferences::instance()->engineHost();
    QMetaObject::invokeMethod(m_worker, "setHost", Qt::QueuedConnection, Q_ARG(QString, host));
}

bool ContainerController::canDo(const QString &action, const QString &state)
{
    if (action == u"start")
        return state == u"created" || state == u"exited";
    if (action == u"stop")
        return state == u"running" || state == u"paused" || state == u"restarting";
    if (action == u"restart")
        return state == u"running" || state == u"exited" || state == u"created";
    if (action == u"pause")
        return state == u"running";
    if (action == u"unpause")
        return state == u"paused";
    if (action == u"remove")
        return !state.isEmpty() && state != u"removing";
    if (action == u"save")
        return !state.isEmpty() && state != u"removing" && state != u"dead";
    return false;
}

void ContainerController::select(const QString &id)
{
    if (id == m_id && !id.isEmpty()) {
        refresh();
        return;
    }
    m_id = id;
    m_inspect = {};
    m_inspectJson.clear();
    m_ports.clear();
    m_mounts.clear();
    m_webUrl.clear();
    m_tty = false;
    m_name.clear();
    m_image.clear();
    m_stateName.clear();
    if (m_pending != u"save")
        clearError();
    m_logs->clear();
    m_logs->setSearchText(QString());
    m_logStream->supersede(++m_logGeneration);
    m_logTimer.stop();
    if (m_logsFollowing) {
        m_logsFollowing = false;
        emit logsFollowingChanged();
    }
    m_inspectTree->setJson(QJsonObject());
    setWebState(QStringLiteral("none"), 0);

    // What the sidebar already knows shows at once; inspect fills in the rest.
    ContainerModel *containers = EngineHub::instance()->containers();
    const int row = containers->rowOf(id);
    if (row >= 0) {
        const QModelIndex i = containers->index(row);
        m_name = i.data(ContainerModel::NameRole).toString();
        m_image = i.data(ContainerModel::ImageRole).toString();
        m_stateName = i.data(ContainerModel::StateNameRole).toString();
    }
    emit containerChanged();
    emit stateChanged();
    emit inspected();
    if (id.isEmpty())
        return;
    ensureStarted();
    QMetaObject::invokeMethod(m_worker, "inspect", Qt::QueuedConnection, Q_ARG(QString, id));
    QMetaObject::invokeMethod(m_worker, "listNetworks", Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_worker, "listVolumes", Qt::QueuedConnection);
}

void ContainerController::refresh()
{
    if (m_id.isEmpty())
        return;
    ensureStarted();
    QMetaObject::invokeMethod(m_worker, "inspect", Qt::QueuedConnection, Q_ARG(QString, m_id));
    QMetaObject::invokeMethod(m_worker, "listNetworks", Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_worker, "listVolumes", Qt::QueuedConnection);
}

void ContainerController::applyInspect(const QString &id, const QByteArray &json)
{
    if (id != m_id)
        return;
    const bool first = m_inspect.isEmpty();
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    m_inspect = doc.object();
    m_inspectJson = QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    const QJsonObject config = m_inspect.value(QStringLiteral("Config")).toObject();
    m_name = m_inspect.value(QStringLiteral("Name")).toString();
    if (m_name.startsWith(u'/'))
        m_name.remove(0, 1);
    m_image = config.value(QStringLiteral("Image")).toString();
    const QString before = m_stateName;
    m_stateName = m_inspect.value(QStringLiteral("State")).toObject().value(QStringLiteral("Status")).toString();
    m_tty = config.value(QStringLiteral("Tty")).toBool();

    // NetworkSettings.Ports: {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "32768"}], "443/tcp": null}
    m_ports.clear();
    QString webUrl;
    const QJsonObject ports = m_inspect.value(QStringLiteral("NetworkSettings")).toObject().value(QStringLiteral("Ports")).toObject();
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        const QString containerPort = it.key().section(u'/', 0, 0);
        const QString protocol = it.key().section(u'/', 1, 1);
        for (const QJsonValue &b : it.value().toArray()) {
            const QJsonObject binding = b.toObject();
            const QString hostPort = binding.value(QStringLiteral("HostPort")).toString();
            const QString hostIp = binding.value(QStringLiteral("HostIp")).toString();
            if (hostPort.isEmpty())
                continue;
            // Docker lists 0.0.0.0 and :: for one port; one row per port is enough.
            if (hostIp.contains(u':') && !m_ports.isEmpty() &&
                m_ports.constLast().toMap().value(QStringLiteral("hostPort")).toString() == hostPort)
                continue;
            const QString url = protocol == u"udp" ? QString() : QStringLiteral("http://127.0.0.1:%1").arg(hostPort);
            if (webUrl.isEmpty())
                webUrl = url;
            m_ports.append(QVariantMap{{QStringLiteral("containerPort"), containerPort},
                                       {QStringLiteral("protocol"), protocol},
                                       {QStringLiteral("hostIp"), hostIp},
                                       {QStringLiteral("hostPort"), hostPort},
                                       {QStringLiteral("url"), url}});
        }
    }
    m_mounts.clear();
    for (const QJsonValue &v : m_inspect.value(QStringLiteral("Mounts")).toArray()) {
        const QJsonObject m = v.toObject();
        m_mounts.append(QVariantMap{{QStringLiteral("type"), m.value(QStringLiteral("Type")).toString()},
                                    {QStringLiteral("source"), m.value(QStringLiteral("Source")).toString()},
                                    {QStringLiteral("destination"), m.value(QStringLiteral("Destination")).toString()},
                                    {QStringLiteral("name"), m.value(QStringLiteral("Name")).toString()},
                                    {QStringLiteral("readOnly"), !m.value(QStringLiteral("RW")).toBool(true)}});
    }
    m_inspectTree->setJson(m_inspect);
    // The user's unsaved edits are not overwritten by an event's refresh.
    if (first || !m_settings->dirty())
        m_settings->load(m_inspect);

    const bool webChanged = webUrl != m_webUrl;
    m_webUrl = webUrl;
    emit stateChanged();
    emit inspected();

    if (m_webUrl.isEmpty())
        setWebState(QStringLiteral("none"), 0);
    else if (webChanged || (m_stateName == u"running" && before != u"running"))
        probeWeb();

    // Follow the log: at first sight, and again when the container is up while no stream
    // runs (the old one ended with the previous run); the engine sends the whole log again.
    if (first || (!m_logsFollowing && isUp(m_stateName))) {
        if (!first)
            m_logs->clear();
        startLogs();
    }
}

void ContainerController::onContainerEvent(const QString &action, const QString &id)
{
    if (id != m_id || m_id.isEmpty())
        return;
    if (action == u"destroy" || action == u"gone") {
        // Applying settings removes the old container on purpose.
        if (m_pending == u"save")
            return;
        emit removed(id);
        select(QString());
        return;
    }
    // The sidebar's row is already current: show its state now, details follow.
    ContainerModel *containers = EngineHub::instance()->containers();
    const int row = containers->rowOf(id);
    if (row >= 0) {
        const QString state = containers->index(row).data(ContainerModel::StateNameRole).toString();
        if (state != m_stateName) {
            m_stateName = state;
            emit stateChanged();
        }
    }
    QMetaObject::invokeMethod(m_worker, "inspect", Qt::QueuedConnection, Q_ARG(QString, m_id));
}

void ContainerController::startLogs()
{
    m_logStream->supersede(++m_logGeneration);
    QString host = EngineHub::instance()->host();
    if (host.isEmpty())
        host = Preferences::instance()->engineHost();
    QMetaObject::invokeMethod(m_logStream, "run", Qt::QueuedConnection, Q_ARG(QString, host), Q_ARG(QString, m_id),
                              Q_ARG(bool, m_tty), Q_ARG(int, m_logGeneration));
    m_logTimer.start();
    if (!m_logsFollowing) {
        m_logsFollowing = true;
        emit logsFollowingChanged();
    }
}

void ContainerController::takeLogBatch()
{
    const LogBatch batch = m_logStream->takeBatch(m_logGeneration);
    if (!batch.isEmpty())
        m_logs->append(batch);
}

void ContainerController::setWebState(const QString &state, int status)
{
    if (state == m_webState && status == m_webStatus)
        return;
    m_webState = state;
    m_webStatus = status;
    emit webStateChanged();
}

void ContainerController::probeWeb()
{
    if (m_webUrl.isEmpty())
        return;
    ensureStarted();
    setWebState(QStringLiteral("checking"), 0);
    QMetaObject::invokeMethod(m_worker, "probe", Qt::QueuedConnection, Q_ARG(QString, m_webUrl));
}

void ContainerController::begin(const QString &action)
{
    m_pending = action;
    emit busyChanged();
}

void ContainerController::end()
{
    if (m_pending.isEmpty())
        return;
    m_pending.clear();
    emit busyChanged();
}

void ContainerController::run(const QString &verb)
{
    if (m_id.isEmpty() || busy())
        return;
    clearError();
    clearMessage();
    ensureStarted();
    begin(verb);
    QMetaObject::invokeMethod(m_worker, "act", Qt::QueuedConnection, Q_ARG(QString, m_id), Q_ARG(QString, verb));
}

void ContainerController::start() { run(QStringLiteral("start")); }
void ContainerController::stop() { run(QStringLiteral("stop")); }
void ContainerController::restart() { run(QStringLiteral("restart")); }
void ContainerController::pause() { run(QStringLiteral("pause")); }
void ContainerController::unpause() { run(QStringLiteral("unpause")); }

void ContainerController::remove(bool force)
{
    if (m_id.isEmpty() || busy())
        return;
    clearError();
    clearMessage();
    ensureStarted();
    begin(QStringLiteral("remove"));
    QMetaObject::invokeMethod(m_worker, "remove", Qt::QueuedConnection, Q_ARG(QString, m_id), Q_ARG(bool, force));
}

void ContainerController::saveSettings()
{
    if (m_id.isEmpty() || busy())
        return;
    m_settings->validate();
    if (!m_settings->valid()) {
        m_errorOperation = QStringLiteral("save");
        m_lastError = [] {
            //: Save was pressed while the form still has mistakes
            return tr("Some settings need fixing first; they are marked in red.");
        };
        m_lastErrorDetail.clear();
        emit lastErrorChanged();
        return;
    }
    clearError();
    clearMessage();
    ensureStarted();
    begin(QStringLiteral("save"));
    const QByteArray request = QJsonDocument(m_settings->createRequest()).toJson(QJsonDocument::Compact);
    QMetaObject::invokeMethod(m_worker, "recreate", Qt::QueuedConnection, Q_ARG(QString, m_id), Q_ARG(QString, m_name),
                              Q_ARG(QByteArray, request), Q_ARG(QString, m_settings->property("name").toString().trimmed()),
                              Q_ARG(bool, isUp(m_stateName)));
}

void ContainerController::setMessage(std::function<QString()> message)
{
    m_lastMessage = std::move(message);
    emit lastMessageChanged();
}

void ContainerController::clearMessage()
{
    if (!m_lastMessage)
        return;
    m_lastMessage = nullptr;
    emit lastMessageChanged();
}

void ContainerController::clearError()
{
    if (!m_lastError)
        return;
    m_lastError = nullptr;
    m_lastErrorDetail.clear();
    m_errorOperation.clear();
    emit lastErrorChanged();
}

void ContainerController::setError(const QString &operation, const EngineError &error)
{
    m_errorOperation = operation;
    m_lastError = [this, operation, error] { return describeError(operation, error); };
    m_lastErrorDetail = error.status > 0 ? QStringLiteral("HTTP %1: %2").arg(error.status).arg(error.message) : error.message;
    emit lastErrorChanged();
}

bool ContainerController::eventFilter(QObject *watched, QEvent *event)
{
    // installTranslator() sends LanguageChange to the application: re-word what is shown.
    if (event->type() == QEvent::LanguageChange) {
        emit lastMessageChanged();
        emit lastErrorChanged();
        // The form's messages are words of the old language until checked again.
        m_settings->validate();
    }
    return QObject::eventFilter(watched, event);
}

QString ContainerController::describeError(const QString &operation, const EngineError &error) const
{
    const QString m = error.message;
    if (error.status == 0)
        //: A container action failed because the engine did not answer
        return tr("Berth could not reach the engine. Check that it is running, then try again.");
    if (error.status == 404 && operation != u"save")
        //: The container was removed by someone else meanwhile
        return tr("This container no longer exists.");
    const bool portTaken = m.contains(u"address already in use", Qt::CaseInsensitive) ||
                           m.contains(u"port is already allocated", Qt::CaseInsensitive);
    if (operation == u"start" || operation == u"restart" || operation == u"unpause") {
        if (portTaken)
            //: Start failed because a published port is taken on the host
            return tr("Another program already uses one of this container's ports on this computer. Choose another port in Settings → Ports.");
        if (operation == u"start")
            //: Start failed for another reason
            return tr("The container could not start.");
        if (operation == u"restart")
            //: Restart failed
            return tr("The container could not restart.");
        //: Resume (unpause) failed
        return tr("The container could not resume.");
    }
    if (operation == u"stop")
        //: Stop failed
        return tr("The container could not be stopped.");
    if (operation == u"pause") {
        if (error.status == 409 && m.contains(u"not running", Qt::CaseInsensitive))
            //: Pause failed because the container is not running
            return tr("Only a running container can be paused.");
        //: Pause failed
        return tr("The container could not be paused.");
    }
    if (operation == u"remove") {
        if (error.status == 409)
            //: Remove failed because the container runs
            return tr("The container is running. Stop it first, then remove it.");
        //: Remove failed
        return tr("The container could not be removed.");
    }
    if (operation == u"save") {
        if (error.status == 409 && m.contains(u"name", Qt::CaseInsensitive))
            //: Save failed because the new name is taken
            return tr("Another container already has this name. Choose another name; nothing was changed.");
        if (portTaken)
            //: Save failed because a port is taken
            return tr("A port in the new settings is already used on this computer. Choose another port; the container was kept as it was.");
        if (error.status == 400)
            //: Save failed: the engine refused the settings
            return tr("The engine did not accept these settings; the container was kept as it was.");
        //: Save failed for another reason
        return tr("The new settings could not be applied; the container was kept as it was.");
    }
    if (operation == u"inspect")
        //: Loading the container's details failed
        return tr("The details of this container could not be loaded.");
    //: Generic failure message
    return tr("The engine could not do this.");
}
