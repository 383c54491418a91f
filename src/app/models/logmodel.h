#pragma once
// A container's log for a virtualised ListView: every line the logs stream delivered, in
// one byte buffer plus a 24-byte record per line (no object or string per line), so a
// million lines cost their text and 24 MB. Lines arrive in batches (LogBatch); the rich
// text with ANSI colours and search highlights is made only for the rows on screen.

#include "models/logbatch.h"

#include <QAbstractListModel>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <vector>

class LogModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LogModel belongs to ContainerController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Colours readable on a dark background (Theme.dark).
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    // Case-insensitive; matching lines get highlights, nextMatch/previousMatch walk them.
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchChanged)
    Q_PROPERTY(int matchCount READ matchCount NOTIFY searchChanged)
    // Index among the matches (0-based) of the current one; -1 when there is none.
    Q_PROPERTY(int currentMatch READ currentMatch NOTIFY currentMatchChanged)
    Q_PROPERTY(int currentMatchRow READ currentMatchRow NOTIFY currentMatchChanged)
public:
    enum Role {
        RichTextRole = Qt::UserRole + 1,
        PlainTextRole,
        StreamRole,       // "stdout", "stderr", "system"
        IsStderrRole,
        TimestampRole,    // local time as text, empty when the line had none
        IsMatchRole,
        IsCurrentMatchRole,
    };

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool dark() const { return m_dark; }
    void setDark(bool dark);
    QString searchText() const { return m_search; }
    void setSearchText(const QString &text);
    int matchCount() const { return int(m_matches.size()); }
    int currentMatch() const { return m_current; }
    int currentMatchRow() const;

    // The line's text without escape codes (tests, copy, save).
    QString plainText(int row) const;
    qint64 timestampMs(int row) const;
    LogStream stream(int row) const;
    // Bytes held for all lines (text + records); for tests of compactness.
    qint64 memoryBytes() const;

    // Moves to the next / previous match (wrapping); returns its row, -1 when none.
    Q_INVOKABLE int nextMatch();
    Q_INVOKABLE int previousMatch();
    // Every line as plain text, optionally with timestamps, one per line.
    Q_INVOKABLE QString allText(bool withTimestamps) const;
    // Puts allText on the clipboard; returns the number of lines copied.
    Q_INVOKABLE int copyAll(bool withTimestamps) const;
    // Writes allText to a file on a thread of its own; `saved` tells how it went.
    Q_INVOKABLE void saveToFile(const QUrl &file, bool withTimestamps);

public slots:
    void append(const LogBatch &batch);
    void clear();

signals:
    void countChanged();
    void darkChanged();
    void searchChanged();
    void currentMatchChanged();
    // error is empty on success.
    void saved(const QString &path, const QString &error);

private:
    struct Entry {
        qint64 offset;
        qint64 timestampMs;
        qint32 length;
        LogStream stream;
        bool hasEscapes;
    };
    QByteArrayView bytesOf(const Entry &e) const { return QByteArrayView(m_text).sliced(e.offset, e.length); }
    bool matches(const Entry &e) const;
    void findMatches(int fromRow);
    QString timestampText(qint64 ms) const;

    QByteArray m_text;
    std::vector<Entry> m_lines;
    std::vector<int> m_matches;  // rows, ascending
    int m_current = -1;
    QString m_search;
    bool m_dark = false;
};
