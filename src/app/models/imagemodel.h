#pragma once
// The local images, one row per image. Filled once when the engine connects, then kept
// current by image events: each event changes only the affected row.

#include "models/keyedrows.h"
#include "models/records.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class ImageModel : public QAbstractListModel, private KeyedRows<ImageModel, ImageRecord> {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ImageModel is owned by EngineHub")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ShortIdRole,
        RepositoryRole,
        TagRole,
        TagsRole,
        SizeRole,
        SizeTextRole,
        CreatedRole,
        UsedByRole,
        DanglingRole,
    };
    Q_ENUM(Role)

    explicit ImageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override { return rowsUnder(parent); }
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &id) const;
    const ImageRecord *recordAt(int row) const;
    Q_INVOKABLE QVariantMap get(int row) const { return rowAsMap(row); }
    Q_INVOKABLE int indexOfId(const QString &id) const { return rowOf(id); }
    int danglingCount() const;

public slots:
    void resetAll(const QList<ImageRecord> &images);
    void upsert(const ImageRecord &image);
    void removeById(const QString &id);
    void clear();

signals:
    void countChanged();

private:
    friend KeyedRows<ImageModel, ImageRecord>;
    // Rows are kept newest first.
    int insertPosition(const ImageRecord &image) const;
};
