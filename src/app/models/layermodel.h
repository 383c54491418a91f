#pragma once
// The history of the selected image: one row per layer, newest first (as /images/{id}/history).

#include "models/records.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class LayerModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LayerModel is owned by ImageController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { LayerIdRole = Qt::UserRole + 1, CreatedByRole, SizeRole, SizeTextRole, CreatedRole };

    explicit LayerModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    void resetAll(const QList<LayerRecord> &layers);

signals:
    void countChanged();

private:
    QList<LayerRecord> m_rows;
};
