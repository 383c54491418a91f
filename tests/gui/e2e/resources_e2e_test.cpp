// End to end for what the story (story_e2e_test.cpp) does not pass through: the Volumes
// and Networks screens and the New container flow's progress. The real Berth window under
// Xvfb against a private berthd (started here, so it can trust a throttling proxy in front
// of the fixture registry and a pull lasts long enough to watch and cancel). Creates a
// volume through its dialog, shows why Remove is disabled (and that it looks disabled),
// creates and removes a network, then Create from Pull by name: the layer progress,
// Cancel, and a full create that opens the running container. Every screen is saved in
// English and Korean to $BERTH_SCREENSHOT_DIR as resources-<step>-<language>.png.
#include "controllers/createcontroller.h"
#include "controllers/imagecontroller.h"
#include "controllers/networkcontroller.h"
#include "controllers/preferences.h"
#include "controllers/volumecontroller.h"
#include "enginehub.h"
#include "window_driver.h"

#include "client/containers.h"
#include "client/engine_client.h"
#include "client/networks.h"

#include <QAccessible>
#include <QColor>
#include <QDir>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <memory>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

class ResourcesEndToEnd : public QObject {
    Q_OBJECT
private:
    QQmlApplicationEngine *m_engine = nullptr;
    std::unique_ptr<WindowDriver> m_ui;
    QProcess m_berthd;
    QProcess m_proxy;
    QString m_slowRegistry;
    QString m_usedVolume = QStringLiteral("e2e-shared-data");
    std::string m_userId;

    WindowDriver &ui() { return *m_ui; }

    // The colour a button's label is drawn in: a disabled control must not look like an
    // enabled one.
    static QColor labelColour(QQuickItem *button)
    {
        auto *label = button ? button->property("contentItem").value<QQuickItem *>() : nullptr;
        return label ? label->property("color").value<QColor>() : QColor();
    }

    static QString accessible(QQuickItem *item, QAccessible::Text which)
    {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
        return iface ? iface->text(which) : QStringLiteral("(no accessible interface)");
    }

    bool haveEngine() const { return qEnvironmentVariableIsSet("BERTH_TEST_ENGINE") && qEnvironmentVariableIsSet("BERTHD"); }

