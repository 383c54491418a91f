// VolumeModel: sorted rows that change one at a time; "used by" changes only the rows
// whose users changed. With a real berthd: a volume created and removed by another client
// appears and disappears through /events alone; a volume a container uses lists it, and
// removing it anyway gives the engine's 409 in plain words.
#include "controllers/volumecontroller.h"
#include "engine_client_fixture.h"
#include "engine_fixture.h"
#include "models/volumemodel.h"

#include <QAbstractItemModelTester>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {
VolumeRecord volume(const QString &name)
{
    return VolumeRecord{name, QStringLiteral("local"), QStringLiteral("/var/lib/berth/volumes/") + name + QStringLiteral("/_data"),
                        QDateTime::currentDateTimeUtc(), {}};
}

QString uniqueName(const char *what)
{
    return QStringLiteral("gui-%1-%2").arg(QLatin1String(what)).arg(QCoreApplication::applicationPid());
}
}  // namespace

class VolumeModelTest : public QObject {
    Q_OBJECT
private slots:
    void rowsStaySortedByName()
    {
        VolumeModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert(volume(QStringLiteral("web-data")));
        m.upsert(volume(QStringLiteral("app")));
        m.upsert(volume(QStringLiteral("db")));
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.index(0).data(VolumeModel::NameRole).toString(), QStringLiteral("app"));
        QCOMPARE(m.index(1).data(VolumeModel::NameRole).toString(), QStringLiteral("db"));
        QCOMPARE(m.index(2).data(VolumeModel::NameRole).toString(), QStringLiteral("web-data"));
        m.removeByName(QStringLiteral("db"));
        m.removeByName(QStringLiteral("unknown"));
        QCOMPARE(m.rowCount(), 2);
    }

    void usageChangesOnlyTheRowsItConcerns()
    {
        VolumeModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.resetAll({volume(QStringLiteral("a")), volume(QStringLiteral("b")), volume(QStringLiteral("c"))});
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.setUsage({{QStringLiteral("b"), {QStringLiteral("web")}}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(m.index(1).data(VolumeModel::UsedByRole).toStringList(), QStringList{QStringLiteral("web")});
        QCOMPARE(m.index(1).data(VolumeModel::InUseRole).toBool(), true);
        QCOMPARE(m.index(0).data(VolumeModel::InUseRole).toBool(), false);
        // The same usage again changes nothing.
        m.setUsage({{QStringLiteral("b"), {QStringLiteral("web")}}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reset.count(), 0);
    }

    void namesAndLabelsAreCheckedBeforeAsking()
    {
        VolumeController *c = VolumeController::instance();
        QVERIFY(c->validateName(QString()).isEmpty());  // the engine picks one
        QVERIFY(c->validateName(QStringLiteral("app-data")).isEmpty());
        QVERIFY(!c->validateName(QStringLiteral("x")).isEmpty());
        QVERIFY(!c->validateName(QStringLiteral("-data")).isEmpty());
        QVERIFY(!c->validateName(QStringLiteral("my data")).isEmpty());
        QVERIFY(c->validateLabels(QStringLiteral("env=dev, team=web")).isEmpty());
        QVERIFY(!c->validateLabels(QStringLiteral("=dev")).isEmpty());
        const QVariantMap labels = VolumeController::parseLabels(QStringLiteral("env=dev,\nteam = web, flag"));
        QCOMPARE(labels.value(QStringLiteral("env")).toString(), QStringLiteral("dev"));
        QCOMPARE(labels.value(QStringLiteral("team")).toString(), QStringLiteral("web"));
        QVERIFY(labels.contains(QStringLiteral("flag")));
        QVERIFY(!c->create(QStringLiteral("x"), QString()));
        QCOMPARE(c->errorOperation(), QStringLiteral("createVolume"));
        QCOMPARE(c->lastError(), c->validateName(QStringLiteral("x")));
        c->clearError();
    }

    void followsCreateAndRemoveByAnotherClient()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        VolumeController *c = VolumeController::instance();
        VolumeModel *volumes = c->volumes();
        QSignalSpy listed(volumes, &QAbstractItemModel::modelReset);
        QVERIFY2(fixture::connectHub(), "the hub did not connect to the test berthd");
        QTRY_VERIFY_WITH_TIMEOUT(listed.count() > 0, 10000);
        QAbstractItemModelTester tester(volumes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(volumes, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(volumes, &QAbstractItemModel::rowsInserted);

        auto client = fixture::outsideClient();
        QVERIFY(client);
        const QString name = uniqueName("vol");
        nlohmann::json body{{"Name", name.toStdString()}, {"Labels", {{"org.berth.test", "gui"}}}};
        QVERIFY(client->request_json("POST", "/volumes/create", {}, body));
        QTRY_VERIFY_WITH_TIMEOUT(volumes->rowOf(name) >= 0, 10000);
        QCOMPARE(inserted.count(), 1);
        const QModelIndex row = volumes->index(volumes->rowOf(name));
        QCOMPARE(row.data(VolumeModel::DriverRole).toString(), QStringLiteral("local"));
        QVERIFY(row.data(VolumeModel::MountpointRole).toString().endsWith(name + QStringLiteral("/_data")));
        QCOMPARE(row.data(VolumeModel::LabelsTextRole).toString(), QStringLiteral("org.berth.test=gui"));
        QVERIFY(row.data(VolumeModel::CreatedAtRole).toDateTime().isValid());

        QVERIFY(client->request("DELETE", "/volumes/" + name.toStdString()));
        QTRY_VERIFY_WITH_TIMEOUT(volumes->rowOf(name) < 0, 10000);
        QCOMPARE(reset.count(), 0);
    }

    void aVolumeInUseNamesItsContainerAndRefusesRemoval()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        QVERIFY(fixture::connectHub());
        auto client = fixture::outsideClient();
        QVERIFY(client);
        QVERIFY2(fixture::ensureImage(*client, QStringLiteral("busybox")), "could not pull the fixture busybox");
        VolumeController *c = VolumeController::instance();
        VolumeModel *volumes = c->volumes();

        const QString name = uniqueName("used");
        const QString container = uniqueName("user");
        const nlohmann::json config{
            {"Image", qEnvironmentVariable("REGISTRY").toStdString() + "/busybox:latest"},
            {"Cmd", {"true"}},
            {"HostConfig", {{"Binds", {name.toStdString() + ":/data"}}}}};
        auto created = berth::client::create_container(*client, config, container.toStdString());
        QVERIFY2(created, created ? "" : created.error().message().c_str());
        const std::string id = created->value("Id", std::string());

        QTRY_VERIFY_WITH_TIMEOUT(volumes->rowOf(name) >= 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(volumes->index(volumes->rowOf(name)).data(VolumeModel::UsedByRole).toStringList(),
                                  QStringList{container}, 10000);

        c->remove(name);
        QTRY_VERIFY_WITH_TIMEOUT(!c->lastError().isEmpty(), 10000);
        QCOMPARE(c->errorOperation(), QStringLiteral("removeVolume"));
        QCOMPARE(c->lastError(), c->describeError(QStringLiteral("removeVolume"), EngineError{409, {}}));
        QVERIFY(c->lastErrorDetail().startsWith(QStringLiteral("HTTP 409")));
        QVERIFY(!c->busy());
        QVERIFY(volumes->rowOf(name) >= 0);

        // Once the container is gone, nobody uses it, and it can go.
        QVERIFY(berth::client::remove_container(*client, id, true, false));
        QTRY_VERIFY_WITH_TIMEOUT(volumes->index(volumes->rowOf(name)).data(VolumeModel::UsedByRole).toStringList().isEmpty(), 10000);
        c->remove(name);
        QTRY_VERIFY_WITH_TIMEOUT(volumes->rowOf(name) < 0, 10000);
        QVERIFY2(c->lastError().isEmpty(), qPrintable(c->lastError()));
    }

    void cleanupTestCase() { EngineHub::instance()->stop(); }
};

QTEST_GUILESS_MAIN(VolumeModelTest)
#include "volumemodel_test.moc"
