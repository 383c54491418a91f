#pragma once
// Row upkeep shared by the list models whose rows are records found by a key (an image's
// id, a volume's name): keep the records, and change them one row at a time with the
// signals views and QAbstractItemModelTester expect (insert, change, remove; a reset only
// for a whole new listing), plus the model's own countChanged.
//
// A model inherits it privately next to QAbstractListModel, which stays its only QObject
// base (so moc and the QML type data see a plain list model), and befriends it:
//
//     class VolumeModel : public QAbstractListModel, private KeyedRows<VolumeModel, VolumeRecord> {
//         friend KeyedRows<VolumeModel, VolumeRecord>;
//
// Names differ from QAbstractItemModel's (insertRow, removeRow, ...) on purpose: a model
// sees both bases, and one name in each would be ambiguous.

#include <QAbstractListModel>
#include <QList>
#include <QVariantMap>

#include <utility>

template <typename Model, typename Record>
class KeyedRows {
protected:
    QList<Record> m_rows;

    // rowCount() of a flat list: the records under the root, none under a row.
    int rowsUnder(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

    // The first row whose record matches, or -1.
    template <typename Matches>
    int rowWhere(Matches matches) const
    {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (matches(m_rows.at(i)))
                return i;
        }
        return -1;
    }

    // A whole new listing, already in the model's order: one reset.
    void resetRows(QList<Record> records)
    {
        Model &m = model();
        m.beginResetModel();
        m_rows = std::move(records);
        m.endResetModel();
        emit m.countChanged();
    }

    // The record at `row` becomes `record` (one dataChanged over every role).
    void replaceRow(int row, const Record &record)
    {
        Model &m = model();
        m_rows[row] = record;
        emit m.dataChanged(m.index(row), m.index(row));
    }

    // A new record at `row` (0..size).
    void insertRowAt(int row, const Record &record)
    {
        Model &m = model();
        m.beginInsertRows({}, row, row);
        m_rows.insert(row, record);
        m.endInsertRows();
        emit m.countChanged();
    }

    // Replaces the record at `row`, or when row is -1 inserts it where insertPosition(record)
    // says: an event about a record the list may or may not hold yet.
    template <typename InsertPosition>
    void replaceOrInsert(int row, const Record &record, InsertPosition insertPosition)
    {
        if (row >= 0)
            replaceRow(row, record);
        else
            insertRowAt(insertPosition(record), record);
    }

    // Removes the record at `row`; -1 (not in the list) changes nothing.
    void eraseRow(int row)
    {
        if (row < 0)
            return;
        Model &m = model();
        m.beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        m.endRemoveRows();
        emit m.countChanged();
    }

    // dataChanged for `roles` of each row whose record `changed` says changed; the others
    // keep still (a view redraws only what moved).
    template <typename Changed>
    void markRowsChanged(Changed changed, const QList<int> &roles)
    {
        Model &m = model();
        for (int row = 0; row < m_rows.size(); ++row) {
            if (changed(m_rows.at(row)))
                emit m.dataChanged(m.index(row), m.index(row), roles);
        }
    }

    // Every role of a row by its role name (for a details panel); empty for a row out of range.
    QVariantMap rowAsMap(int row) const
    {
        QVariantMap out;
        if (row < 0 || row >= m_rows.size())
            return out;
        const Model &m = model();
        const QModelIndex at = m.index(row);
        const auto roles = m.roleNames();
        for (auto it = roles.cbegin(); it != roles.cend(); ++it)
            out.insert(QString::fromLatin1(it.value()), m.data(at, it.key()));
        return out;
    }

private:
    Model &model() { return static_cast<Model &>(*this); }
    const Model &model() const { return static_cast<const Model &>(*this); }
};
