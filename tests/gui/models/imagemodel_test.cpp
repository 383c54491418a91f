// ImageModel: rows follow single changes (insert, update, remove) without resets, and with
// a real berthd, the list follows a pull and a removal through /events alone.
#include "controllers/imagecontroller.h"
#include "engine_fixture.h"
#include "models/imagemodel.h"

#include <QAbstractItemModelTester>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {
ImageRecord image(const QString &id, const QString &tag, int secondsAgo)
{
    return ImageRecord{id, tag.isEmpty() ? QStringList() : QStringList{tag}, 4'260'000,
                       QDateTime::currentDateTimeUtc().addSecs(-secondsAgo), 0};
}

int rowOfName(const ImageModel &m, const QString &repository)
{
    for (int r = 0; r < m.rowCount(); ++r) {
        if (m.index(r).data(ImageModel::RepositoryRole).toString() == repository)
            return r;
    }
    return -1;
}
}  // namespace

class ImageModelTest : public QObject {
    Q_OBJECT
private slots:
    void upsertInsertsNewestFirst()
    {
        ImageModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(image(QStringLiteral("sha256:a"), QStringLiteral("old:1"), 300));
        m.upsert(image(QStringLiteral("sha256:b"), QStringLiteral("new:1"), 10));
        m.upsert(image(QStringLiteral("sha256:c"), QStringLiteral("mid:1"), 100));
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.index(0).data(ImageModel::RepositoryRole).toString(), QStringLiteral("new"));
        QCOMPARE(m.index(1).data(ImageModel::RepositoryRole).toString(), QStringLiteral("mid"));
        QCOMPARE(m.index(2).data(ImageModel::RepositoryRole).toString(), QStringLiteral("old"));
    }

    void upsertOfAKnownImageChangesOnlyItsRow()
    {
        ImageModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.resetAll({image(QStringLiteral("sha256:a"), QStringLiteral("a:1"), 10),
                    image(QStringLiteral("sha256:b"), QStringLiteral("b:1"), 20)});
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        ImageRecord retagged = image(QStringLiteral("sha256:b"), QStringLiteral("b:1"), 20);
        retagged.repoTags << QStringLiteral("b:2");
        m.upsert(retagged);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(m.index(1).data(ImageModel::TagsRole).toStringList(), (QStringList{"b:1", "b:2"}));
    }

    void removeByIdRemovesOneRow()
    {
        ImageModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.resetAll({image(QStringLiteral("sha256:a"), QStringLiteral("a:1"), 10),
                    image(QStringLiteral("sha256:b"), QStringLiteral("b:1"), 20)});
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        m.removeById(QStringLiteral("sha256:a"));
        m.removeById(QStringLiteral("sha256:unknown"));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.index(0).data(ImageModel::IdRole).toString(), QStringLiteral("sha256:b"));
    }

    void danglingImageShowsNone()
    {
        ImageModel m;
        m.upsert(image(QStringLiteral("sha256:0123456789abcdef"), QString(), 10));
        QCOMPARE(m.index(0).data(ImageModel::RepositoryRole).toString(), QStringLiteral("<none>"));
        QCOMPARE(m.index(0).data(ImageModel::DanglingRole).toBool(), true);
        QCOMPARE(m.index(0).data(ImageModel::ShortIdRole).toString(), QStringLiteral("0123456789ab"));
        QCOMPARE(m.index(0).data(ImageModel::SizeTextRole).toString(), QStringLiteral("4.26 MB"));
        QCOMPARE(m.danglingCount(), 1);
    }

    void registryPortIsNotATag()
    {
        ImageModel m;
        m.upsert(image(QStringLiteral("sha256:a"), QStringLiteral("127.0.0.1:5000/busybox:latest"), 1));
        QCOMPARE(m.index(0).data(ImageModel::RepositoryRole).toString(), QStringLiteral("127.0.0.1:5000/busybox"));
        QCOMPARE(m.index(0).data(ImageModel::TagRole).toString(), QStringLiteral("latest"));
    }

    // With a real engine: a pull adds one row and a removal takes it away, both through
    // the event stream (no list refetch, no reset).
    void followsPullAndRemoveThroughEvents()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        QVERIFY2(fixture::connectHub(), "the hub did not connect to the test berthd");
        ImageModel *images = EngineHub::instance()->images();
        QAbstractItemModelTester tester(images, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(images, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(images, &QAbstractItemModel::rowsInserted);

        const QString repo = fixture::registry() + QStringLiteral("/busybox");
        ImageController *images_ = ImageController::instance();
        images_->pull(repo + QStringLiteral(":latest"));
        QTRY_COMPARE_WITH_TIMEOUT(images_->pullState(), QStringLiteral("done"), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(rowOfName(*images, repo) >= 0, 10000);
        QCOMPARE(inserted.count(), 1);
        const int row = rowOfName(*images, repo);
        QCOMPARE(images->index(row).data(ImageModel::TagRole).toString(), QStringLiteral("latest"));
        QVERIFY(images->index(row).data(ImageModel::SizeRole).toLongLong() > 0);
        const QString id = images->index(row).data(ImageModel::IdRole).toString();
        QCOMPARE(id, fixture::image(QStringLiteral("busybox")).value(QStringLiteral("config")).toString());

        // Another name for the same image updates the row in place.
        images_->tag(id, repo + QStringLiteral(":gui-test"));
        QTRY_VERIFY_WITH_TIMEOUT(images->index(rowOfName(*images, repo)).data(ImageModel::TagsRole).toStringList().size() == 2, 10000);
        QCOMPARE(inserted.count(), 1);

        images_->remove(id, true);
        QTRY_VERIFY_WITH_TIMEOUT(images->rowOf(id) < 0, 10000);
        QCOMPARE(reset.count(), 0);
        QVERIFY2(images_->lastError().isEmpty(), qPrintable(images_->lastError()));
    }

    void removingAMissingImageSaysSoInPlainWords()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        QVERIFY(fixture::connectHub());
        ImageController *c = ImageController::instance();
        c->remove(QStringLiteral("sha256:0000000000000000000000000000000000000000000000000000000000000000"), false);
        QTRY_VERIFY_WITH_TIMEOUT(!c->lastError().isEmpty(), 10000);
        QCOMPARE(c->errorOperation(), QStringLiteral("remove"));
        QCOMPARE(c->lastError(), c->describeError(QStringLiteral("remove"), EngineError{404, {}}));
        QVERIFY(c->lastErrorDetail().startsWith(QStringLiteral("HTTP 404")));
    }

    void cleanupTestCase() { EngineHub::instance()->stop(); }
};

QTEST_GUILESS_MAIN(ImageModelTest)
#include "imagemodel_test.moc"
