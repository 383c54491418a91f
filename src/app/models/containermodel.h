#pragma once
// The containers for the sidebar, one row each. Filled from /containers/json when the
// engine connects, then kept current by container events (one row changes per event).

#include "models/keyedrows.h"
#include "models/records.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class ContainerModel : public QAbstractListModel, private KeyedRows<ContainerModel, ContainerRecord> {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ContainerModel is owned by EngineHub")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, ImageRole, StateNameRole, StatusRole, SectionRole, RunningRole };

    explicit ContainerModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override { return rowsUnder(parent); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int rowOf(const QString &id) const;

public slots:
    void resetAll(const QList<ContainerRecord> &containers);
    void upsert(const ContainerRecord &container);
    void removeById(const QString &id);

signals:
    void countChanged();

private:
    friend KeyedRows<ContainerModel, ContainerRecord>;
};
