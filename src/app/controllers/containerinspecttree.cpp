#include "controllers/containerinspecttree.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

InspectTreeModel::InspectTreeModel(QObject *parent) : QAbstractListModel(parent) {}

int InspectTreeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant InspectTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Node &n = m_nodes[size_t(m_visible[size_t(index.row())])];
    switch (role) {
    case Qt::DisplayRole:
    case KeyRole:
        return n.key;
    case ValueRole:
        if (n.value.isObject())
            return QStringLiteral("{%1}").arg(n.value.toObject().size());
        if (n.value.isArray())
            return QStringLiteral("[%1]").arg(n.value.toArray().size());
        if (n.value.isString())
            return QStringLiteral("\"%1\"").arg(n.value.toString());
        return QString::fromUtf8(QJsonDocument(QJsonArray{n.value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    case DepthRole:
        return n.depth;
    case HasChildrenRole:
        return !n.children.empty();
    case ExpandedRole:
        return n.expanded;
    case PathRole:
        return n.path;
    }
    return {};
}

QHash<int, QByteArray> InspectTreeModel::roleNames() const
{
    return {{KeyRole, "key"},           {ValueRole, "value"},       {DepthRole, "depth"},
            {HasChildrenRole, "hasChildren"}, {ExpandedRole, "expanded"}, {PathRole, "path"}};
}

int InspectTreeModel::addNode(const QString &key, const QJsonValue &value, int parent, int depth, const QString &path)
{
    const int index = int(m_nodes.size());
    m_nodes.push_back(Node{key, value, path, depth, parent, {}, false});
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const int child = addNode(it.key(), it.value(), index, depth + 1,
                                      path.isEmpty() ? it.key() : path + u'/' + it.key());
            m_nodes[size_t(index)].children.push_back(child);
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QString k = QString::number(i);
            const int child = addNode(k, a.at(i), index, depth + 1, path.isEmpty() ? k : path + u'/' + k);
            m_nodes[size_t(index)].children.push_back(child);
        }
    }
    return index;
}

void InspectTreeModel::appendVisible(int node, std::vector<int> &out) const
{
    for (int child : m_nodes[size_t(node)].children) {
        out.push_back(child);
        if (m_nodes[size_t(child)].expanded)
            appendVisible(child, out);
    }
}

void InspectTreeModel::rebuildVisible()
{
    m_visible.clear();
    if (!m_nodes.empty())
        appendVisible(0, m_visible);
}

void InspectTreeModel::setJson(const QJsonValue &root)
{
    QSet<QString> open;
    for (const Node &n : m_nodes) {
        if (n.expanded)
            open.insert(n.path);
    }
    beginResetModel();
    m_nodes.clear();
    // Node 0 is the root, never shown: the top-level keys are the first rows.
    addNode(QString(), root, -1, -1, QString());
    for (Node &n : m_nodes)
        n.expanded = open.contains(n.path);
    m_nodes[0].expanded = true;
    rebuildVisible();
    endResetModel();
    emit countChanged();
}

void InspectTreeModel::toggle(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    const int node = m_visible[size_t(row)];
    Node &n = m_nodes[size_t(node)];
    if (n.children.empty())
        return;
    if (n.expanded) {
        // The rows after it that are deeper are its visible descendants.
        int end = row + 1;
        while (end < rowCount() && m_nodes[size_t(m_visible[size_t(end)])].depth > n.depth)
            ++end;
        if (end > row + 1) {
            beginRemoveRows({}, row + 1, end - 1);
            m_visible.erase(m_visible.begin() + row + 1, m_visible.begin() + end);
            n.expanded = false;
            endRemoveRows();
        } else {
            n.expanded = false;
        }
    } else {
        n.expanded = true;
        std::vector<int> rows;
        appendVisible(node, rows);
        beginInsertRows({}, row + 1, row + int(rows.size()));
        m_visible.insert(m_visible.begin() + row + 1, rows.begin(), rows.end());
        endInsertRows();
    }
    emit dataChanged(index(row), index(row), {ExpandedRole});
    emit countChanged();
}

void InspectTreeModel::expandAll()
{
    beginResetModel();
    for (Node &n : m_nodes)
        n.expanded = !n.children.empty();
    rebuildVisible();
    endResetModel();
    emit countChanged();
}

void InspectTreeModel::collapseAll()
{
    beginResetModel();
    for (size_t i = 1; i < m_nodes.size(); ++i)
        m_nodes[i].expanded = false;
    rebuildVisible();
    endResetModel();
    emit countChanged();
}

QString InspectTreeModel::jsonOf(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const QJsonValue &v = m_nodes[size_t(m_visible[size_t(row)])].value;
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented));
    if (v.isString())
        return v.toString();
    return data(index(row), ValueRole).toString();
}

void InspectTreeModel::copyRow(int row) const
{
    if (QClipboard *c = QGuiApplication::clipboard())
        c->setText(jsonOf(row));
}

void InspectTreeModel::copyAll() const
{
    if (m_nodes.empty())
        return;
    const QJsonValue &v = m_nodes[0].value;
    if (QClipboard *c = QGuiApplication::clipboard())
        c->setText(QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson() : QJsonDocument(v.toObject()).toJson()));
}

int InspectTreeModel::rowOfPath(const QString &path) const
{
    for (size_t row = 0; row < m_visible.size(); ++row) {
        if (m_nodes[size_t(m_visible[row])].path == path)
            return int(row);
    }
    return -1;
}
