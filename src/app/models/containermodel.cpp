#include "models/containermodel.h"

ContainerModel::ContainerModel(QObject *parent) : QAbstractListModel(parent) {}

int ContainerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ContainerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContainerRecord &r = m_rows.at(index.row());
    const bool running = r.stateName == u"running" || r.stateName == u"paused" || r.stateName == u"restarting";
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case IdRole:
        return r.id;
    case ImageRole:
        return r.image;
    case StateNameRole:
        return r.stateName;
    case StatusRole:
        return r.status;
    case SectionRole:
        // Section keys are stable words; the view translates them for display.
        return running ? QStringLiteral("running") : QStringLiteral("stopped");
    case RunningRole:
        return running;
    }
    return {};
}

QHash<int, QByteArray> ContainerModel::roleNames() const
{
    return {{IdRole, "containerId"}, {NameRole, "name"},       {ImageRole, "image"},
            {StateNameRole, "stateName"}, {StatusRole, "status"}, {SectionRole, "section"},
            {RunningRole, "running"}};
}

int ContainerModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

void ContainerModel::resetAll(const QList<ContainerRecord> &containers)
{
    beginResetModel();
    m_rows = containers;
    endResetModel();
    emit countChanged();
}

void ContainerModel::upsert(const ContainerRecord &container)
{
    const int row = rowOf(container.id);
    if (row >= 0) {
        m_rows[row] = container;
        emit dataChanged(index(row), index(row));
        return;
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(container);
    endInsertRows();
    emit countChanged();
}

void ContainerModel::removeById(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    emit countChanged();
}
