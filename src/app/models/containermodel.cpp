#include "models/containermodel.h"

ContainerModel::ContainerModel(QObject *parent) : QAbstractListModel(parent) {}

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
    return rowWhere([&](const ContainerRecord &r) { return r.id == id; });
}

void ContainerModel::resetAll(const QList<ContainerRecord> &containers)
{
    resetRows(containers);
}

void ContainerModel::upsert(const ContainerRecord &container)
{
    // A container new to the list goes last; the sidebar's filter model sorts and sections.
    replaceOrInsert(rowOf(container.id), container, [this](const ContainerRecord &) { return int(m_rows.size()); });
}

void ContainerModel::removeById(const QString &id)
{
    eraseRow(rowOf(id));
}
