// LogModel and what feeds it: lines cut from stream frames, ANSI colours rendered and
// stripped, batches inserted as one change, search, and a million lines held compactly.
#include "models/logansi.h"
#include "models/logbatch.h"
#include "models/logmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QtTest>

#include <ctime>
#include <vector>

class LogModelTest : public QObject {
    Q_OBJECT
private slots:
    void splitterJoinsLinesAcrossFramesPerStream()
    {
        LogLineSplitter s(false);
        LogBatch b;
        s.feed(LogStream::Stdout, "hel", b);
        s.feed(LogStream::Stderr, "oops\nwar", b);
        s.feed(LogStream::Stdout, "lo\nworld\r\n", b);
        s.feed(LogStream::Stderr, "ning", b);
        s.finish(b);
        QCOMPARE(b.lines.size(), 4);
        auto text = [&b](int i) { return QByteArray(b.text.mid(b.lines[i].offset, b.lines[i].length)); };
        QCOMPARE(text(0), QByteArray("oops"));
        QCOMPARE(b.lines[0].stream, LogStream::Stderr);
        QCOMPARE(text(1), QByteArray("hello"));
        QCOMPARE(text(2), QByteArray("world"));
        QCOMPARE(text(3), QByteArray("warning"));
        QCOMPARE(b.lines[3].stream, LogStream::Stderr);
    }

