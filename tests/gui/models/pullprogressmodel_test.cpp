// PullProgressModel: per-layer rows from the pull stream and the overall progress in
// bytes; with a real berthd, a pull of a fixture image ends with every layer done and the
// total equal to the image's compressed layers.
#include "controllers/imagecontroller.h"
#include "engine_fixture.h"
#include "models/pullprogressmodel.h"

#include <QAbstractItemModelTester>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {
PullMessage msg(const QString &id, const QString &status, qint64 current = -1, qint64 total = -1)
{
    return PullMessage{id, status, current, total, {}};
}
}  // namespace

class PullProgressModelTest : public QObject {
    Q_OBJECT
private slots:
    void messagesAboutTheWholePullAddNoRow()
    {
        PullProgressModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.apply({msg({}, QStringLiteral("Pulling from library/busybox")),
                 msg(QStringLiteral("latest"), QStringLiteral("Pulling from library/busybox")),
                 msg({}, QStringLiteral("Digest: sha256:abc"))});
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(m.progress(), 0.0);
        QCOMPARE(m.lastStatus(), QStringLiteral("Digest: sha256:abc"));
    }

    void bytesOfAllLayersAddUp()
    {
        PullProgressModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.apply({msg(QStringLiteral("aaa"), QStringLiteral("Pulling fs layer")),
                 msg(QStringLiteral("bbb"), QStringLiteral("Pulling fs layer")),
                 msg(QStringLiteral("aaa"), QStringLiteral("Downloading"), 250, 1000),
                 msg(QStringLiteral("bbb"), QStringLiteral("Downloading"), 1000, 3000)});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.totalBytes(), 4000);
        QCOMPARE(m.currentBytes(), 1250);
        QCOMPARE(m.progress(), 1250.0 / 4000.0);
        QCOMPARE(m.index(0).data(PullProgressModel::FractionRole).toDouble(), 0.25);

        // A finished download counts whole, whatever the last progress line said.
        m.apply({msg(QStringLiteral("aaa"), QStringLiteral("Download complete")),
                 msg(QStringLiteral("bbb"), QStringLiteral("Downloading"), 2000, 3000)});
        QCOMPARE(m.currentBytes(), 3000);
        QCOMPARE(m.progress(), 0.75);

        m.apply({msg(QStringLiteral("aaa"), QStringLiteral("Extracting"), 100, 1000),
                 msg(QStringLiteral("aaa"), QStringLiteral("Pull complete")),
                 msg(QStringLiteral("bbb"), QStringLiteral("Verifying Checksum")),
                 msg(QStringLiteral("bbb"), QStringLiteral("Pull complete"))});
        QCOMPARE(m.layersDone(), 2);
        QCOMPARE(m.progress(), 1.0);
        QCOMPARE(m.progressText(), QStringLiteral("4.00 kB / 4.00 kB"));
    }

    void layersAlreadyPresentCountAsDone()
    {
        PullProgressModel m;
        m.apply({msg(QStringLiteral("aaa"), QStringLiteral("Already exists")),
                 msg(QStringLiteral("bbb"), QStringLiteral("Downloading"), 0, 1000)});
        QCOMPARE(m.layersDone(), 1);
        QCOMPARE(m.totalBytes(), 1000);
        // One layer of unknown size that is done, one sized layer at 0 %: half way.
        QCOMPARE(m.progress(), 0.5);
    }

    void eachMessageChangesOnlyItsRow()
    {
        PullProgressModel m;
        m.apply({msg(QStringLiteral("aaa"), QStringLiteral("Waiting")), msg(QStringLiteral("bbb"), QStringLiteral("Waiting"))});
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        m.apply({msg(QStringLiteral("bbb"), QStringLiteral("Downloading"), 10, 100)});
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    }

    void realPullEndsWithEveryLayerDone()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        QVERIFY2(fixture::connectHub(), "the hub did not connect to the test berthd");
        ImageController *c = ImageController::instance();
        PullProgressModel *m = c->pullProgress();
        QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy batches(m, &PullProgressModel::progressChanged);

        c->pull(fixture::registry() + QStringLiteral("/layered:latest"));
        QTRY_VERIFY_WITH_TIMEOUT(c->pullState() != QStringLiteral("pulling"), 60000);
        QCOMPARE(c->pullState(), QStringLiteral("done"));
        const int layers = int(fixture::image(QStringLiteral("layered")).value(QStringLiteral("layers")).toArray().size());
        QVERIFY(layers > 0);
        QCOMPARE(m->rowCount(), layers);
        QCOMPARE(m->layersDone(), layers);
        QCOMPARE(m->progress(), 1.0);
        QCOMPARE(m->totalBytes(), fixture::layerBytes(QStringLiteral("layered")));
        QCOMPARE(m->currentBytes(), m->totalBytes());
        QVERIFY(batches.count() >= 1);
    }

    void pullOfAMissingImageSaysSoInPlainWords()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        QVERIFY(fixture::connectHub());
        ImageController *c = ImageController::instance();
        c->pull(fixture::registry() + QStringLiteral("/no-such-image:latest"));
        QTRY_VERIFY_WITH_TIMEOUT(c->pullState() != QStringLiteral("pulling"), 30000);
        QCOMPARE(c->pullState(), QStringLiteral("failed"));
        QCOMPARE(c->errorOperation(), QStringLiteral("pull"));
        QCOMPARE(c->lastError(), c->describeError(QStringLiteral("pull"), EngineError{404, {}}));
        QVERIFY(!c->lastErrorDetail().isEmpty());
    }

    void cleanupTestCase() { EngineHub::instance()->stop(); }
};

QTEST_GUILESS_MAIN(PullProgressModelTest)
#include "pullprogressmodel_test.moc"
