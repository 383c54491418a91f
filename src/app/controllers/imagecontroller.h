#pragma once
// What the user does to images: pull by name (with progress, cancellable), remove, tag,
// prune dangling ones, look at an image's layers. Validation and the wording of errors
// live here, where tests reach them; the views bind and call.

#include "models/layermodel.h"
#include "models/pullprogressmodel.h"
#include "models/records.h"

#include <QObject>

#include <functional>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

class ImageController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString lastErrorDetail READ lastErrorDetail NOTIFY lastErrorChanged)
    // Which action the error belongs to ("pull", "remove", "tag", "prune", "history"), so the
    // view shows it where the user acted.
    Q_PROPERTY(QString errorOperation READ errorOperation NOTIFY lastErrorChanged)
    // True after a remove was refused because a container uses the image.
    Q_PROPERTY(bool canForceRemove READ canForceRemove NOTIFY lastErrorChanged)
    Q_PROPERTY(bool pulling READ pulling NOTIFY pullStateChanged)
    // "idle", "pulling", "done", "failed", "cancelled".
    Q_PROPERTY(QString pullState READ pullState NOTIFY pullStateChanged)
    Q_PROPERTY(QString pullReference READ pullReference NOTIFY pullStateChanged)
    Q_PROPERTY(PullProgressModel *pullProgress READ pullProgress CONSTANT)
    Q_PROPERTY(LayerModel *layers READ layers CONSTANT)
    Q_PROPERTY(QString layersImageId READ layersImageId NOTIFY layersChanged)
    Q_PROPERTY(QString lastMessage READ lastMessage NOTIFY lastMessageChanged)
public:
    static ImageController *instance();
    static ImageController *create(QQmlEngine *, QJSEngine *);

    bool busy() const { return m_pending > 0; }
    QString lastError() const { return m_lastError ? m_lastError() : QString(); }
    QString lastErrorDetail() const { return m_lastErrorDetail; }
    QString errorOperation() const { return m_errorOperation; }
    bool canForceRemove() const { return m_canForceRemove; }
    bool pulling() const { return m_pullState == u"pulling"; }
    QString pullState() const { return m_pullState; }
    QString pullReference() const { return m_pullReference; }
    PullProgressModel *pullProgress() const { return m_pullProgress; }
    LayerModel *layers() const { return m_layers; }
    QString layersImageId() const { return m_layersImageId; }
    QString lastMessage() const { return m_lastMessage ? m_lastMessage() : QString(); }

    // Empty when `text` can be pulled; otherwise what is wrong with it, in plain words.
    Q_INVOKABLE QString validateReference(const QString &text) const;
    // Same for a new name given to an image ("repository:tag").
    Q_INVOKABLE QString validateNewName(const QString &text) const;
    // The error the user sees for a failed operation (tests check the wording).
    QString describeError(const QString &operation, const EngineError &error) const;

public slots:
    void pull(const QString &reference);
    void cancelPull();
    void remove(const QString &imageId, bool force = false);
    void tag(const QString &imageId, const QString &newName);
    void prune();
    void loadLayers(const QString &imageId);
    void clearError();

signals:
    void busyChanged();
    void lastErrorChanged();
    void pullStateChanged();
    void layersChanged();
    void lastMessageChanged();
    void pullFinished(const QString &reference, bool ok);
    void removed(const QString &imageId);
    void tagged(const QString &name);
    void pruned(int count);

private:
    explicit ImageController(QObject *parent = nullptr);
    void begin();
    void end();
    void setError(const QString &operation, const EngineError &error);
    void setMessage(std::function<QString()> message);
    bool eventFilter(QObject *watched, QEvent *event) override;

    PullProgressModel *m_pullProgress;
    LayerModel *m_layers;
    int m_pending = 0;
    // Kept as functions, not text, so a language switch re-words what is on screen.
    std::function<QString()> m_lastError;
    QString m_lastErrorDetail;
    QString m_errorOperation;
    bool m_canForceRemove = false;
    QString m_pullState = QStringLiteral("idle");
    QString m_pullReference;
    QString m_layersImageId;
    std::function<QString()> m_lastMessage;
};