    void splitterTakesTheEnginesTimestamps()
    {
        LogLineSplitter s(true);
        LogBatch b;
        s.feed(LogStream::Stdout, "2026-11-25T14:03:07.123456789Z GET / 200\n", b);
        s.feed(LogStream::Stdout, "no time here\n", b);
        QCOMPARE(b.lines.size(), 2);
        QCOMPARE(b.lines[0].timestampMs,
                 QDateTime(QDate(2026, 11, 25), QTime(14, 3, 7, 123), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(QByteArray(b.text.mid(b.lines[0].offset, b.lines[0].length)), QByteArray("GET / 200"));
        QCOMPARE(b.lines[1].timestampMs, qint64(-1));
        QCOMPARE(LogLineSplitter::parseTimestamp("2026-02-30T00:00:00Z"), qint64(-1));
    }

    void ansiColoursBecomeSpansAndResetEndsThem()
    {
        const QByteArray line = "\x1b[31mred\x1b[0m plain \x1b[1;92mbold green\x1b[m <tag>";
        QCOMPARE(logansi::strip(line), QStringLiteral("red plain bold green <tag>"));
        const QString html = logansi::toRichText(line, false);
        QVERIFY2(html.contains(QStringLiteral("<span style=\"color:%1\">red</span>").arg(logansi::colorOf(31, false))), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<span style=\"color:%1\"><b>bold green</b></span>").arg(logansi::colorOf(92, false))), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral(" plain ")));
        QVERIFY(html.contains(QStringLiteral("&lt;tag&gt;")));
        QVERIFY(!html.contains(QChar(0x1b)));
        // Dark and light themes get different tones of the same colour.
        QVERIFY(logansi::colorOf(34, true) != logansi::colorOf(34, false));
    }

    void otherEscapesAreDroppedNotShown()
    {
        // 256-colour foreground, cursor movement, a window title (OSC).
        const QByteArray line = "\x1b[38;5;208morange\x1b[0m\x1b[2K\x1b]0;title\x07 done";
        QCOMPARE(logansi::strip(line), QStringLiteral("orange done"));
        QVERIFY(!logansi::hasEscapes("plain"));
    }

    void batchesArriveAsOneInsert()
    {
        LogModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        LogBatch b;
        b.append(LogStream::Stdout, "one", 1000);
        b.append(LogStream::Stderr, "\x1b[33mtwo\x1b[0m");
        b.append(LogStream::Stdout, "three");
        m.append(b);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.index(1).data(LogModel::PlainTextRole).toString(), QStringLiteral("two"));
        QCOMPARE(m.index(1).data(LogModel::StreamRole).toString(), QStringLiteral("stderr"));
        QCOMPARE(m.index(1).data(LogModel::IsStderrRole).toBool(), true);
        QVERIFY(!m.index(0).data(LogModel::TimestampRole).toString().isEmpty());
        QVERIFY(m.index(2).data(LogModel::TimestampRole).toString().isEmpty());
        QCOMPARE(m.allText(false), QStringLiteral("one\ntwo\nthree\n"));
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }

    void searchHighlightsAndWalksMatches()
    {
        LogModel m;
        LogBatch b;
        for (int i = 0; i < 10; ++i)
            b.append(LogStream::Stdout, i % 3 == 0 ? QByteArray("GET /index ") + QByteArray::number(i) : QByteArray("idle"));
        m.append(b);
        m.setSearchText(QStringLiteral("get"));
        QCOMPARE(m.matchCount(), 4);  // rows 0, 3, 6, 9
        QCOMPARE(m.nextMatch(), 0);
        QCOMPARE(m.nextMatch(), 3);
        QCOMPARE(m.previousMatch(), 0);
        QCOMPARE(m.previousMatch(), 9);  // wraps
        QVERIFY(m.index(9).data(LogModel::IsCurrentMatchRole).toBool());
        QVERIFY(m.index(3).data(LogModel::IsMatchRole).toBool());
        QVERIFY(!m.index(1).data(LogModel::IsMatchRole).toBool());
        QVERIFY(m.index(3).data(LogModel::RichTextRole).toString().contains(QStringLiteral("background-color")));
        // Lines that arrive later are searched too.
        LogBatch more;
        more.append(LogStream::Stdout, "\x1b[32mGET\x1b[0m /late");
        m.append(more);
        QCOMPARE(m.matchCount(), 5);
        // Korean text is found as well.
        LogBatch ko;
        ko.append(LogStream::Stdout, QStringLiteral("컨테이너 시작").toUtf8());
        m.append(ko);
        m.setSearchText(QStringLiteral("시작"));
        QCOMPARE(m.matchCount(), 1);
    }

    void aMillionLinesAppendFastAndStayCompact()
    {
        LogModel m;
        constexpr int kBatches = 100;
        constexpr int kPerBatch = 10000;
        qint64 textBytes = 0;
        // The batches as the log stream makes them (not timed: that work is on its thread).
        std::vector<LogBatch> batches(kBatches);
        for (int batch = 0; batch < kBatches; ++batch) {
            for (int i = 0; i < kPerBatch; ++i) {
                const QByteArray line = "2026-11-25 request " + QByteArray::number(batch * kPerBatch + i) + " served in 3 ms";
                textBytes += line.size();
                batches[size_t(batch)].append(i % 10 == 0 ? LogStream::Stderr : LogStream::Stdout, line, 1764079387000 + i);
            }
        }
        // CPU time, not wall time: the test machine is shared with other builds.
        const std::clock_t cpuStart = std::clock();
        for (const LogBatch &b : batches)
            m.append(b);
        const qint64 elapsed = qint64(std::clock() - cpuStart) * 1000 / CLOCKS_PER_SEC;
        QCOMPARE(m.rowCount(), kBatches * kPerBatch);
        qInfo("appended %d lines in %lld ms of CPU, %lld bytes held for %lld bytes of text", m.rowCount(), elapsed,
              m.memoryBytes(), textBytes);
        QVERIFY2(elapsed < 3000, "appending a million lines took too long");
        // Text plus at most ~40 bytes of bookkeeping a line (the vector may be up to 2x).
        QVERIFY(m.memoryBytes() < 2 * textBytes + qint64(m.rowCount()) * 56);
        // Any row is at hand without a walk: the last one, the middle one.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m.index(999999).data(LogModel::PlainTextRole).toString(),
                 QStringLiteral("2026-11-25 request 999999 served in 3 ms"));
        QVERIFY(m.index(500000).data(LogModel::RichTextRole).toString().contains(QStringLiteral("500000")));
        QVERIFY(timer.elapsed() < 500);
        // Searching the whole log stays interactive.
        const std::clock_t searchStart = std::clock();
        m.setSearchText(QStringLiteral("request 99999"));
        const qint64 searchMs = qint64(std::clock() - searchStart) * 1000 / CLOCKS_PER_SEC;
        QCOMPARE(m.matchCount(), 11);  // 99999 and 999990..999999
        qInfo("searched a million lines in %lld ms of CPU", searchMs);
        QVERIFY(searchMs < 2000);
    }
};

QTEST_MAIN(LogModelTest)
#include "logmodel_test.moc"
