#pragma once
// The Inspect tab: a container's inspect JSON as a collapsible tree, flattened for a
// ListView (each row has a depth and an expanded flag; expanding inserts the rows of the
// children, collapsing removes them). Values and whole branches copy as JSON.

#include <QAbstractListModel>
#include <QJsonValue>
#include <QtQml/qqmlregistration.h>

#include <vector>

class InspectTreeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("InspectTreeModel belongs to ContainerController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { KeyRole = Qt::UserRole + 1, ValueRole, DepthRole, HasChildrenRole, ExpandedRole, PathRole };

    explicit InspectTreeModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the tree; keeps branches open that were open before (by path).
    void setJson(const QJsonValue &root);

    Q_INVOKABLE void toggle(int row);
    Q_INVOKABLE void expandAll();
    Q_INVOKABLE void collapseAll();
    // The row's value as JSON text (a whole branch for an object or array).
    Q_INVOKABLE QString jsonOf(int row) const;
    Q_INVOKABLE void copyRow(int row) const;
    Q_INVOKABLE void copyAll() const;
    // The row showing `path` ("State/Status"), or -1 when it is not visible.
    Q_INVOKABLE int rowOfPath(const QString &path) const;

signals:
    void countChanged();

private:
    struct Node {
        QString key;
        QJsonValue value;
        QString path;
        int depth = 0;
        int parent = -1;
        std::vector<int> children;
        bool expanded = false;
    };
    int addNode(const QString &key, const QJsonValue &value, int parent, int depth, const QString &path);
    void appendVisible(int node, std::vector<int> &out) const;
    void rebuildVisible();

    std::vector<Node> m_nodes;
    std::vector<int> m_visible;  // node indexes, in display order
};
