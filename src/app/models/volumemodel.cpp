#include "models/volumemodel.h"

#include "models/format.h"

#include <algorithm>
#include <utility>

namespace {
QString labelsText(const QVariantMap &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key(), it.value().toString());
    return parts.join(QStringLiteral(", "));
}
}  // namespace

VolumeModel::VolumeModel(QObject *parent) : QAbstractListModel(parent) {}

int VolumeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant VolumeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VolumeRecord &v = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return v.name;
    case DriverRole: return v.driver;
    case MountpointRole: return v.mountpoint;
    case CreatedRole: return format::dateTime(v.created);
    case CreatedAtRole: return v.created;
    case LabelsRole: return v.labels;
    case LabelsTextRole: return labelsText(v.labels);
    case UsedByRole: return m_usedBy.value(v.name);
    case InUseRole: return !m_usedBy.value(v.name).isEmpty();
    }
    return {};
}

QHash<int, QByteArray> VolumeModel::roleNames() const
{
    return {{NameRole, "name"},           {DriverRole, "driver"},   {MountpointRole, "mountpoint"},
            {CreatedRole, "created"},     {CreatedAtRole, "createdAt"}, {LabelsRole, "labels"},
            {LabelsTextRole, "labelsText"}, {UsedByRole, "usedBy"}, {InUseRole, "inUse"}};
}

int VolumeModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name == name)
            return i;
    }
    return -1;
}

QVariantMap VolumeModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= m_rows.size())
        return out;
    const QModelIndex i = index(row);
    const auto roles = roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(i, it.key()));
    return out;
}

int VolumeModel::insertPosition(const QString &name) const
{
    int at = 0;
    while (at < m_rows.size() && QString::compare(m_rows.at(at).name, name, Qt::CaseInsensitive) < 0)
        ++at;
    return at;
}

void VolumeModel::resetAll(const QList<VolumeRecord> &volumes)
{
    beginResetModel();
    m_rows = volumes;
    std::sort(m_rows.begin(), m_rows.end(), [](const VolumeRecord &a, const VolumeRecord &b) {
        return QString::compare(a.name, b.name, Qt::CaseInsensitive) < 0;
    });
    endResetModel();
    emit countChanged();
}

void VolumeModel::upsert(const VolumeRecord &volume)
{
    const int row = rowOf(volume.name);
    if (row >= 0) {
        m_rows[row] = volume;
        emit dataChanged(index(row), index(row));
        return;
    }
    const int at = insertPosition(volume.name);
    beginInsertRows({}, at, at);
    m_rows.insert(at, volume);
    endInsertRows();
    emit countChanged();
}

void VolumeModel::removeByName(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    emit countChanged();
}

void VolumeModel::setUsage(const QHash<QString, QStringList> &usedBy)
{
    const QHash<QString, QStringList> before = std::exchange(m_usedBy, usedBy);
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString &name = m_rows.at(row).name;
        if (before.value(name) != m_usedBy.value(name))
            emit dataChanged(index(row), index(row), {UsedByRole, InUseRole});
    }
}
