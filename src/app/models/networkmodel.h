#pragma once
// The engine's networks, one row each: the predefined ones (bridge, host, none) first,
// then the user's by name. Listed when the engine connects, then kept current by network
// events (one row per event) and by "used by" updates that change only the affected rows.

#include "models/keyedrows.h"
#include "models/resourcerecords.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class NetworkModel : public QAbstractListModel, private KeyedRows<NetworkModel, NetworkRecord> {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("NetworkModel is owned by NetworkController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ShortIdRole,
        NameRole,
        DriverRole,
        SubnetRole,
        GatewayRole,
        InternalRole,
        CreatedRole,
        UsedByRole,      // container names
        InUseRole,
        PredefinedRole,  // bridge, host, none: the engine's own, never removable
    };
    Q_ENUM(Role)

    explicit NetworkModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override { return rowsUnder(parent); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    static bool isPredefined(const QString &name);
    int rowOf(const QString &id) const;
    int rowOfName(const QString &name) const;
    Q_INVOKABLE int indexOfId(const QString &id) const { return rowOf(id); }
    Q_INVOKABLE QVariantMap get(int row) const { return rowAsMap(row); }

public slots:
    void resetAll(const QList<NetworkRecord> &networks);
    void upsert(const NetworkRecord &network);
    // By id, or by name for engines whose events carry only the name.
    void remove(const QString &idOrName);
    void setUsage(const QHash<QString, QStringList> &usedBy);

signals:
    void countChanged();

private:
    friend KeyedRows<NetworkModel, NetworkRecord>;
    QStringList usersOf(const NetworkRecord &n) const;
    int insertPosition(const NetworkRecord &n) const;
    QHash<QString, QStringList> m_usedBy;  // by network name
};
