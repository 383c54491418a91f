// End to end for the Volumes and Networks screens and the New container flow: the real
// Berth window under Xvfb against a private berthd (started here, so it can trust a
// throttling proxy in front of the fixture registry and a pull lasts long enough to watch
// and cancel). Creates a volume through its dialog, shows "in use" reasons, the networks
// (or the not-supported state), then Create from Pull by name: the layer progress, Cancel,
// and a full create that opens the running container. Every screen is saved in English
// and Korean to $BERTH_SCREENSHOT_DIR.
#include "appsetup.h"
#include "controllers/createcontroller.h"
#include "controllers/imagecontroller.h"
#include "controllers/networkcontroller.h"
#include "controllers/preferences.h"
#include "controllers/volumecontroller.h"
#include "enginehub.h"

#include "client/containers.h"
#include "client/engine_client.h"

#include <QDir>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <csignal>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

class ResourcesEndToEnd : public QObject {
    Q_OBJECT
private:
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    QProcess m_berthd;
    QProcess m_proxy;
    QString m_slowRegistry;
    QString m_shots;
    QString m_usedVolume = QStringLiteral("e2e-shared-data");
    std::string m_userId;

    // ListView delegates and popups are visual descendants of the content item (or of
    // the overlay), not QObject children of the window.
    static QQuickItem *findVisual(QQuickItem *from, const QString &name)
    {
        if (from->objectName() == name)
            return from;
        const auto children = from->childItems();
        for (QQuickItem *child : children) {
            if (QQuickItem *found = findVisual(child, name))
                return found;
        }
        return nullptr;
    }

    QQuickItem *item(const QString &name) const
    {
        if (QQuickItem *found = findVisual(m_window->contentItem()->parentItem() ? m_window->contentItem()->parentItem()
                                                                                 : m_window->contentItem(), name))
            return found;
        return m_window->findChild<QQuickItem *>(name);
    }

    QQuickItem *waitVisible(const QString &name, int timeoutMs = 10000)
    {
        QQuickItem *found = nullptr;
        (void)QTest::qWaitFor([&] {
            found = item(name);
            return found && found->isVisible() && found->width() > 0;
        }, timeoutMs);
        return found && found->isVisible() ? found : nullptr;
    }

    void click(QQuickItem *target)
    {
        QVERIFY(target);
        const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
    }

    void type(QQuickItem *field, const QString &text)
    {
        QVERIFY(field);
        click(field);
        field->setProperty("text", QString());
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }

    void showPage(const QString &page)
    {
        m_window->setProperty("page", page);
        QTest::qWait(200);
    }

    void shoot(const QString &name)
    {
        QTest::qWait(250);
        const QImage image = m_window->grabWindow();
        QVERIFY2(!image.isNull(), "grabWindow returned nothing");
        const QString file = QStringLiteral("%1/%2-%3.png").arg(m_shots, name, Preferences::instance()->effectiveLanguage());
        QVERIFY2(image.save(file), qPrintable(file));
        qInfo("screenshot %s", qPrintable(file));
    }

    void shootBothLanguages(const QString &name)
    {
        Preferences::instance()->setLanguage(QStringLiteral("en"));
        shoot(name);
        Preferences::instance()->setLanguage(QStringLiteral("ko"));
        shoot(name);
        Preferences::instance()->setLanguage(QStringLiteral("en"));
        QTest::qWait(100);
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

    bool startBerthd()
    {
        QStringList args = qEnvironmentVariable("BERTHD_ARGS").split(u' ', Qt::SkipEmptyParts);
        if (!m_slowRegistry.isEmpty())
            args << QStringLiteral("--insecure-registry") << m_slowRegistry;
        m_berthd.setProgram(qEnvironmentVariable("BERTHD"));
        m_berthd.setArguments(args);
        m_berthd.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_berthd.setStandardOutputFile(QProcess::nullDevice());
        m_berthd.start();
        return m_berthd.waitForStarted(5000);
    }

    static void stop(QProcess &p)
    {
        if (p.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(p.processId()), SIGTERM);
        if (!p.waitForFinished(15000)) {
            p.kill();
            p.waitForFinished(5000);
        }
    }

private slots:
    void initTestCase()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        m_shots = qEnvironmentVariable("BERTH_SCREENSHOT_DIR", QDir::currentPath() + QStringLiteral("/screenshots"));
        QVERIFY(QDir().mkpath(m_shots));
        QVERIFY2(startSlowProxy(), "the throttling proxy did not start");
        QVERIFY(startBerthd());
        Preferences::instance()->setEngineHost(QString());
        Preferences::instance()->setLanguage(QStringLiteral("en"));
        Preferences::instance()->setTheme(QStringLiteral("light"));
        Preferences::instance()->setConfirmRemove(true);
        Preferences::instance()->setSearchRegistry(qEnvironmentVariable("REGISTRY"));
        m_engine = new QQmlApplicationEngine(this);
        m_window = app::start(*m_engine);
        QVERIFY2(m_window, "Main.qml did not load");
        m_window->resize(1180, 760);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QTRY_COMPARE_WITH_TIMEOUT(EngineHub::instance()->state(), EngineHub::Connected, 30000);
    }

