#pragma once
// What the user does on the Networks screen: create (name, optional subnet, internal),
// inspect, remove (never the predefined bridge/host/none, nor one in use). Owns the
// NetworkModel, which follows network events. An engine without /networks is not an
// error: `supported` turns false and the view says so, with no retry loop.

#include "controllers/actionstatus.h"
#include "models/networkmodel.h"

#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

class NetworkController : public ActionStatus {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(NetworkModel *networks READ networks CONSTANT)
    Q_PROPERTY(bool supported READ supported NOTIFY supportedChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY supportedChanged)
    Q_PROPERTY(QString inspectId READ inspectId NOTIFY inspectChanged)
    Q_PROPERTY(QString inspectText READ inspectText NOTIFY inspectChanged)
public:
    static NetworkController *instance();
    static NetworkController *create(QQmlEngine *, QJSEngine *);

    NetworkModel *networks() const { return m_networks; }
    bool supported() const { return m_supported; }
    bool loaded() const { return m_loaded; }
    QString inspectId() const { return m_inspectId; }
    QString inspectText() const { return m_inspectText; }

    Q_INVOKABLE QString validateName(const QString &name) const;
    // Empty is fine (the engine picks a subnet); else IPv4 CIDR such as 172.30.0.0/16.
    Q_INVOKABLE QString validateSubnet(const QString &subnet) const;
    QString describeError(const QString &operation, const EngineError &error) const override;

public slots:
    void refresh();
    bool create(const QString &name, const QString &subnet, bool internal);
    void remove(const QString &id);
    void inspect(const QString &id);

signals:
    void supportedChanged();
    void inspectChanged();
    void created(const QString &name);
    void removed(const QString &id);

private:
    explicit NetworkController(QObject *parent = nullptr);
    void setSupported(bool supported);

    NetworkModel *m_networks;
    bool m_supported = true;
    bool m_loaded = false;
    QString m_inspectId;
    QString m_inspectText;
};
