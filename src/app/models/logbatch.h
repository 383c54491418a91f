#pragma once
// Log lines on their way from the logs stream (a worker thread) to LogModel (the GUI
// thread): one byte buffer for all the text of a batch and a small record per line, so a
// batch of thousands of lines is two allocations, not thousands of strings.

#include <QByteArray>
#include <QList>
#include <QMetaType>

enum class LogStream : quint8 { Stdout = 1, Stderr = 2, System = 3 };

struct LogBatch {
    struct Line {
        qint32 offset = 0;  // into text
        qint32 length = 0;
        qint64 timestampMs = -1;  // milliseconds since the epoch; -1 when the line had none
        LogStream stream = LogStream::Stdout;
    };
    QByteArray text;  // UTF-8, escape codes kept (LogModel renders them)
    QList<Line> lines;

    void append(LogStream stream, QByteArrayView line, qint64 timestampMs = -1);
    // Moves another batch's lines to the end of this one.
    void append(const LogBatch &other);
    bool isEmpty() const { return lines.isEmpty(); }
    void clear() { text.clear(); lines.clear(); }
};

// Cuts the frames of a logs stream into lines. Frames and lines do not align: a frame may
// end mid-line and a line may span frames, separately for stdout and stderr. With
// `timestamps`, each line starts with the engine's RFC 3339 time and a space
// (GET /containers/{id}/logs?timestamps=1), which becomes the line's timestampMs.
class LogLineSplitter {
public:
    explicit LogLineSplitter(bool timestamps) : m_timestamps(timestamps) {}

    // Appends the complete lines of `bytes` to `out`; keeps the unfinished tail.
    void feed(LogStream stream, QByteArrayView bytes, LogBatch &out);
    // Appends what is left of unfinished lines (the stream ended).
    void finish(LogBatch &out);

    // "2026-11-25T14:03:07.123456789Z" -> ms since the epoch; -1 if it is not a time.
    static qint64 parseTimestamp(QByteArrayView text);

private:
    void emitLine(LogStream stream, QByteArrayView line, LogBatch &out) const;

    bool m_timestamps;
    QByteArray m_pending[4];
};

Q_DECLARE_METATYPE(LogBatch)
