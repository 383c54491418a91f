#include "models/containerfiltermodel.h"

#include "models/containermodel.h"

ContainerFilterModel::ContainerFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &ContainerFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ContainerFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ContainerFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ContainerFilterModel::countChanged);
}

void ContainerFilterModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    invalidateFilter();
    emit filterTextChanged();
    emit countChanged();
}

void ContainerFilterModel::setContainers(QAbstractItemModel *model)
{
    if (model == sourceModel())
        return;
    setSourceModel(model);
    sort(0);
    emit containersChanged();
    emit countChanged();
}

bool ContainerFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    return i.data(ContainerModel::NameRole).toString().contains(m_filterText, Qt::CaseInsensitive) ||
           i.data(ContainerModel::ImageRole).toString().contains(m_filterText, Qt::CaseInsensitive);
}

bool ContainerFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftRunning = left.data(ContainerModel::RunningRole).toBool();
    const bool rightRunning = right.data(ContainerModel::RunningRole).toBool();
    if (leftRunning != rightRunning)
        return leftRunning;
    return QString::localeAwareCompare(left.data(ContainerModel::NameRole).toString(),
                                       right.data(ContainerModel::NameRole).toString()) < 0;
}
