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
    return rowWhere([&](const VolumeRecord &v) { return v.name == name; });
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
    QList<VolumeRecord> byName = volumes;
    std::sort(byName.begin(), byName.end(), [](const VolumeRecord &a, const VolumeRecord &b) {
        return QString::compare(a.name, b.name, Qt::CaseInsensitive) < 0;
    });
    resetRows(std::move(byName));
}

void VolumeModel::upsert(const VolumeRecord &volume)
{
    replaceOrInsert(rowOf(volume.name), volume, [this](const VolumeRecord &v) { return insertPosition(v.name); });
}

void VolumeModel::removeByName(const QString &name)
{
    eraseRow(rowOf(name));
}

void VolumeModel::setUsage(const QHash<QString, QStringList> &usedBy)
{
    const QHash<QString, QStringList> before = std::exchange(m_usedBy, usedBy);
    markRowsChanged([&](const VolumeRecord &v) { return before.value(v.name) != m_usedBy.value(v.name); },
                    {UsedByRole, InUseRole});
}