    void volumesCreateThroughTheDialogAndShowWhoUsesThem()
    {
        showPage(QStringLiteral("volumes"));
        QVERIFY(waitVisible(QStringLiteral("volumes-empty")));
        shootBothLanguages(QStringLiteral("20-volumes-empty"));

        click(waitVisible(QStringLiteral("volumes-new")));
        QQuickItem *name = waitVisible(QStringLiteral("newVolume-name"));
        QVERIFY(name);
        type(name, QStringLiteral("x"));
        QVERIFY(waitVisible(QStringLiteral("newVolume-nameProblem")));
        QVERIFY(!item(QStringLiteral("newVolume-create"))->isEnabled());
        shootBothLanguages(QStringLiteral("21-new-volume-invalid"));
        type(name, QStringLiteral("app-data"));
        type(item(QStringLiteral("newVolume-labels")), QStringLiteral("env=dev"));
        QTRY_VERIFY(item(QStringLiteral("newVolume-create"))->isEnabled());
        click(item(QStringLiteral("newVolume-create")));
        QVERIFY(waitVisible(QStringLiteral("volumes-row-app-data")));
        QTRY_VERIFY_WITH_TIMEOUT(!item(QStringLiteral("newVolume-name")) || !item(QStringLiteral("newVolume-name"))->isVisible(), 5000);

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
        QQuickItem *row = waitVisible(QStringLiteral("volumes-row-") + m_usedVolume);
        QVERIFY(row);
        click(row);
        QVERIFY(waitVisible(QStringLiteral("volumes-details")));
        QTRY_VERIFY_WITH_TIMEOUT(!item(QStringLiteral("volumeDetails-remove"))->isEnabled(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(item(QStringLiteral("volumeDetails-removeReason"))->property("text").toString(),
                                  QStringLiteral("In use by e2e-volume-user. Remove that container first."), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!VolumeController::instance()->inspectText().isEmpty(), 5000);
        shootBothLanguages(QStringLiteral("22-volume-in-use"));

        click(item(QStringLiteral("volumes-row-app-data")));
        QTRY_VERIFY(item(QStringLiteral("volumeDetails-remove"))->isEnabled());
        click(item(QStringLiteral("volumeDetails-remove")));
        QVERIFY(waitVisible(QStringLiteral("volumes-removeDialog-message")));
        shootBothLanguages(QStringLiteral("23-volume-remove-confirm"));
        click(item(QStringLiteral("volumes-removeDialog-confirm")));
        QTRY_VERIFY_WITH_TIMEOUT(VolumeController::instance()->volumes()->rowOf(QStringLiteral("app-data")) < 0, 10000);
    }

    void networksShowTheEnginesNetworksOrSayTheyAreNotSupported()
    {
        showPage(QStringLiteral("networks"));
        NetworkController *c = NetworkController::instance();
        QTRY_VERIFY_WITH_TIMEOUT(c->loaded(), 10000);
        if (!c->supported()) {
            QVERIFY(waitVisible(QStringLiteral("networks-unsupported")));
            QVERIFY(c->lastError().isEmpty());
            shootBothLanguages(QStringLiteral("24-networks-unsupported"));
            return;
        }
        QQuickItem *bridge = waitVisible(QStringLiteral("networks-row-bridge"));
        QVERIFY(bridge);
        click(bridge);
        QVERIFY(waitVisible(QStringLiteral("networks-details")));
        QVERIFY(!item(QStringLiteral("networkDetails-remove"))->isEnabled());
        QVERIFY(item(QStringLiteral("networkDetails-removeReason"))->property("text").toString().contains(QStringLiteral("built-in")));
        shootBothLanguages(QStringLiteral("24-networks"));
        click(item(QStringLiteral("networks-new")));
        type(waitVisible(QStringLiteral("newNetwork-name")), QStringLiteral("e2e-net"));
        type(item(QStringLiteral("newNetwork-subnet")), QStringLiteral("172.31.240.0/24"));
        shootBothLanguages(QStringLiteral("25-new-network"));
        click(item(QStringLiteral("newNetwork-create")));
        QVERIFY(waitVisible(QStringLiteral("networks-row-e2e-net")));
    }

    void createShowsLayerProgressAndCanBeCancelled()
    {
        showPage(QStringLiteral("new"));
        const QString reference = m_slowRegistry + QStringLiteral("/big:latest");
        type(waitVisible(QStringLiteral("new-pull-name")), reference);
        QQuickItem *create = item(QStringLiteral("new-pull-create"));
        QTRY_VERIFY(create->isEnabled());
        click(create);
        CreateController *c = CreateController::instance();
        QTRY_COMPARE_WITH_TIMEOUT(c->step(), QStringLiteral("pulling"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(ImageController::instance()->pullProgress()->property("currentBytes").toLongLong() > 0, 20000);
        QVERIFY(waitVisible(QStringLiteral("new-pull-createStatus-pull")));
        // Each language's shot while the layers download.
        Preferences::instance()->setLanguage(QStringLiteral("en"));
        shoot(QStringLiteral("26-create-pulling"));
        Preferences::instance()->setLanguage(QStringLiteral("ko"));
        shoot(QStringLiteral("26-create-pulling"));
        Preferences::instance()->setLanguage(QStringLiteral("en"));
        QVERIFY2(c->step() == u"pulling", "the pull finished before the screenshots: the proxy is not slow enough");
        click(item(QStringLiteral("new-pull-createStatus-pull-cancel")));
        QTRY_COMPARE_WITH_TIMEOUT(c->step(), QStringLiteral("cancelled"), 15000);
        QVERIFY(c->containerId().isEmpty());
        shootBothLanguages(QStringLiteral("27-create-cancelled"));
    }

    void createPullsCreatesStartsAndOpensTheContainer()
    {
        showPage(QStringLiteral("new"));
        const QString reference = m_slowRegistry + QStringLiteral("/layered:latest");
        type(waitVisible(QStringLiteral("new-pull-name")), reference);
        click(item(QStringLiteral("new-pull-create")));
        CreateController *c = CreateController::instance();
        QTRY_VERIFY_WITH_TIMEOUT(c->step() == u"done" || c->step() == u"failed", 60000);
        QVERIFY2(c->step() == u"done", qPrintable(c->lastError() + u' ' + c->lastErrorDetail()));
        QTRY_COMPARE(m_window->property("page").toString(), QStringLiteral("container"));
        QCOMPARE(m_window->property("selectedContainer").toString(), c->containerId());
        QVERIFY(waitVisible(QStringLiteral("sidebar-container-") + c->containerName()));
        shootBothLanguages(QStringLiteral("28-create-opened"));

        showPage(QStringLiteral("new"));
        shootBothLanguages(QStringLiteral("29-create-done"));
    }

    void darkThemeAndBackdrop()
    {
        Preferences::instance()->setTheme(QStringLiteral("dark"));
        showPage(QStringLiteral("volumes"));
        click(waitVisible(QStringLiteral("volumes-new")));
        QVERIFY(waitVisible(QStringLiteral("newVolume-name")));
        shootBothLanguages(QStringLiteral("30-volumes-dark-dialog"));
        click(item(QStringLiteral("newVolume-cancel")));
        Preferences::instance()->setTheme(QStringLiteral("light"));
    }

    void cleanupTestCase()
    {
        if (!m_userId.empty()) {
            if (auto client = berth::client::make_client(std::nullopt))
                (void)berth::client::remove_container(*client, m_userId, true, false);
        }
        EngineHub::instance()->stop();
        stop(m_berthd);
        stop(m_proxy);
        delete m_engine;
        m_engine = nullptr;
    }
};

QTEST_MAIN(ResourcesEndToEnd)
#include "resources_e2e_test.moc"
