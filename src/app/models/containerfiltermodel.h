#pragma once
// The sidebar's view of the containers: running ones first, then stopped, each by name,
// narrowed by the filter box (name or image contains the text).

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

class ContainerFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(QAbstractItemModel *containers READ sourceModel WRITE setContainers NOTIFY containersChanged)
    Q_PROPERTY(int count READ rowCountProperty NOTIFY countChanged)
public:
    explicit ContainerFilterModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    void setContainers(QAbstractItemModel *model);
    int rowCountProperty() const { return rowCount(); }

signals:
    void filterTextChanged();
    void containersChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_filterText;
};
