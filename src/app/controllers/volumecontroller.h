#pragma once
// What the user does on the Volumes screen: create (name, labels), inspect, remove (the
// engine refuses one in use: 409), prune the unused. Owns the VolumeModel, which follows
// the engine's volume events and "used by" from the container list.

#include "controllers/actionstatus.h"
#include "models/volumemodel.h"

#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

class VolumeController : public ActionStatus {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(VolumeModel *volumes READ volumes CONSTANT)
    Q_PROPERTY(QString inspectName READ inspectName NOTIFY inspectChanged)
    Q_PROPERTY(QString inspectText READ inspectText NOTIFY inspectChanged)
public:
    static VolumeController *instance();
    static VolumeController *create(QQmlEngine *, QJSEngine *);

    VolumeModel *volumes() const { return m_volumes; }
    QString inspectName() const { return m_inspectName; }
    QString inspectText() const { return m_inspectText; }

    // Empty when usable; otherwise what is wrong, in plain words. An empty name is fine:
    // the engine picks one.
    Q_INVOKABLE QString validateName(const QString &name) const;
    // Labels as typed: "key=value" separated by commas or new lines.
    Q_INVOKABLE QString validateLabels(const QString &text) const;
    static QVariantMap parseLabels(const QString &text);
    QString describeError(const QString &operation, const EngineError &error) const override;

public slots:
    void refresh();
    // False (and lastError set) when the form is not valid.
    bool create(const QString &name, const QString &labels);
    void remove(const QString &name);
    void prune();
    void inspect(const QString &name);

signals:
    void inspectChanged();
    void created(const QString &name);
    void removed(const QString &name);
    void pruned(int count);

private:
    explicit VolumeController(QObject *parent = nullptr);
    VolumeModel *m_volumes;
    QString m_inspectName;
    QString m_inspectText;
};
