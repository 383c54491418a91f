#include "models/pullprogressmodel.h"

#include "models/format.h"

PullProgressModel::PullProgressModel(QObject *parent) : QAbstractListModel(parent) {}

int PullProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_layers.size());
}

QVariant PullProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Layer &l = m_layers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LayerIdRole:
        return l.id;
    case StatusRole:
        return l.status;
    case PhaseRole:
        return int(l.phase);
    case CurrentRole:
        return l.downloaded;
    case TotalRole:
        return l.size;
    case FractionRole:
        return layerFraction(l);
    }
    return {};
}

QHash<int, QByteArray> PullProgressModel::roleNames() const
{
    return {{LayerIdRole, "layerId"}, {StatusRole, "status"},  {PhaseRole, "phase"},
            {CurrentRole, "current"}, {TotalRole, "total"},    {FractionRole, "fraction"}};
}

// The statuses are the ones docker's pull stream uses (distribution/xfer progress messages).
PullProgressModel::Phase PullProgressModel::phaseOf(const QString &status, Phase previous)
{
    if (status.startsWith(u"Pulling fs layer") || status.startsWith(u"Waiting"))
        return Phase::Waiting;
    if (status.startsWith(u"Downloading"))
        return Phase::Downloading;
    if (status.startsWith(u"Verifying"))
        return Phase::Verifying;
    if (status.startsWith(u"Download complete"))
        return Phase::Downloaded;
    if (status.startsWith(u"Extracting"))
        return Phase::Extracting;
    if (status.startsWith(u"Pull complete") || status.startsWith(u"Already exists"))
        return Phase::Done;
    return previous;
}

double PullProgressModel::layerFraction(const Layer &l) const
{
    if (l.phase == Phase::Done)
        return 1.0;
    if (l.phase >= Phase::Verifying)
        return 1.0;
    if (l.size > 0)
        return std::clamp(double(l.downloaded) / double(l.size), 0.0, 1.0);
    return 0.0;
}

int PullProgressModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_layers.size(); ++i) {
        if (m_layers.at(i).id == id)
            return i;
    }
    return -1;
}

void PullProgressModel::apply(const QList<PullMessage> &batch)
{
    for (const PullMessage &m : batch) {
        if (!m.error.isEmpty()) {
            m_lastStatus = m.error;
            continue;
        }
        // Messages without a layer id are about the whole pull ("Pulling from library/busybox",
        // "Digest: ...", "Status: Downloaded newer image ..."). A message whose id is the tag
        // ("latest: Pulling from ...") is one too: it never gets a layer status.
        const Phase phase = phaseOf(m.status, Phase::Waiting);
        const bool layerMessage = !m.id.isEmpty() &&
                                  (phase != Phase::Waiting || m.status.startsWith(u"Pulling fs layer") ||
                                   m.status.startsWith(u"Waiting"));
        if (!layerMessage) {
            m_lastStatus = m.id.isEmpty() ? m.status : QStringLiteral("%1: %2").arg(m.id, m.status);
            continue;
        }
        int row = rowOf(m.id);
        if (row < 0) {
            row = int(m_layers.size());
            beginInsertRows({}, row, row);
            m_layers.append(Layer{m.id});
            endInsertRows();
        }
        Layer &l = m_layers[row];
        l.status = m.status;
        l.phase = phaseOf(m.status, l.phase);
        if (l.phase == Phase::Downloading) {
            if (m.total > 0)
                l.size = m.total;
            if (m.current >= 0)
                l.downloaded = m.current;
        } else if (l.phase == Phase::Extracting) {
            if (m.current >= 0)
                l.extracted = m.current;
        }
        if (l.phase >= Phase::Verifying && l.size > 0)
            l.downloaded = l.size;
        emit dataChanged(index(row), index(row));
    }
    emit progressChanged();
}

void PullProgressModel::clear()
{
    beginResetModel();
    m_layers.clear();
    endResetModel();
    m_lastStatus.clear();
    m_finished = false;
    emit progressChanged();
}

void PullProgressModel::markFinished()
{
    m_finished = true;
    emit progressChanged();
}

qint64 PullProgressModel::currentBytes() const
{
    qint64 sum = 0;
    for (const Layer &l : m_layers) {
        if (l.size > 0)
            sum += std::min(l.downloaded, l.size);
    }
    return sum;
}

qint64 PullProgressModel::totalBytes() const
{
    qint64 sum = 0;
    for (const Layer &l : m_layers) {
        if (l.size > 0)
            sum += l.size;
    }
    return sum;
}

int PullProgressModel::layersDone() const
{
    return int(std::count_if(m_layers.cbegin(), m_layers.cend(),
                             [](const Layer &l) { return l.phase == Phase::Done; }));
}

double PullProgressModel::progress() const
{
    if (m_finished)
        return 1.0;
    if (m_layers.isEmpty())
        return 0.0;
    // Bytes of the layers whose size is known, and the layers without a size (already
    // present, or not started) counted by whether they are done, weighted like an average
    // sized layer so that a pull of one big and many tiny layers moves smoothly.
    const qint64 total = totalBytes();
    int unsized = 0, unsizedDone = 0;
    for (const Layer &l : m_layers) {
        if (l.size <= 0) {
            ++unsized;
            unsizedDone += l.phase == Phase::Done ? 1 : 0;
        }
    }
    const int sized = int(m_layers.size()) - unsized;
    const double unit = sized > 0 ? double(total) / sized : 1.0;
    const double done = double(currentBytes()) + unit * unsizedDone;
    const double all = double(total) + unit * unsized;
    return all > 0 ? std::clamp(done / all, 0.0, 1.0) : 0.0;
}

QString PullProgressModel::progressText() const
{
    return QStringLiteral("%1 / %2").arg(format::bytes(currentBytes()), format::bytes(totalBytes()));
}
