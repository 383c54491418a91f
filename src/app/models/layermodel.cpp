#include "models/layermodel.h"

#include "models/format.h"

LayerModel::LayerModel(QObject *parent) : QAbstractListModel(parent) {}

int LayerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

namespace {
// "/bin/sh -c #(nop)  CMD [\"sh\"]" reads better as "CMD [\"sh\"]"; a RUN step keeps its command.
QString instructionOf(const QString &createdBy)
{
    QString s = createdBy.trimmed();
    static const QString nop = QStringLiteral("/bin/sh -c #(nop)");
    static const QString shell = QStringLiteral("/bin/sh -c ");
    if (s.startsWith(nop))
        return s.mid(nop.size()).trimmed();
    if (s.startsWith(shell))
        return QStringLiteral("RUN ") + s.mid(shell.size()).trimmed();
    return s;
}
}  // namespace

QVariant LayerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LayerRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case CreatedByRole:
        return instructionOf(r.createdBy);
    case LayerIdRole:
        return r.id == u"<missing>" ? QString() : format::shortId(r.id);
    case SizeRole:
        return r.size;
    case SizeTextRole:
        return format::bytes(r.size);
    case CreatedRole:
        return format::dateTime(r.created);
    }
    return {};
}

QHash<int, QByteArray> LayerModel::roleNames() const
{
    return {{LayerIdRole, "layerId"}, {CreatedByRole, "createdBy"}, {SizeRole, "size"},
            {SizeTextRole, "sizeText"}, {CreatedRole, "created"}};
}

void LayerModel::resetAll(const QList<LayerRecord> &layers)
{
    beginResetModel();
    m_rows = layers;
    endResetModel();
    emit countChanged();
}
