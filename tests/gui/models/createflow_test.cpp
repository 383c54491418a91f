// The New container flow against a real berthd: an image that is not here is pulled with
// progress, then a container is created with a friendly name and every exposed port
// published (-P), started, and announced with containerOpened; an image already here is
// not pulled again.
#include "controllers/createcontroller.h"
#include "controllers/imagecontroller.h"
#include "engine_client_fixture.h"
#include "engine_fixture.h"

#include <QRegularExpression>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

class CreateFlowTest : public QObject {
    Q_OBJECT
private slots:
    void suggestedNamesAreFriendly()
    {
        const QRegularExpression friendly(QStringLiteral("^busybox-[a-z]+-[a-z]+$"));
        QVERIFY(friendly.match(CreateController::suggestName(QStringLiteral("127.0.0.1:5000/busybox:latest"))).hasMatch());
        QVERIFY(friendly.match(CreateController::suggestName(QStringLiteral("busybox@sha256:abc"))).hasMatch());
        QVERIFY(CreateController::suggestName(QStringLiteral("sha256:0123")).startsWith(QStringLiteral("container-")));
        QVERIFY(CreateController::suggestName(QStringLiteral("Library/My_App:1")).startsWith(QStringLiteral("my_app-")));
    }

    void aBadReferenceIsRefusedBeforeAsking()
    {
        CreateController *c = CreateController::instance();
        QVERIFY(!c->createFrom(QStringLiteral("Not An Image"), QStringLiteral("test")));
        QCOMPARE(c->step(), QStringLiteral("failed"));
        QVERIFY(!c->lastError().isEmpty());
        c->reset();
        QCOMPARE(c->step(), QStringLiteral("idle"));
    }

    void pullsCreatesAndStartsWithPublishedPorts()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        QVERIFY2(fixture::connectHub(), "the hub did not connect to the test berthd");
        CreateController *c = CreateController::instance();
        ImageController *images = ImageController::instance();
        QSignalSpy opened(c, &CreateController::containerOpened);
        QStringList steps;
        QObject scope;  // ends the connection with this test
        connect(c, &CreateController::stepChanged, &scope, [&] { steps << c->step(); });

        // "layered" exposes 8080/tcp and declares a volume; it is not pulled yet.
        const QString reference = fixture::registry() + QStringLiteral("/layered:latest");
        QVERIFY(c->createFrom(reference, QStringLiteral("test")));
        QTRY_VERIFY_WITH_TIMEOUT(!c->running(), 90000);
        QVERIFY2(c->step() == u"done", qPrintable(c->step() + u' ' + c->lastError() + u' ' + c->lastErrorDetail()));
        QCOMPARE(steps, (QStringList{"checking", "pulling", "creating", "starting", "done"}));
        QCOMPARE(images->pullState(), QStringLiteral("done"));
        QCOMPARE(images->pullProgress()->property("layerCount").toInt(), 3);
        QCOMPARE(opened.count(), 1);
        const QString id = opened.at(0).at(0).toString();
        QCOMPARE(id, c->containerId());
        QVERIFY(c->containerName().startsWith(QStringLiteral("layered-")));

        auto client = fixture::outsideClient();
        QVERIFY(client);
        auto inspect = berth::client::inspect_container(*client, id.toStdString());
        QVERIFY(inspect);
        const nlohmann::json &j = *inspect;
        QCOMPARE(j["State"].value("Running", false), true);
        QCOMPARE(QString::fromStdString(j.value("Name", std::string())), u'/' + c->containerName());
        QCOMPARE(j["HostConfig"].value("PublishAllPorts", false), true);
        const auto ports = j["NetworkSettings"]["Ports"];
        QVERIFY2(ports.contains("8080/tcp") && ports["8080/tcp"].is_array() && !ports["8080/tcp"].empty(),
                 ports.dump().c_str());
        QVERIFY(!ports["8080/tcp"][0].value("HostPort", std::string()).empty());

        // The sidebar's model shows it (through the container events).
        QTRY_VERIFY_WITH_TIMEOUT(EngineHub::instance()->containers()->rowOf(id) >= 0, 10000);
        QVERIFY(berth::client::remove_container(*client, id.toStdString(), true, true));
    }

    void aSecondCreateOfALocalImageSkipsThePull()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        QVERIFY(fixture::connectHub());
        CreateController *c = CreateController::instance();
        QStringList steps;
        QObject scope;  // ends the connection with this test
        connect(c, &CreateController::stepChanged, &scope, [&] { steps << c->step(); });
        QVERIFY(c->createFrom(fixture::registry() + QStringLiteral("/layered:latest"), QStringLiteral("test")));
        QTRY_VERIFY_WITH_TIMEOUT(!c->running(), 60000);
        QCOMPARE(steps, (QStringList{"checking", "creating", "starting", "done"}));
        auto client = fixture::outsideClient();
        QVERIFY(berth::client::remove_container(*client, c->containerId().toStdString(), true, true));
    }

    void cleanupTestCase() { EngineHub::instance()->stop(); }
};

QTEST_GUILESS_MAIN(CreateFlowTest)
#include "createflow_test.moc"
