#pragma once
// The engine side of the Volumes and Networks screens and of the New container flow.
// Two ResourceWorkers ride on EngineHub's threads (requests, and the pull thread for the
// slow create + start), so EngineHub's stop() ends them too. Follows EngineHub: when it
// connects, the workers get its host and the lists are loaded; its events are routed here.
// Container changes refresh "used by" once they settle (one list for a burst of events).

#include "models/resourcerecords.h"

#include <QObject>
#include <QTimer>

class ResourceWorker;

class ResourceHub : public QObject {
    Q_OBJECT
public:
    static ResourceHub *instance();

    ResourceWorker *requests() const { return m_requests; }
    ResourceWorker *creator() const { return m_creator; }
    bool connected() const { return m_connected; }

    // Queued calls on the request worker (safe to call before the engine connects).
    void call(const char *method);
    void call(const char *method, const QString &arg);
    // Asks for "used by" again after a short pause that gathers a burst of events.
    void scheduleUsage();

signals:
    // The engine (re)connected: load everything.
    void engineConnected();
    void volumeEvent(const QString &action, const QString &name);
    void networkEvent(const QString &action, const QString &id, const QString &name);

private:
    explicit ResourceHub(QObject *parent = nullptr);
    void followEngine();
    void onEngineEvent(const QString &type, const QString &action, const QString &id, const QString &name);

    ResourceWorker *m_requests = nullptr;
    ResourceWorker *m_creator = nullptr;
    QTimer m_usageTimer;
    bool m_connected = false;
};
