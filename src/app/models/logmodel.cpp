#include "models/logmodel.h"

#include "models/logansi.h"

#include <QClipboard>
#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QPointer>
#include <QThread>

#include <algorithm>

static_assert(sizeof(LogBatch::Line) <= 24, "a log line record stays small");

LogModel::LogModel(QObject *parent) : QAbstractListModel(parent)
{
    qRegisterMetaType<LogBatch>();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QString LogModel::timestampText(qint64 ms) const
{
    if (ms < 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_lines[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case RichTextRole: {
        const QString mark = m_dark ? QStringLiteral("#7a5c00") : QStringLiteral("#fde68a");
        return logansi::toRichText(bytesOf(e), m_dark, m_search, mark);
    }
    case PlainTextRole:
        return plainText(index.row());
    case StreamRole:
        return e.stream == LogStream::Stderr ? QStringLiteral("stderr")
             : e.stream == LogStream::System ? QStringLiteral("system")
                                             : QStringLiteral("stdout");
    case IsStderrRole:
        return e.stream != LogStream::Stdout;
    case TimestampRole:
        return timestampText(e.timestampMs);
    case IsMatchRole:
        return !m_search.isEmpty() && std::binary_search(m_matches.begin(), m_matches.end(), index.row());
    case IsCurrentMatchRole:
        return m_current >= 0 && m_matches[size_t(m_current)] == index.row();
    }
    return {};
}

QHash<int, QByteArray> LogModel::roleNames() const
{
    return {{RichTextRole, "richText"},   {PlainTextRole, "plainText"}, {StreamRole, "stream"},
            {IsStderrRole, "isStderr"},   {TimestampRole, "timestamp"}, {IsMatchRole, "isMatch"},
            {IsCurrentMatchRole, "isCurrentMatch"}};
}

void LogModel::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    emit darkChanged();
    if (!m_lines.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {RichTextRole, Qt::DisplayRole});
}

QString LogModel::plainText(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const Entry &e = m_lines[size_t(row)];
    return e.hasEscapes ? logansi::strip(bytesOf(e)) : QString::fromUtf8(bytesOf(e));
}

qint64 LogModel::timestampMs(int row) const
{
    return row >= 0 && row < rowCount() ? m_lines[size_t(row)].timestampMs : -1;
}

LogStream LogModel::stream(int row) const
{
    return row >= 0 && row < rowCount() ? m_lines[size_t(row)].stream : LogStream::Stdout;
}

qint64 LogModel::memoryBytes() const
{
    return m_text.capacity() + qint64(m_lines.capacity() * sizeof(Entry));
}

bool LogModel::matches(const Entry &e) const
{
    const QByteArrayView bytes = bytesOf(e);
    if (e.hasEscapes)
        return logansi::strip(bytes).contains(m_search, Qt::CaseInsensitive);
    // Bytes read as Latin-1: an ASCII search term matches UTF-8 text exactly like the
    // decoded text would, without decoding a million lines.
    bool ascii = true;
    for (const QChar c : m_search) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return QLatin1StringView(bytes.data(), bytes.size()).contains(m_search, Qt::CaseInsensitive);
    return QString::fromUtf8(bytes).contains(m_search, Qt::CaseInsensitive);
}

void LogModel::findMatches(int fromRow)
{
    for (size_t row = size_t(fromRow); row < m_lines.size(); ++row) {
        if (matches(m_lines[row]))
            m_matches.push_back(int(row));
    }
}

void LogModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_matches.clear();
    m_current = -1;
    if (!m_search.isEmpty())
        findMatches(0);
    emit searchChanged();
    emit currentMatchChanged();
    if (!m_lines.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {RichTextRole, Qt::DisplayRole, IsMatchRole, IsCurrentMatchRole});
}

int LogModel::currentMatchRow() const
{
    return m_current >= 0 ? m_matches[size_t(m_current)] : -1;
}

int LogModel::nextMatch()
{
    if (m_matches.empty())
        return -1;
    const int before = currentMatchRow();
    m_current = (m_current + 1) % int(m_matches.size());
    emit currentMatchChanged();
    if (before >= 0)
        emit dataChanged(index(before), index(before), {IsCurrentMatchRole});
    emit dataChanged(index(currentMatchRow()), index(currentMatchRow()), {IsCurrentMatchRole});
    return currentMatchRow();
}

int LogModel::previousMatch()
{
    if (m_matches.empty())
        return -1;
    const int before = currentMatchRow();
    m_current = m_current <= 0 ? int(m_matches.size()) - 1 : m_current - 1;
    emit currentMatchChanged();
    if (before >= 0)
        emit dataChanged(index(before), index(before), {IsCurrentMatchRole});
    emit dataChanged(index(currentMatchRow()), index(currentMatchRow()), {IsCurrentMatchRole});
    return currentMatchRow();
}

QString LogModel::allText(bool withTimestamps) const
{
    QString out;
    out.reserve(m_text.size() + qsizetype(m_lines.size()) * (withTimestamps ? 25 : 1));
    for (int row = 0; row < rowCount(); ++row) {
        if (withTimestamps && m_lines[size_t(row)].timestampMs >= 0) {
            out += timestampText(m_lines[size_t(row)].timestampMs);
            out += u' ';
        }
        out += plainText(row);
        out += u'\n';
    }
    return out;
}

int LogModel::copyAll(bool withTimestamps) const
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(allText(withTimestamps));
    return rowCount();
}

void LogModel::saveToFile(const QUrl &file, bool withTimestamps)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    // Text is made here (a copy of the lines), written elsewhere: a big log takes a while to write.
    const QByteArray text = allText(withTimestamps).toUtf8();
    QPointer<LogModel> self(this);
    QThread *writer = QThread::create([self, path, text] {
        QFile f(path);
        QString error;
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
            error = f.errorString();
        f.close();
        QMetaObject::invokeMethod(qApp, [self, path, error] {
            if (self)
                emit self->saved(path, error);
        });
    });
    connect(writer, &QThread::finished, writer, &QObject::deleteLater);
    writer->start();
}

void LogModel::append(const LogBatch &batch)
{
    if (batch.lines.isEmpty())
        return;
    const int first = rowCount();
    const int last = first + int(batch.lines.size()) - 1;
    beginInsertRows({}, first, last);
    const qint64 base = m_text.size();
    m_text.append(batch.text);
    for (const LogBatch::Line &l : batch.lines) {
        const Entry e{base + l.offset, l.timestampMs, l.length, l.stream,
                      logansi::hasEscapes(QByteArrayView(batch.text).sliced(l.offset, l.length))};
        m_lines.push_back(e);
    }
    endInsertRows();
    emit countChanged();
    if (!m_search.isEmpty()) {
        const size_t before = m_matches.size();
        findMatches(first);
        if (m_matches.size() != before)
            emit searchChanged();
    }
}

void LogModel::clear()
{
    if (m_lines.empty())
        return;
    beginResetModel();
    m_lines.clear();
    m_lines.shrink_to_fit();
    m_text.clear();
    m_text.squeeze();
    m_matches.clear();
    m_current = -1;
    endResetModel();
    emit countChanged();
    emit searchChanged();
    emit currentMatchChanged();
}
