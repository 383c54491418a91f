#include "engine/resourcehub.h"

#include "engine/engineworker.h"
#include "engine/resourceworker.h"
#include "enginehub.h"

namespace {
ResourceHub *s_instance = nullptr;

// A `docker run` is create, attach, start within milliseconds: one usage list for all.
constexpr int kUsageSettleMs = 150;
}  // namespace

ResourceHub *ResourceHub::instance()
{
    if (!s_instance)
        s_instance = new ResourceHub(EngineHub::instance());
    return s_instance;
}

ResourceHub::ResourceHub(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<VolumeRecord>();
    qRegisterMetaType<QList<VolumeRecord>>();
    qRegisterMetaType<NetworkRecord>();
    qRegisterMetaType<QList<NetworkRecord>>();
    qRegisterMetaType<ResourceUsage>();
    qRegisterMetaType<EngineError>();

    EngineHub *hub = EngineHub::instance();
    // No parents: they live on the hub's threads and are deleted there when those end.
    m_requests = new ResourceWorker;
    m_creator = new ResourceWorker;
    QThread *requestThread = hub->worker()->thread();
    QThread *pullThread = hub->pullWorker()->thread();
    m_requests->moveToThread(requestThread);
    m_creator->moveToThread(pullThread);
    connect(requestThread, &QThread::finished, m_requests, &QObject::deleteLater);
    connect(pullThread, &QThread::finished, m_creator, &QObject::deleteLater);

    m_usageTimer.setSingleShot(true);
    m_usageTimer.setInterval(kUsageSettleMs);
    connect(&m_usageTimer, &QTimer::timeout, this, [this] { call("loadUsage"); });

    connect(hub, &EngineHub::stateChanged, this, &ResourceHub::followEngine);
    connect(hub, &EngineHub::engineEvent, this, &ResourceHub::onEngineEvent);
    // Created after the engine connected (the first time a screen needs it): catch up.
    followEngine();
}

void ResourceHub::followEngine()
{
    EngineHub *hub = EngineHub::instance();
    const bool now = hub->state() == EngineHub::Connected;
    if (now == m_connected)
        return;
    m_connected = now;
    if (!now)
        return;
    for (ResourceWorker *w : {m_requests, m_creator})
        QMetaObject::invokeMethod(w, "setHost", Qt::QueuedConnection, Q_ARG(QString, hub->host()));
    emit engineConnected();
    call("loadUsage");
}

void ResourceHub::call(const char *method)
{
    QMetaObject::invokeMethod(m_requests, method, Qt::QueuedConnection);
}

void ResourceHub::call(const char *method, const QString &arg)
{
    QMetaObject::invokeMethod(m_requests, method, Qt::QueuedConnection, Q_ARG(QString, arg));
}

void ResourceHub::scheduleUsage()
{
    if (m_connected)
        m_usageTimer.start();
}

void ResourceHub::onEngineEvent(const QString &type, const QString &action, const QString &id, const QString &name)
{
    if (type == u"volume") {
        emit volumeEvent(action, id);
        // mount/unmount: a container started or stopped with it; "used by" counts both.
        if (action == u"destroy")
            scheduleUsage();
    } else if (type == u"network") {
        emit networkEvent(action, id, name);
        if (action == u"connect" || action == u"disconnect" || action == u"destroy")
            scheduleUsage();
    } else if (type == u"container") {
        // Only a new or removed container (or a rename) changes who uses what.
        if (action == u"create" || action == u"destroy" || action == u"rename")
            scheduleUsage();
    }
}
