#include "models/logbatch.h"

#include <QDateTime>

void LogBatch::append(LogStream stream, QByteArrayView line, qint64 timestampMs)
{
    Line l;
    l.offset = qint32(text.size());
    l.length = qint32(line.size());
    l.timestampMs = timestampMs;
    l.stream = stream;
    text.append(line);
    lines.append(l);
}

void LogBatch::append(const LogBatch &other)
{
    if (lines.isEmpty()) {
        *this = other;
        return;
    }
    const qint32 base = qint32(text.size());
    text.append(other.text);
    for (Line l : other.lines) {
        l.offset += base;
        lines.append(l);
    }
}

namespace {
int digits(QByteArrayView t, qsizetype at, int count)
{
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char c = t[at + i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}
}  // namespace

qint64 LogLineSplitter::parseTimestamp(QByteArrayView t)
{
    // Fixed layout up to the seconds: YYYY-MM-DDTHH:MM:SS, then optional .fraction, then Z
    // (the engine always writes UTC). Hand-parsed: a million lines go through here.
    if (t.size() < 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':')
        return -1;
    const int year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
    const int hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return -1;
    int ms = 0;
    qsizetype i = 19;
    if (i < t.size() && t[i] == '.') {
        ++i;
        int scale = 100;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
            ms += (t[i] - '0') * scale;
            scale /= 10;
            ++i;
        }
    }
    const QDate date(year, month, day);
    if (!date.isValid())
        return -1;
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    return ((days * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL + ms;
}

void LogLineSplitter::emitLine(LogStream stream, QByteArrayView line, LogBatch &out) const
{
    if (line.endsWith('\r'))
        line.chop(1);
    qint64 ts = -1;
    if (m_timestamps) {
        const qsizetype space = line.indexOf(' ');
        const QByteArrayView head = space < 0 ? line : line.first(space);
        ts = parseTimestamp(head);
        if (ts >= 0)
            line = space < 0 ? QByteArrayView() : line.sliced(space + 1);
    }
    out.append(stream, line, ts);
}

void LogLineSplitter::feed(LogStream stream, QByteArrayView bytes, LogBatch &out)
{
    QByteArray &pending = m_pending[int(stream) & 3];
    qsizetype from = 0;
    while (from < bytes.size()) {
        const qsizetype nl = bytes.indexOf('\n', from);
        if (nl < 0) {
            pending.append(bytes.sliced(from));
            return;
        }
        if (pending.isEmpty()) {
            emitLine(stream, bytes.sliced(from, nl - from), out);
        } else {
            pending.append(bytes.sliced(from, nl - from));
            emitLine(stream, pending, out);
            pending.clear();
        }
        from = nl + 1;
    }
}

void LogLineSplitter::finish(LogBatch &out)
{
    for (int s = 1; s < 4; ++s) {
        if (!m_pending[s].isEmpty()) {
            emitLine(LogStream(s), m_pending[s], out);
            m_pending[s].clear();
        }
    }
}
