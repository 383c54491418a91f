#include "models/imagemodel.h"

#include "models/format.h"

namespace {
// "registry:5000/busybox:latest" -> {"registry:5000/busybox", "latest"}: the tag is after
// the last colon that follows the last slash (a colon before it belongs to a host:port).
std::pair<QString, QString> splitRepoTag(const QString &repoTag)
{
    const int slash = repoTag.lastIndexOf(u'/');
    const int colon = repoTag.lastIndexOf(u':');
    if (colon > slash)
        return {repoTag.left(colon), repoTag.mid(colon + 1)};
    return {repoTag, QString()};
}

bool isDangling(const ImageRecord &r)
{
    return r.repoTags.isEmpty() || (r.repoTags.size() == 1 && r.repoTags.first() == u"<none>:<none>");
}
}  // namespace

ImageModel::ImageModel(QObject *parent) : QAbstractListModel(parent) {}

QVariant ImageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImageRecord &r = m_rows.at(index.row());
    const bool dangling = isDangling(r);
    switch (role) {
    case Qt::DisplayRole:
    case RepositoryRole:
        return dangling ? QStringLiteral("<none>") : splitRepoTag(r.repoTags.first()).first;
    case TagRole:
        return dangling ? QStringLiteral("<none>") : splitRepoTag(r.repoTags.first()).second;
    case IdRole:
        return r.id;
    case ShortIdRole:
        return format::shortId(r.id);
    case TagsRole:
        return dangling ? QStringList() : r.repoTags;
    case SizeRole:
        return r.size;
    case SizeTextRole:
        return format::bytes(r.size);
    case CreatedRole:
        return format::dateTime(r.created);
    case UsedByRole:
        return r.containers;
    case DanglingRole:
        return dangling;
    }
    return {};
}

QHash<int, QByteArray> ImageModel::roleNames() const
{
    return {
        {IdRole, "imageId"},       {ShortIdRole, "shortId"}, {RepositoryRole, "repository"},
        {TagRole, "tag"},          {TagsRole, "tags"},       {SizeRole, "size"},
        {SizeTextRole, "sizeText"}, {CreatedRole, "created"}, {UsedByRole, "usedBy"},
        {DanglingRole, "dangling"},
    };
}

int ImageModel::rowOf(const QString &id) const
{
    return rowWhere([&](const ImageRecord &r) { return r.id == id; });
}

const ImageRecord *ImageModel::recordAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ImageModel::danglingCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), isDangling));
}

int ImageModel::insertPosition(const ImageRecord &image) const
{
    int row = 0;
    while (row < m_rows.size() && m_rows.at(row).created >= image.created)
        ++row;
    return row;
}

void ImageModel::resetAll(const QList<ImageRecord> &images)
{
    QList<ImageRecord> newestFirst = images;
    std::stable_sort(newestFirst.begin(), newestFirst.end(),
                     [](const ImageRecord &a, const ImageRecord &b) { return a.created > b.created; });
    resetRows(std::move(newestFirst));
}

void ImageModel::upsert(const ImageRecord &image)
{
    replaceOrInsert(rowOf(image.id), image, [this](const ImageRecord &r) { return insertPosition(r); });
}

void ImageModel::removeById(const QString &id)
{
    eraseRow(rowOf(id));
}

void ImageModel::clear()
{
    resetAll({});
}
