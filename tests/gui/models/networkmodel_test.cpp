// NetworkModel: the engine's own networks first, then the user's by name; usage changes
// single rows. With a real berthd: a network created and removed by another client
// appears and disappears through /events alone. An engine without /networks is a quiet
// "not supported" state, not an error.
#include "controllers/networkcontroller.h"
#include "engine_client_fixture.h"
#include "engine_fixture.h"
#include "models/networkmodel.h"

#include <QAbstractItemModelTester>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {
NetworkRecord network(const QString &id, const QString &name)
{
    return NetworkRecord{id, name, QStringLiteral("bridge"), QStringLiteral("172.30.0.0/16"),
                         QStringLiteral("172.30.0.1"), false, QDateTime::currentDateTimeUtc(), {}};
}
}  // namespace

class NetworkModelTest : public QObject {
    Q_OBJECT
private slots:
    void predefinedFirstThenByName()
    {
        NetworkModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.resetAll({network(QStringLiteral("1"), QStringLiteral("zeta")), network(QStringLiteral("2"), QStringLiteral("none")),
                    network(QStringLiteral("3"), QStringLiteral("app")), network(QStringLiteral("4"), QStringLiteral("bridge"))});
        QCOMPARE(m.index(0).data(NetworkModel::NameRole).toString(), QStringLiteral("bridge"));
        QCOMPARE(m.index(1).data(NetworkModel::NameRole).toString(), QStringLiteral("none"));
        QCOMPARE(m.index(2).data(NetworkModel::NameRole).toString(), QStringLiteral("app"));
        QCOMPARE(m.index(0).data(NetworkModel::PredefinedRole).toBool(), true);
        QCOMPARE(m.index(2).data(NetworkModel::PredefinedRole).toBool(), false);
        m.upsert(network(QStringLiteral("5"), QStringLiteral("host")));
        QCOMPARE(m.index(1).data(NetworkModel::NameRole).toString(), QStringLiteral("host"));
        m.upsert(network(QStringLiteral("6"), QStringLiteral("beta")));
        QCOMPARE(m.index(4).data(NetworkModel::NameRole).toString(), QStringLiteral("beta"));
        m.remove(QStringLiteral("6"));
        m.remove(QStringLiteral("zeta"));  // by name, for events that carry only the name
        QCOMPARE(m.rowCount(), 4);
    }

    void usageJoinsTheNetworksOwnListAndChangesOneRow()
    {
        NetworkModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        NetworkRecord app = network(QStringLiteral("3"), QStringLiteral("app"));
        app.containers = {QStringLiteral("db")};
        m.resetAll({network(QStringLiteral("4"), QStringLiteral("bridge")), app});
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setUsage({{QStringLiteral("app"), {QStringLiteral("web"), QStringLiteral("db")}}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.index(1).data(NetworkModel::UsedByRole).toStringList(), (QStringList{"db", "web"}));
        QCOMPARE(m.index(0).data(NetworkModel::InUseRole).toBool(), false);
    }

    void formIsCheckedBeforeAsking()
    {
        NetworkController *c = NetworkController::instance();
        QVERIFY(!c->validateName(QString()).isEmpty());
        QVERIFY(!c->validateName(QStringLiteral("bridge")).isEmpty());
        QVERIFY(!c->validateName(QStringLiteral("my net")).isEmpty());
        QVERIFY(c->validateName(QStringLiteral("my-app-net")).isEmpty());
        QVERIFY(c->validateSubnet(QString()).isEmpty());
        QVERIFY(c->validateSubnet(QStringLiteral("172.30.0.0/16")).isEmpty());
        QVERIFY(!c->validateSubnet(QStringLiteral("172.30.0.0")).isEmpty());
        QVERIFY(!c->validateSubnet(QStringLiteral("300.1.1.1/16")).isEmpty());
        QVERIFY(!c->validateSubnet(QStringLiteral("10.0.0.0/31")).isEmpty());
        QVERIFY(!c->validateSubnet(QStringLiteral("fd00::/64")).isEmpty());
        QVERIFY(!c->create(QStringLiteral("bridge"), QString(), false));
        QCOMPARE(c->errorOperation(), QStringLiteral("createNetwork"));
        c->clearError();
    }

    void followsCreateAndRemoveByAnotherClient()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        NetworkController *c = NetworkController::instance();
        NetworkModel *networks = c->networks();
        QVERIFY2(fixture::connectHub(), "the hub did not connect to the test berthd");
        QTRY_VERIFY_WITH_TIMEOUT(c->loaded(), 10000);
        if (!c->supported()) {
            // The friendly state: no rows, no error, and asking again stays quiet.
            QCOMPARE(networks->rowCount(), 0);
            QVERIFY(c->lastError().isEmpty());
            c->refresh();
            QTest::qWait(500);
            QVERIFY(c->lastError().isEmpty());
            QSKIP("this berthd has no /networks yet: checked the not-supported state only");
        }
        QAbstractItemModelTester tester(networks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(networks->rowOfName(QStringLiteral("bridge")) >= 0);
        QSignalSpy reset(networks, &QAbstractItemModel::modelReset);

        const QString name = QStringLiteral("gui-net-%1").arg(QCoreApplication::applicationPid());
        const QByteArray body = QStringLiteral(R"({"Name":"%1","Driver":"bridge","IPAM":{"Config":[{"Subnet":"172.31.250.0/24"}]}})")
                                    .arg(name).toUtf8();
        QCOMPARE(fixture::curlApi(QStringLiteral("POST"), QStringLiteral("/networks/create"), body), 201);
        QTRY_VERIFY_WITH_TIMEOUT(networks->rowOfName(name) >= 0, 10000);
        const QModelIndex row = networks->index(networks->rowOfName(name));
        QCOMPARE(row.data(NetworkModel::DriverRole).toString(), QStringLiteral("bridge"));
        QCOMPARE(row.data(NetworkModel::SubnetRole).toString(), QStringLiteral("172.31.250.0/24"));
        QCOMPARE(row.data(NetworkModel::PredefinedRole).toBool(), false);

        QCOMPARE(fixture::curlApi(QStringLiteral("DELETE"), QStringLiteral("/networks/") + name), 204);
        QTRY_VERIFY_WITH_TIMEOUT(networks->rowOfName(name) < 0, 10000);
        QCOMPARE(reset.count(), 0);
    }

    void cleanupTestCase() { EngineHub::instance()->stop(); }
};

QTEST_GUILESS_MAIN(NetworkModelTest)
#include "networkmodel_test.moc"
