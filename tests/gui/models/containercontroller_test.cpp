// ContainerController against a real berthd with the fixture registry: the header follows
// the engine's events for start, pause, stop; the log follows the container; Save
// recreates the container under the same name with the new settings; remove ends it.
// Without berthd only the pure parts run.
#include "controllers/containercontroller.h"
#include "engine_fixture.h"

#include "client/containers.h"
#include "client/engine_client.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <nlohmann/json.hpp>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {
// A connection of the test's own: what it does reaches the app only through /events.
std::optional<berth::client::EngineClient> outsideClient()
{
    auto c = berth::client::make_client(std::nullopt);
    if (!c)
        return std::nullopt;
    return std::move(c).value();
}

std::string busybox() { return qEnvironmentVariable("REGISTRY").toStdString() + "/busybox:latest"; }

bool pullBusybox(berth::client::EngineClient &c)
{
    if (c.inspect_image(busybox()))
        return true;
    berth::client::PullOptions o;
    o.image = qEnvironmentVariable("REGISTRY").toStdString() + "/busybox";
    o.tag = "latest";
    return bool(c.pull(o, [](const nlohmann::json &) { return true; }));
}
}  // namespace

class ContainerControllerTest : public QObject {
    Q_OBJECT
private:
    std::optional<berth::client::EngineClient> m_client;
    QString m_id;

private slots:
    void buttonsFollowTheState()
    {
        QVERIFY(ContainerController::canDo(QStringLiteral("start"), QStringLiteral("exited")));
        QVERIFY(ContainerController::canDo(QStringLiteral("start"), QStringLiteral("created")));
        QVERIFY(!ContainerController::canDo(QStringLiteral("start"), QStringLiteral("running")));
        QVERIFY(ContainerController::canDo(QStringLiteral("stop"), QStringLiteral("running")));
        QVERIFY(ContainerController::canDo(QStringLiteral("stop"), QStringLiteral("paused")));
        QVERIFY(!ContainerController::canDo(QStringLiteral("stop"), QStringLiteral("exited")));
        QVERIFY(ContainerController::canDo(QStringLiteral("pause"), QStringLiteral("running")));
        QVERIFY(!ContainerController::canDo(QStringLiteral("pause"), QStringLiteral("paused")));
        QVERIFY(ContainerController::canDo(QStringLiteral("unpause"), QStringLiteral("paused")));
        QVERIFY(!ContainerController::canDo(QStringLiteral("restart"), QStringLiteral("paused")));
        QVERIFY(ContainerController::canDo(QStringLiteral("remove"), QStringLiteral("running")));
        QVERIFY(!ContainerController::canDo(QStringLiteral("remove"), QString()));
    }

    void errorsAreInPlainWords()
    {
        ContainerController *c = ContainerController::instance();
        QVERIFY(c->describeError(QStringLiteral("start"), {0, QStringLiteral("connection refused")}).contains(QStringLiteral("could not reach the engine")));
        QCOMPARE(c->describeError(QStringLiteral("start"), {500, QStringLiteral("listen tcp 0.0.0.0:8080: bind: address already in use")}),
                 QStringLiteral("Another program already uses one of this container's ports on this computer. Choose another port in Settings → Ports."));
        QCOMPARE(c->describeError(QStringLiteral("remove"), {409, QStringLiteral("container is running")}),
                 QStringLiteral("The container is running. Stop it first, then remove it."));
        QVERIFY(c->describeError(QStringLiteral("save"), {409, QStringLiteral("the container name \"/web\" is already in use")})
                    .contains(QStringLiteral("already has this name")));
    }

    void startStopAndPauseReachTheHeaderThroughEvents()
    {
        if (!fixture::engineAvailable())
            QSKIP("no berthd built: run through ctest with the integration harness");
        QVERIFY2(fixture::connectHub(), "the hub did not connect to the test berthd");
        m_client = outsideClient();
        QVERIFY(m_client);
        QVERIFY2(pullBusybox(*m_client), "could not pull busybox from the fixture registry");
        const nlohmann::json config = {
            {"Image", busybox()},
            {"Cmd", {"sh", "-c", "i=0; while true; do echo \"line $i\"; echo \"oops $i\" >&2; printf '\\033[32mgreen\\033[0m\\n'; i=$((i+1)); sleep 0.2; done"}},
            {"Env", {"MODE=test"}}};
        auto created = berth::client::create_container(*m_client, config, "appview-test");
        QVERIFY2(created, created ? "" : created.error().message().c_str());
        m_id = QString::fromStdString(created->value("Id", ""));

        ContainerController *c = ContainerController::instance();
        QTRY_VERIFY_WITH_TIMEOUT(EngineHub::instance()->containers()->rowOf(m_id) >= 0, 10000);
        c->select(m_id);
        QTRY_COMPARE_WITH_TIMEOUT(c->stateName(), QStringLiteral("created"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!c->inspectJson().isEmpty(), 10000);
        QCOMPARE(c->name(), QStringLiteral("appview-test"));
        QCOMPARE(c->settings()->property("name").toString(), QStringLiteral("appview-test"));
        QVERIFY(c->inspectTree()->rowCount() > 5);

        // Start from the app: the header says running once the event arrived.
        QSignalSpy finished(c, &ContainerController::actionFinished);
        c->start();
        QVERIFY(c->busy());
        QTRY_COMPARE_WITH_TIMEOUT(c->stateName(), QStringLiteral("running"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!c->busy(), 15000);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).toBool(), true);

        // The log follows: stdout, stderr and the coloured line all arrive.
        LogModel *logs = c->logs();
        QTRY_VERIFY_WITH_TIMEOUT(logs->rowCount() >= 6, 15000);
        QVERIFY(c->logsFollowing());
        QStringList texts;
        bool sawStderr = false;
        for (int i = 0; i < logs->rowCount(); ++i) {
            texts << logs->plainText(i);
            sawStderr = sawStderr || logs->stream(i) == LogStream::Stderr;
            QVERIFY(logs->timestampMs(i) > 0);
        }
        QVERIFY2(texts.contains(QStringLiteral("line 0")), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("green")));
        QVERIFY(sawStderr);

