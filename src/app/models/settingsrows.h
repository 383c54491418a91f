#pragma once
// One editable table of a container's settings (environment, ports, volumes): rows of named
// fields, plus the validation message of each row, which SettingsController fills in. A
// field edit changes one row, so the delegate being typed in keeps its focus.

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class SettingsRows : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SettingsRows belong to SettingsController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    // `fields` are the role names; `defaults` fills a new row.
    SettingsRows(const QStringList &fields, const QVariantMap &defaults, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<QVariantMap> &rows() const { return m_rows; }
    void resetRows(const QList<QVariantMap> &rows);
    // Sets every row's message (empty: the row is fine); signals only rows that changed.
    void setErrors(const QStringList &errors);
    QString errorOf(int row) const { return row >= 0 && row < m_errors.size() ? m_errors.at(row) : QString(); }

    // Appends a row (defaults overridden by `values`); returns its index.
    Q_INVOKABLE int add(const QVariantMap &values = {});
    Q_INVOKABLE void remove(int row);
    Q_INVOKABLE void set(int row, const QString &field, const QVariant &value);
    Q_INVOKABLE QVariant get(int row, const QString &field) const;

signals:
    void countChanged();
    // Any change by the user (add, remove, set): validation runs again.
    void edited();

private:
    QStringList m_fields;
    QVariantMap m_defaults;
    QList<QVariantMap> m_rows;
    QStringList m_errors;
};
