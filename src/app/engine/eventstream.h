#pragma once
// The engine's /events stream, on a thread of its own (it blocks for as long as the engine
// runs). Each event is sent to the GUI thread as soon as it arrives: they are rare, and the
// models turn each one into a single row change.

#include <QObject>

#include <atomic>

class EventStream : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // From any thread: ends the running stream.
    void stop() { m_stop = true; }

public slots:
    // Blocks until the stream ends or stop() is called; then emits ended().
    void run(const QString &hostText, const QString &apiVersion);

signals:
    void started();
    // type: "image", "container", ...; action: "pull", "tag", "start", ...; actorId: the
    // image id or reference / the container id; name: Actor.Attributes.name when present.
    void event(const QString &type, const QString &action, const QString &actorId, const QString &name);
    // The stream ended without stop(): the engine went away (or refused /events).
    void ended(const QString &why);

private:
    std::atomic<bool> m_stop{false};
};
