#include "models/searchresultmodel.h"

SearchResultModel::SearchResultModel(QObject *parent) : QAbstractListModel(parent) {}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case DescriptionRole:
        return r.description;
    case StarsRole:
        return r.stars;
    case OfficialRole:
        return r.official;
    }
    return {};
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    return {{NameRole, "name"}, {DescriptionRole, "description"}, {StarsRole, "stars"}, {OfficialRole, "official"}};
}

void SearchResultModel::resetAll(const QList<SearchRecord> &results)
{
    beginResetModel();
    m_rows = results;
    endResetModel();
    emit countChanged();
}