    // The fixture registry behind a proxy that sends 1 MiB/s per connection.
    bool startSlowProxy()
    {
        const QString portFile = QDir::temp().filePath(QStringLiteral("berth-e2e-proxy-%1.port").arg(QCoreApplication::applicationPid()));
        QFile::remove(portFile);
        m_proxy.setProgram(QStringLiteral("python3"));
        m_proxy.setArguments({qEnvironmentVariable("BERTH_SOURCE_DIR") + QStringLiteral("/tests/fixtures/slow_proxy.py"),
                              qEnvironmentVariable("REGISTRY"), QString::number(1024 * 1024), portFile});
        m_proxy.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_proxy.start();
        if (!m_proxy.waitForStarted(15000))
            return false;
        // Generous: Python starts slowly on a machine busy compiling.
        QFile f(portFile);
        if (!QTest::qWaitFor([&] { return f.exists() && f.size() > 0; }, 30000) || !f.open(QIODevice::ReadOnly))
            return false;
        m_slowRegistry = QStringLiteral("127.0.0.1:") + QString::fromLatin1(f.readAll()).trimmed();
        f.close();
        f.remove();
        return true;
    }

private slots:
    void initTestCase()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        QVERIFY2(startSlowProxy(), "the throttling proxy did not start");
        QVERIFY(e2e::startBerthd(m_berthd, {QStringLiteral("--insecure-registry"), m_slowRegistry}));
        m_engine = new QQmlApplicationEngine(this);
        m_ui = e2e::openWindow(*m_engine, QStringLiteral("resources"));
        QVERIFY(m_ui);
        QTRY_COMPARE_WITH_TIMEOUT(EngineHub::instance()->state(), EngineHub::Connected, 30000);
    }

    void volumesCreateThroughTheDialogAndShowWhoUsesThem()
    {
        QVERIFY(ui().showPage(QStringLiteral("volumes")));
        QVERIFY(ui().waitVisible(QStringLiteral("volumes-empty")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("01-volumes-empty")));

        QVERIFY(ui().click(QStringLiteral("volumes-new")));
        QVERIFY(ui().type(QStringLiteral("newVolume-name"), QStringLiteral("x")));
        QVERIFY(ui().waitVisible(QStringLiteral("newVolume-nameProblem")));
        QVERIFY(!ui().item(QStringLiteral("newVolume-create"))->isEnabled());
        QVERIFY(ui().shootBothLanguages(QStringLiteral("02-new-volume-invalid")));
        QVERIFY(ui().type(QStringLiteral("newVolume-name"), QStringLiteral("app-data")));
        QVERIFY(ui().type(QStringLiteral("newVolume-labels"), QStringLiteral("env=dev")));
        QVERIFY(ui().click(QStringLiteral("newVolume-create")));
        QVERIFY(ui().waitVisible(QStringLiteral("volumes-row-app-data")));
        QVERIFY(ui().waitHidden(QStringLiteral("newVolume-name")));

        // A container made elsewhere uses another volume.
        auto client = berth::client::make_client(std::nullopt);
        QVERIFY(client);
        berth::client::PullOptions pull;
        pull.image = qEnvironmentVariable("REGISTRY").toStdString() + "/busybox";
        pull.tag = "latest";
        QVERIFY(client->pull(pull, [](const nlohmann::json &) { return true; }));
        const nlohmann::json config{{"Image", pull.image + ":latest"},
                                    {"Cmd", {"true"}},
                                    {"HostConfig", {{"Binds", {m_usedVolume.toStdString() + ":/data"}}}}};
        auto created = berth::client::create_container(*client, config, "e2e-volume-user");
        QVERIFY(created);
        m_userId = created->value("Id", std::string());
        QVERIFY(ui().click(QStringLiteral("volumes-row-") + m_usedVolume));
        QVERIFY(ui().waitVisible(QStringLiteral("volumes-details")));
        QQuickItem *remove = ui().item(QStringLiteral("volumeDetails-remove"));
        QVERIFY(remove);
        QTRY_VERIFY_WITH_TIMEOUT(!remove->isEnabled(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(ui().text(QStringLiteral("volumeDetails-removeReason")),
                                  QStringLiteral("In use by e2e-volume-user. Remove that container first."), 5000);
        // A screen reader hears the button and why it cannot be pressed.
        QCOMPARE(accessible(remove, QAccessible::Name), QStringLiteral("Remove volume"));
        QCOMPARE(accessible(remove, QAccessible::Description), ui().text(QStringLiteral("volumeDetails-removeReason")));
        QTRY_VERIFY_WITH_TIMEOUT(!VolumeController::instance()->inspectText().isEmpty(), 5000);
        QVERIFY(ui().shootBothLanguages(QStringLiteral("03-volume-in-use")));
        const QColor disabledLabel = labelColour(remove);

        QVERIFY(ui().click(QStringLiteral("volumes-row-app-data")));
        QTRY_VERIFY(remove->isEnabled());
        QVERIFY(ui().waitFrames());
        QVERIFY2(labelColour(remove) != disabledLabel, "the disabled Remove button looks like the enabled one");
        QVERIFY(ui().click(remove));
        QVERIFY(ui().waitVisible(QStringLiteral("volumes-removeDialog-message")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("04-volume-remove-confirm")));
        QVERIFY(ui().click(QStringLiteral("volumes-removeDialog-confirm")));
        QTRY_VERIFY_WITH_TIMEOUT(VolumeController::instance()->volumes()->rowOf(QStringLiteral("app-data")) < 0, 10000);
    }

    void networksShowTheEnginesNetworksOrSayTheyAreNotSupported()
    {
        QVERIFY(ui().showPage(QStringLiteral("networks")));
        NetworkController *c = NetworkController::instance();
        QTRY_VERIFY_WITH_TIMEOUT(c->loaded(), 10000);
        if (!c->supported()) {
            QVERIFY(ui().waitVisible(QStringLiteral("networks-unsupported")));
            QVERIFY(c->lastError().isEmpty());
            QVERIFY(ui().shootBothLanguages(QStringLiteral("05-networks-unsupported")));
            return;
        }
        QVERIFY(ui().click(QStringLiteral("networks-row-bridge")));
        QVERIFY(ui().waitVisible(QStringLiteral("networks-details")));
        QQuickItem *remove = ui().item(QStringLiteral("networkDetails-remove"));
        QVERIFY(remove);
        QTRY_VERIFY_WITH_TIMEOUT(!remove->isEnabled(), 5000);
        QVERIFY(ui().text(QStringLiteral("networkDetails-removeReason")).contains(QStringLiteral("built-in")));
        QCOMPARE(accessible(remove, QAccessible::Name), QStringLiteral("Remove network"));
        QCOMPARE(accessible(remove, QAccessible::Description), ui().text(QStringLiteral("networkDetails-removeReason")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("05-networks")));
        const QColor disabledLabel = labelColour(remove);

        QVERIFY(ui().click(QStringLiteral("networks-new")));
        QVERIFY(ui().type(QStringLiteral("newNetwork-name"), QStringLiteral("e2e-net")));
        QVERIFY(ui().type(QStringLiteral("newNetwork-subnet"), QStringLiteral("172.31.240.0/24")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("06-new-network")));
        QVERIFY(ui().click(QStringLiteral("newNetwork-create")));
        QVERIFY(ui().waitVisible(QStringLiteral("networks-row-e2e-net")));
        QVERIFY(ui().waitHidden(QStringLiteral("newNetwork-name")));

        // A network of one's own can be removed: the button says so by its looks too.
        QVERIFY(ui().click(QStringLiteral("networks-row-e2e-net")));
        QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), 10000);
        QVERIFY(ui().waitFrames());
        QVERIFY2(labelColour(remove) != disabledLabel, "the disabled Remove button looks like the enabled one");
        QVERIFY(ui().shootBothLanguages(QStringLiteral("07-network-details")));
        QVERIFY(ui().click(remove));
        QVERIFY(ui().waitVisible(QStringLiteral("networks-removeDialog-message")));
        QVERIFY(ui().click(QStringLiteral("networks-removeDialog-confirm")));
        QVERIFY(ui().waitHidden(QStringLiteral("networks-row-e2e-net")));
    }

    void createShowsLayerProgressAndCanBeCancelled()
    {
        QVERIFY(ui().showPage(QStringLiteral("new")));
        const QString reference = m_slowRegistry + QStringLiteral("/big:latest");
        QVERIFY(ui().type(QStringLiteral("new-pull-name"), reference));
        QVERIFY(ui().click(QStringLiteral("new-pull-create")));
        CreateController *c = CreateController::instance();
        QTRY_COMPARE_WITH_TIMEOUT(c->step(), QStringLiteral("pulling"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(ImageController::instance()->pullProgress()->property("currentBytes").toLongLong() > 0, 20000);
        QVERIFY(ui().waitVisible(QStringLiteral("new-pull-createStatus-pull")));
        // Each language's shot while the layers download.
        QVERIFY(ui().shootBothLanguages(QStringLiteral("08-create-pulling")));
        QVERIFY2(c->step() == u"pulling", "the pull finished before the screenshots: the proxy is not slow enough");
        QVERIFY(ui().click(QStringLiteral("new-pull-createStatus-pull-cancel")));
        QTRY_COMPARE_WITH_TIMEOUT(c->step(), QStringLiteral("cancelled"), 15000);
        QVERIFY(c->containerId().isEmpty());
        QVERIFY(ui().shootBothLanguages(QStringLiteral("09-create-cancelled")));
    }

    void createPullsCreatesStartsAndOpensTheContainer()
    {
        QVERIFY(ui().showPage(QStringLiteral("new")));
        const QString reference = m_slowRegistry + QStringLiteral("/layered:latest");
        QVERIFY(ui().type(QStringLiteral("new-pull-name"), reference));
        QVERIFY(ui().click(QStringLiteral("new-pull-create")));
        CreateController *c = CreateController::instance();
        QTRY_VERIFY_WITH_TIMEOUT(c->step() == u"done" || c->step() == u"failed", 90000);
        QVERIFY2(c->step() == u"done", qPrintable(c->lastError() + u' ' + c->lastErrorDetail()));
        QTRY_COMPARE(ui().window()->property("page").toString(), QStringLiteral("container"));
        QCOMPARE(ui().window()->property("selectedContainer").toString(), c->containerId());
        QVERIFY(ui().waitVisible(QStringLiteral("sidebar-container-") + c->containerName()));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("10-create-opened")));

        QVERIFY(ui().showPage(QStringLiteral("new")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("11-create-done")));
    }

    void darkThemeAndBackdrop()
    {
        Preferences::instance()->setTheme(QStringLiteral("dark"));
        QVERIFY(ui().showPage(QStringLiteral("volumes")));
        QVERIFY(ui().click(QStringLiteral("volumes-new")));
        QVERIFY(ui().waitVisible(QStringLiteral("newVolume-name")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("12-volumes-dark-dialog")));
        QVERIFY(ui().click(QStringLiteral("newVolume-cancel")));
        Preferences::instance()->setTheme(QStringLiteral("light"));
    }

    void cleanupTestCase()
    {
        // The engine is this test's own: whatever a failed step left goes, networks too
        // (their bridges live in the host's kernel).
        if (haveEngine()) {
            e2e::removeEveryContainer();
            if (auto client = berth::client::make_client(std::nullopt))
                (void)berth::client::remove_network(*client, "e2e-net");
        }
        EngineHub::instance()->stop();
        e2e::stop(m_berthd);
        e2e::stop(m_proxy);
        m_ui.reset();
        delete m_engine;
        m_engine = nullptr;
    }
};

QTEST_MAIN(ResourcesEndToEnd)
#include "resources_e2e_test.moc"
