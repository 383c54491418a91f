#pragma once
// The New container flow behind every "Create" button: is the image here? If not, pull it
// (ImageController's pull, so PullPanel shows the layers and overall progress, and Cancel
// aborts the download); then create the container with sensible defaults (a friendly
// generated name, every exposed port published on a random host port as `docker run -P`)
// and start it. When it runs, containerOpened(id) tells the window to select it.

#include "controllers/actionstatus.h"

#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

class CreateController : public ActionStatus {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // "idle", "checking", "pulling", "creating", "starting", "done", "failed", "cancelled".
    Q_PROPERTY(QString step READ step NOTIFY stepChanged)
    Q_PROPERTY(bool running READ running NOTIFY stepChanged)
    Q_PROPERTY(bool canCancel READ canCancel NOTIFY stepChanged)
    Q_PROPERTY(QString reference READ reference NOTIFY stepChanged)
    // Where the user clicked Create ("local", "search:<name>", "pullByName"): the view shows
    // progress and errors there.
    Q_PROPERTY(QString origin READ origin NOTIFY stepChanged)
    Q_PROPERTY(QString containerName READ containerName NOTIFY stepChanged)
    Q_PROPERTY(QString containerId READ containerId NOTIFY stepChanged)
public:
    static CreateController *instance();
    static CreateController *create(QQmlEngine *, QJSEngine *);

    QString step() const { return m_step; }
    bool running() const;
    bool canCancel() const { return m_step == u"pulling"; }
    QString reference() const { return m_reference; }
    QString origin() const { return m_origin; }
    QString containerName() const { return m_containerName; }
    QString containerId() const { return m_containerId; }

    // "127.0.0.1:5000/library/busybox:latest" -> "busybox-<adjective>-<noun>".
    Q_INVOKABLE static QString suggestName(const QString &reference);
    QString describeError(const QString &operation, const EngineError &error) const override;

public slots:
    // Starts the flow for an image reference (or image id). False when one is running or
    // the reference is not valid (lastError says why).
    bool createFrom(const QString &reference, const QString &origin);
    void cancel();
    // Back to idle (the view's "dismiss").
    void reset();

signals:
    void stepChanged();
    // The new container runs: select it (Main.qml) and show it.
    void containerOpened(const QString &containerId);

private:
    explicit CreateController(QObject *parent = nullptr);
    void setStep(const QString &step);
    void fail(const QString &step, const EngineError &error);
    void createNow();

    QString m_step = QStringLiteral("idle");
    QString m_reference;
    QString m_origin;
    QString m_containerName;
    QString m_containerId;
};
