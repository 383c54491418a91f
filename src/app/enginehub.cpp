#include "enginehub.h"

#include "engine/engineworker.h"
#include "engine/eventstream.h"
#include "models/containermodel.h"
#include "models/imagemodel.h"

#include <QJSEngine>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHub, "berth.engine")

namespace {
EngineHub *s_instance = nullptr;

// Waits between reconnection attempts: quick at first (the engine may just be starting),
// then every 10 s so an idle app costs nothing.
int backoffSeconds(int attempt)
{
    static const int steps[] = {1, 2, 4, 8};
    return attempt < 4 ? steps[attempt] : 10;
}

// Image events that change what an image row shows. Others (push, save, ...) do not.
bool changesImageRow(const QString &action)
{
    static const QStringList actions = {QStringLiteral("pull"), QStringLiteral("tag"), QStringLiteral("untag"),
                                        QStringLiteral("import"), QStringLiteral("load"), QStringLiteral("create")};
    return actions.contains(action);
}

// Container events that change the sidebar; exec_*, attach, resize and top do not.
bool changesContainerRow(const QString &action)
{
    static const QStringList actions = {
        QStringLiteral("create"), QStringLiteral("start"),   QStringLiteral("restart"), QStringLiteral("stop"),
        QStringLiteral("die"),    QStringLiteral("kill"),    QStringLiteral("pause"),   QStringLiteral("unpause"),
        QStringLiteral("rename"), QStringLiteral("update"), QStringLiteral("oom"),     QStringLiteral("health_status")};
    return actions.contains(action.section(u':', 0, 0));
}
}  // namespace

EngineHub *EngineHub::instance()
{
    if (!s_instance)
        s_instance = new EngineHub;
    return s_instance;
}

EngineHub *EngineHub::create(QQmlEngine *, QJSEngine *)
{
    EngineHub *hub = instance();
    QJSEngine::setObjectOwnership(hub, QJSEngine::CppOwnership);
    return hub;
}

EngineHub::EngineHub(QObject *parent)
    : QObject(parent), m_images(new ImageModel(this)), m_containers(new ContainerModel(this))
{
    qRegisterMetaType<ImageRecord>();
    qRegisterMetaType<QList<ImageRecord>>();
    qRegisterMetaType<LayerRecord>();
    qRegisterMetaType<QList<LayerRecord>>();
    qRegisterMetaType<PullMessage>();
    qRegisterMetaType<QList<PullMessage>>();
    qRegisterMetaType<ContainerRecord>();
    qRegisterMetaType<QList<ContainerRecord>>();
    qRegisterMetaType<SearchRecord>();
    qRegisterMetaType<QList<SearchRecord>>();
    qRegisterMetaType<EngineError>();
    qRegisterMetaType<UnreachableReason>();

    m_workerThread.setObjectName(QStringLiteral("engine-requests"));
    m_pullThread.setObjectName(QStringLiteral("engine-pulls"));
    m_eventThread.setObjectName(QStringLiteral("engine-events"));

    // No parents: they move to their threads and are deleted there when the thread ends.
    m_worker = new EngineWorker;
    m_pullWorker = new EngineWorker;
    m_events = new EventStream;
    m_worker->moveToThread(&m_workerThread);
    m_pullWorker->moveToThread(&m_pullThread);
    m_events->moveToThread(&m_eventThread);
    connect(&m_workerThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(&m_pullThread, &QThread::finished, m_pullWorker, &QObject::deleteLater);
    connect(&m_eventThread, &QThread::finished, m_events, &QObject::deleteLater);

    connect(m_worker, &EngineWorker::connected, this, &EngineHub::onConnected);
    connect(m_worker, &EngineWorker::unreachable, this, &EngineHub::onUnreachable);
    connect(m_worker, &EngineWorker::imagesListed, m_images, &ImageModel::resetAll);
    connect(m_worker, &EngineWorker::imageRefreshed, this, [this](const ImageRecord &image) {
        m_images->upsert(image);
        emit imageEventApplied(QStringLiteral("refresh"), image.id);
    });
    connect(m_worker, &EngineWorker::imageGone, this, [this](const QString &ref) {
        m_images->removeById(ref);
        emit imageEventApplied(QStringLiteral("gone"), ref);
    });
    connect(m_worker, &EngineWorker::containersListed, this, [this](const QList<ContainerRecord> &list) {
        m_containers->resetAll(list);
        if (!m_containersSupported) {
            m_containersSupported = true;
            emit containersSupportedChanged();
        }
    });
    connect(m_worker, &EngineWorker::containersUnsupported, this, [this] {
        m_containers->resetAll({});
        if (m_containersSupported) {
            m_containersSupported = false;
            emit containersSupportedChanged();
        }
    });
    connect(m_worker, &EngineWorker::containerRefreshed, this, [this](const ContainerRecord &c) {
        m_containers->upsert(c);
        emit containerEventApplied(QStringLiteral("refresh"), c.id);
    });
    connect(m_worker, &EngineWorker::containerGone, this, [this](const QString &id) {
        m_containers->removeById(id);
        emit containerEventApplied(QStringLiteral("gone"), id);
    });
    connect(m_worker, &EngineWorker::requestFailed, this,
            [](const QString &op, const QString &object, const EngineError &e) {
                qCInfo(lcHub) << op << object << "failed:" << e.status << e.message;
            });

    connect(m_events, &EventStream::event, this, &EngineHub::onEvent);
    connect(m_events, &EventStream::ended, this, &EngineHub::onEventsEnded);

    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EngineHub::retryNow);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        m_retryIn = std::max(0, m_retryIn - 1);
        emit retryInChanged();
        if (m_retryIn == 0)
            m_countdown.stop();
    });
}

