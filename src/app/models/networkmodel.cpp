#include "models/networkmodel.h"

#include "models/format.h"

#include <algorithm>
#include <utility>

namespace {
bool before(const NetworkRecord &a, const NetworkRecord &b)
{
    const bool pa = NetworkModel::isPredefined(a.name);
    const bool pb = NetworkModel::isPredefined(b.name);
    if (pa != pb)
        return pa;
    return QString::compare(a.name, b.name, Qt::CaseInsensitive) < 0;
}
}  // namespace

NetworkModel::NetworkModel(QObject *parent) : QAbstractListModel(parent) {}

bool NetworkModel::isPredefined(const QString &name)
{
    return name == u"bridge" || name == u"host" || name == u"none";
}

QStringList NetworkModel::usersOf(const NetworkRecord &n) const
{
    QStringList users = n.containers;
    for (const QString &c : m_usedBy.value(n.name)) {
        if (!users.contains(c))
            users << c;
    }
    return users;
}

QVariant NetworkModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NetworkRecord &n = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return n.name;
    case IdRole: return n.id;
    case ShortIdRole: return n.id.left(12);
    case DriverRole: return n.driver;
    case SubnetRole: return n.subnet;
    case GatewayRole: return n.gateway;
    case InternalRole: return n.internal;
    case CreatedRole: return format::dateTime(n.created);
    case UsedByRole: return usersOf(n);
    case InUseRole: return !usersOf(n).isEmpty();
    case PredefinedRole: return isPredefined(n.name);
    }
    return {};
}

QHash<int, QByteArray> NetworkModel::roleNames() const
{
    return {{IdRole, "networkId"},   {ShortIdRole, "shortId"},   {NameRole, "name"},
            {DriverRole, "driver"},  {SubnetRole, "subnet"},     {GatewayRole, "gateway"},
            {InternalRole, "internal"}, {CreatedRole, "created"}, {UsedByRole, "usedBy"},
            {InUseRole, "inUse"},    {PredefinedRole, "predefined"}};
}

int NetworkModel::rowOf(const QString &id) const
{
    return rowWhere([&](const NetworkRecord &n) { return n.id == id; });
}

int NetworkModel::rowOfName(const QString &name) const
{
    return rowWhere([&](const NetworkRecord &n) { return n.name == name; });
}

int NetworkModel::insertPosition(const NetworkRecord &n) const
{
    int at = 0;
    while (at < m_rows.size() && before(m_rows.at(at), n))
        ++at;
    return at;
}

void NetworkModel::resetAll(const QList<NetworkRecord> &networks)
{
    QList<NetworkRecord> ordered = networks;
    std::sort(ordered.begin(), ordered.end(), before);
    resetRows(std::move(ordered));
}

void NetworkModel::upsert(const NetworkRecord &network)
{
    int row = rowOf(network.id);
    if (row < 0 && network.id.isEmpty())
        row = rowOfName(network.name);
    replaceOrInsert(row, network, [this](const NetworkRecord &n) { return insertPosition(n); });
}

void NetworkModel::remove(const QString &idOrName)
{
    int row = rowOf(idOrName);
    if (row < 0)
        row = rowOfName(idOrName);
    eraseRow(row);
}

void NetworkModel::setUsage(const QHash<QString, QStringList> &usedBy)
{
    const QHash<QString, QStringList> old = std::exchange(m_usedBy, usedBy);
    markRowsChanged([&](const NetworkRecord &n) { return old.value(n.name) != m_usedBy.value(n.name); },
                    {UsedByRole, InUseRole});
}