        // Stop from outside the app: the events alone bring the header up to date.
        QVERIFY(berth::client::pause_container(*m_client, m_id.toStdString()));
        QTRY_COMPARE_WITH_TIMEOUT(c->stateName(), QStringLiteral("paused"), 10000);
        c->unpause();
        QTRY_COMPARE_WITH_TIMEOUT(c->stateName(), QStringLiteral("running"), 10000);
        QVERIFY(berth::client::stop_container(*m_client, m_id.toStdString(), 1));
        QTRY_COMPARE_WITH_TIMEOUT(c->stateName(), QStringLiteral("exited"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!c->logsFollowing(), 10000);

        // Start again from the app; the log is followed again.
        c->start();
        QTRY_COMPARE_WITH_TIMEOUT(c->stateName(), QStringLiteral("running"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(c->logsFollowing(), 10000);
    }

    void saveRecreatesWithTheNewSettingsUnderTheSameName()
    {
        if (!fixture::engineAvailable() || m_id.isEmpty())
            QSKIP("needs the container of the previous case");
        ContainerController *c = ContainerController::instance();
        QTRY_VERIFY_WITH_TIMEOUT(!c->busy(), 10000);
        SettingsController *s = c->settings();
        s->env()->add({{QStringLiteral("key"), QStringLiteral("GREETING")}, {QStringLiteral("value"), QStringLiteral("hello")}});
        s->setProperty("memory", QStringLiteral("64"));
        QVERIFY(s->dirty() && s->valid());
        QSignalSpy replaced(c, &ContainerController::replaced);
        c->saveSettings();
        QTRY_COMPARE_WITH_TIMEOUT(replaced.count(), 1, 30000);
        const QString newId = replaced.at(0).at(1).toString();
        QVERIFY(newId != m_id);
        QTRY_COMPARE_WITH_TIMEOUT(c->containerId(), newId, 5000);
        QVERIFY(!c->lastMessage().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(c->stateName(), QStringLiteral("running"), 15000);
        QCOMPARE(c->name(), QStringLiteral("appview-test"));

        auto inspect = berth::client::inspect_container(*m_client, newId.toStdString());
        QVERIFY(inspect);
        const auto env = (*inspect)["Config"]["Env"];
        QVERIFY2(std::find(env.begin(), env.end(), "GREETING=hello") != env.end(), env.dump().c_str());
        QVERIFY(std::find(env.begin(), env.end(), "MODE=test") != env.end());
        QCOMPARE((*inspect)["HostConfig"].value("Memory", 0LL), 64LL * 1024 * 1024);
        // The old container is gone, not left aside.
        QVERIFY(!berth::client::inspect_container(*m_client, m_id.toStdString()));
        QTRY_VERIFY_WITH_TIMEOUT(EngineHub::instance()->containers()->rowOf(m_id) < 0, 10000);
        m_id = newId;
    }

    void aTakenNameRollsBack()
    {
        if (!fixture::engineAvailable() || m_id.isEmpty())
            QSKIP("needs the container of the previous case");
        auto other = berth::client::create_container(*m_client, {{"Image", busybox()}, {"Cmd", {"true"}}}, "appview-taken");
        QVERIFY(other);
        ContainerController *c = ContainerController::instance();
        c->settings()->setProperty("name", QStringLiteral("appview-taken"));
        QSignalSpy finished(c, &ContainerController::actionFinished);
        c->saveSettings();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        QVERIFY(c->lastError().contains(QStringLiteral("already has this name")));
        // The container is back under its name and running.
        auto inspect = berth::client::inspect_container(*m_client, m_id.toStdString());
        QVERIFY(inspect);
        QCOMPARE(QString::fromStdString((*inspect).value("Name", std::string())), QStringLiteral("/appview-test"));
        QTRY_COMPARE_WITH_TIMEOUT(c->stateName(), QStringLiteral("running"), 15000);
        (void)berth::client::remove_container(*m_client, other->value("Id", ""), true, false);
        c->settings()->revert();
    }

    void removeEndsTheView()
    {
        if (!fixture::engineAvailable() || m_id.isEmpty())
            QSKIP("needs the container of the previous case");
        ContainerController *c = ContainerController::instance();
        QSignalSpy removed(c, &ContainerController::removed);
        c->remove(true);
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 20000);
        QCOMPARE(c->containerId(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(EngineHub::instance()->containers()->rowOf(m_id) < 0, 10000);
        m_id.clear();
    }

    void cleanupTestCase()
    {
        if (m_client && !m_id.isEmpty())
            (void)berth::client::remove_container(*m_client, m_id.toStdString(), true, false);
        EngineHub::instance()->stop();
        delete ContainerController::instance();
    }
};

QTEST_MAIN(ContainerControllerTest)
#include "containercontroller_test.moc"