EngineHub::~EngineHub()
{
    stop();
    if (s_instance == this)
        s_instance = nullptr;
}

void EngineHub::start(const QString &hostText)
{
    if (m_stopped)
        return;
    m_hostText = hostText;
    if (!m_started) {
        m_started = true;
        m_workerThread.start();
        m_pullThread.start();
        m_eventThread.start();
    }
    QMetaObject::invokeMethod(m_worker, "setHost", Qt::QueuedConnection, Q_ARG(QString, hostText));
    QMetaObject::invokeMethod(m_pullWorker, "setHost", Qt::QueuedConnection, Q_ARG(QString, hostText));
    retryNow();
}

void EngineHub::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_retryTimer.stop();
    m_countdown.stop();
    if (m_events)
        m_events->stop();
    if (m_worker)
        m_worker->abortAll();
    if (m_pullWorker)
        m_pullWorker->abortAll();
    for (QThread *t : {&m_eventThread, &m_workerThread, &m_pullThread}) {
        t->quit();
        t->wait();
    }
}

void EngineHub::setHostText(const QString &hostText)
{
    if (hostText.trimmed() == m_hostText.trimmed() && m_started)
        return;
    m_events->stop();
    start(hostText.trimmed());
}

void EngineHub::retryNow()
{
    if (m_stopped || !m_started)
        return;
    m_retryTimer.stop();
    m_countdown.stop();
    m_retryIn = 0;
    emit retryInChanged();
    ++m_attempts;
    if (m_state != Unreachable)
        setState(Connecting);
    QMetaObject::invokeMethod(m_worker, "ping", Qt::QueuedConnection);
}

QString EngineHub::reasonKey() const
{
    switch (m_reason) {
    case UnreachableReason::None: return {};
    case UnreachableReason::NotRunning: return QStringLiteral("notRunning");
    case UnreachableReason::PermissionDenied: return QStringLiteral("permission");
    case UnreachableReason::WrongPath: return QStringLiteral("wrongPath");
    case UnreachableReason::BadAddress: return QStringLiteral("badAddress");
    case UnreachableReason::Other: return QStringLiteral("other");
    }
    return {};
}

QString EngineHub::socketPath() const
{
    static const QString unix = QStringLiteral("unix://");
    return m_host.startsWith(unix) ? m_host.mid(unix.size()) : QString();
}

void EngineHub::setState(ConnectionState s)
{
    m_state = s;
    emit stateChanged();
}

void EngineHub::onConnected(const QString &host, const QString &apiVersion, const QVariantMap &info)
{
    qCInfo(lcHub) << "connected to" << host << "API" << apiVersion << info.value(QStringLiteral("version"));
    m_host = host;
    m_apiVersion = apiVersion;
    m_info = info;
    m_reason = UnreachableReason::None;
    m_detail.clear();
    m_attempts = 0;
    // Subscribe first, then list: an event that lands between the two is applied on top
    // of the list (a refetch of one row), so nothing is missed.
    startEvents();
    QMetaObject::invokeMethod(m_worker, "listImages", Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_worker, "listContainers", Qt::QueuedConnection);
    setState(Connected);
}

void EngineHub::onUnreachable(const QString &host, UnreachableReason reason, const QString &detail)
{
    qCInfo(lcHub) << "engine at" << host << "not reachable:" << detail;
    m_host = host;
    m_reason = reason;
    m_detail = detail;
    setState(Unreachable);
    scheduleRetry();
}

void EngineHub::scheduleRetry()
{
    if (m_stopped)
        return;
    m_retryIn = backoffSeconds(std::max(0, m_attempts - 1));
    emit retryInChanged();
    m_retryTimer.start(m_retryIn * 1000);
    m_countdown.start();
}

void EngineHub::startEvents()
{
    QMetaObject::invokeMethod(m_events, "run", Qt::QueuedConnection, Q_ARG(QString, m_host),
                              Q_ARG(QString, m_apiVersion));
}

void EngineHub::onEvent(const QString &type, const QString &action, const QString &id, const QString &name)
{
    emit engineEvent(type, action, id, name);
    if (type == u"image") {
        if (action == u"delete") {
            m_images->removeById(id);
            emit imageEventApplied(action, id);
        } else if (changesImageRow(action)) {
            QMetaObject::invokeMethod(m_worker, "refreshImage", Qt::QueuedConnection, Q_ARG(QString, id));
        }
    } else if (type == u"container" && m_containersSupported) {
        if (action == u"destroy") {
            m_containers->removeById(id);
            emit containerEventApplied(action, id);
        } else if (changesContainerRow(action)) {
            QMetaObject::invokeMethod(m_worker, "refreshContainer", Qt::QueuedConnection, Q_ARG(QString, id));
        }
    }
}

void EngineHub::onEventsEnded(const QString &why)
{
    if (m_stopped)
        return;
    qCInfo(lcHub) << "event stream ended:" << why;
    // The engine probably went away: check now, and fall back to the retry loop if it did.
    setState(Connecting);
    QMetaObject::invokeMethod(m_worker, "ping", Qt::QueuedConnection);
}
