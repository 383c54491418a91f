#include "models/settingsrows.h"

namespace {
constexpr int kErrorRole = Qt::UserRole;
}

SettingsRows::SettingsRows(const QStringList &fields, const QVariantMap &defaults, QObject *parent)
    : QAbstractListModel(parent), m_fields(fields), m_defaults(defaults)
{
}

int SettingsRows::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SettingsRows::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == kErrorRole)
        return errorOf(index.row());
    const int field = role - kErrorRole - 1;
    if (field < 0 || field >= m_fields.size())
        return {};
    return m_rows.at(index.row()).value(m_fields.at(field));
}

QHash<int, QByteArray> SettingsRows::roleNames() const
{
    QHash<int, QByteArray> roles{{kErrorRole, "rowError"}};
    for (int i = 0; i < m_fields.size(); ++i)
        roles.insert(kErrorRole + 1 + i, m_fields.at(i).toUtf8());
    return roles;
}

void SettingsRows::resetRows(const QList<QVariantMap> &rows)
{
    beginResetModel();
    m_rows.clear();
    for (const QVariantMap &r : rows) {
        QVariantMap row = m_defaults;
        row.insert(r);
        m_rows.append(row);
    }
    m_errors = QStringList(m_rows.size(), QString());
    endResetModel();
    emit countChanged();
}

void SettingsRows::setErrors(const QStringList &errors)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString e = errors.value(row);
        if (m_errors.value(row) != e) {
            m_errors[row] = e;
            emit dataChanged(index(row), index(row), {kErrorRole});
        }
    }
}

int SettingsRows::add(const QVariantMap &values)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    QVariantMap r = m_defaults;
    r.insert(values);
    m_rows.append(r);
    m_errors.append(QString());
    endInsertRows();
    emit countChanged();
    emit edited();
    return row;
}

void SettingsRows::remove(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_errors.removeAt(row);
    endRemoveRows();
    emit countChanged();
    emit edited();
}

void SettingsRows::set(int row, const QString &field, const QVariant &value)
{
    const int f = int(m_fields.indexOf(field));
    if (row < 0 || row >= m_rows.size() || f < 0 || m_rows.at(row).value(field) == value)
        return;
    m_rows[row].insert(field, value);
    emit dataChanged(index(row), index(row), {kErrorRole + 1 + f});
    emit edited();
}

QVariant SettingsRows::get(int row, const QString &field) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).value(field) : QVariant();
}
