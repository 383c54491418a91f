#pragma once
// The engine's volumes, one row each, sorted by name. Listed when the engine connects,
// then kept current by volume events (one row per event) and by "used by" updates that
// change only the rows whose users changed.

#include "models/keyedrows.h"
#include "models/resourcerecords.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class VolumeModel : public QAbstractListModel, private KeyedRows<VolumeModel, VolumeRecord> {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("VolumeModel is owned by VolumeController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        DriverRole,
        MountpointRole,
        CreatedRole,      // "2026-11-25 14:03"
        CreatedAtRole,    // QDateTime
        LabelsRole,       // QVariantMap
        LabelsTextRole,   // "env=dev, team=web"
        UsedByRole,       // container names
        InUseRole,
    };
    Q_ENUM(Role)

    explicit VolumeModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override { return rowsUnder(parent); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &name) const;
    Q_INVOKABLE int indexOfName(const QString &name) const { return rowOf(name); }
    // Every role of a row by its role name, for a details panel.
    Q_INVOKABLE QVariantMap get(int row) const { return rowAsMap(row); }

public slots:
    void resetAll(const QList<VolumeRecord> &volumes);
    void upsert(const VolumeRecord &volume);
    void removeByName(const QString &name);
    void setUsage(const QHash<QString, QStringList> &usedBy);

signals:
    void countChanged();

private:
    friend KeyedRows<VolumeModel, VolumeRecord>;
    int insertPosition(const QString &name) const;
    QHash<QString, QStringList> m_usedBy;
};
