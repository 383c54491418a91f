#pragma once
// Results of an image search: from the engine's /images/search, or the names of a
// registry's catalog when the engine has no search.

#include "models/records.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class SearchResultModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SearchResultModel is owned by SearchController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { NameRole = Qt::UserRole + 1, DescriptionRole, StarsRole, OfficialRole };

    explicit SearchResultModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

public slots:
    void resetAll(const QList<SearchRecord> &results);

signals:
    void countChanged();

private:
    QList<SearchRecord> m_rows;
};
