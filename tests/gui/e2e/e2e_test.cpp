// End to end: the real Berth window (same start-up as berth-desktop) under Xvfb.
// Without an engine it shows the help screen; when berthd starts it recovers by itself;
// busybox is pulled from the fixture registry through the "Pull by name" field and shows
// up in the images list; killing berthd brings the help screen back, restarting recovers.
// Every screen is saved in English and Korean to $BERTH_SCREENSHOT_DIR.
#include "appsetup.h"
#include "controllers/imagecontroller.h"
#include "controllers/preferences.h"
#include "controllers/searchcontroller.h"
#include "enginehub.h"

#include <QDir>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <csignal>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

class EndToEnd : public QObject {
    Q_OBJECT
private:
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
    QProcess m_berthd;
    QString m_shots;

    // Searches the visual tree: ListView delegates and popups are not QObject children
    // of the window, but they are visual descendants of its content item.
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
        if (QQuickItem *found = findVisual(m_window->contentItem(), name))
            return found;
        return m_window->findChild<QQuickItem *>(name);
    }

    // Waits until the named item exists and is visible on screen.
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
        // Typed key by key, as a user would (QTest::keyClicks exists only for widgets).
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }

    void showPage(const QString &page)
    {
        m_window->setProperty("page", page);
        QTest::qWait(200);
    }

    void setLanguage(const QString &language)
    {
        Preferences::instance()->setLanguage(language);
        QTest::qWait(150);
    }

    // Saves the window as <name>-<language>.png, after the scene settled.
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
        setLanguage(QStringLiteral("en"));
        shoot(name);
        setLanguage(QStringLiteral("ko"));
        shoot(name);
        setLanguage(QStringLiteral("en"));
    }

    bool startBerthd()
    {
        const QString berthd = qEnvironmentVariable("BERTHD");
        m_berthd.setProgram(berthd);
        m_berthd.setArguments(qEnvironmentVariable("BERTHD_ARGS").split(u' ', Qt::SkipEmptyParts));
        m_berthd.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_berthd.setStandardOutputFile(QProcess::nullDevice());
        m_berthd.start();
        return m_berthd.waitForStarted(5000);
    }

    void stopBerthd()
    {
        if (m_berthd.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_berthd.processId()), SIGTERM);
        if (!m_berthd.waitForFinished(15000)) {
            m_berthd.kill();
            m_berthd.waitForFinished(5000);
        }
    }

    bool haveEngine() const { return qEnvironmentVariableIsSet("BERTH_TEST_ENGINE") && qEnvironmentVariableIsSet("BERTHD"); }

private slots:
    void initTestCase()
    {
        m_shots = qEnvironmentVariable("BERTH_SCREENSHOT_DIR", QDir::currentPath() + QStringLiteral("/screenshots"));
        QVERIFY(QDir().mkpath(m_shots));
        Preferences::instance()->setEngineHost(QString());
        Preferences::instance()->setLanguage(QStringLiteral("en"));
        Preferences::instance()->setTheme(QStringLiteral("light"));
        Preferences::instance()->setSearchRegistry(qEnvironmentVariable("REGISTRY"));
        m_engine = new QQmlApplicationEngine(this);
        m_window = app::start(*m_engine);
        QVERIFY2(m_window, "Main.qml did not load");
        m_window->resize(1180, 760);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void withoutEngineTheHelpScreenSaysWhyAndRetries()
    {
        EngineHub *hub = EngineHub::instance();
        QTRY_COMPARE_WITH_TIMEOUT(hub->state(), EngineHub::Unreachable, 10000);
        QVERIFY(waitVisible(QStringLiteral("page-noEngine")));
        QCOMPARE(hub->reasonKey(), QStringLiteral("notRunning"));
        QVERIFY(item(QStringLiteral("noEngine-title"))->property("text").toString().contains(QStringLiteral("not running")));
        QVERIFY(item(QStringLiteral("noEngine-command"))->property("text").toString().contains(QStringLiteral("berthd")));
        // It retries by itself: the countdown runs.
        QTRY_VERIFY_WITH_TIMEOUT(hub->attempts() >= 2, 10000);
        shootBothLanguages(QStringLiteral("01-no-engine"));
    }

    void recoversWhenTheEngineStarts()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        QVERIFY(startBerthd());
        QTRY_COMPARE_WITH_TIMEOUT(EngineHub::instance()->state(), EngineHub::Connected, 30000);
        QVERIFY(waitVisible(QStringLiteral("page-images")));
        QVERIFY(!item(QStringLiteral("page-noEngine"))->isVisible());
        shootBothLanguages(QStringLiteral("02-images-empty"));
    }

    void pullsBusyboxByNameThroughTheWindow()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        const QString reference = qEnvironmentVariable("REGISTRY") + QStringLiteral("/busybox:latest");
        showPage(QStringLiteral("images"));
        QQuickItem *field = waitVisible(QStringLiteral("images-pull-name"));
        type(field, reference);
        QCOMPARE(field->property("text").toString(), reference);
        QQuickItem *button = item(QStringLiteral("images-pull-button"));
        QTRY_VERIFY(button->isEnabled());
        click(button);
        QTRY_VERIFY_WITH_TIMEOUT(ImageController::instance()->pullState() != QStringLiteral("idle"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(ImageController::instance()->pullState(), QStringLiteral("done"), 60000);
        const QString row = QStringLiteral("images-row-") + reference;
        QVERIFY2(waitVisible(row), qPrintable(row + " is not in the images list"));
        shootBothLanguages(QStringLiteral("03-images-pulled"));

        click(item(row));
        QTRY_VERIFY_WITH_TIMEOUT(ImageController::instance()->layers()->rowCount() > 0, 10000);
        QVERIFY(waitVisible(QStringLiteral("images-details")));
        shootBothLanguages(QStringLiteral("04-image-layers"));

        click(item(QStringLiteral("images-remove")));
        QVERIFY(waitVisible(QStringLiteral("images-removeDialog-message")));
        shootBothLanguages(QStringLiteral("05-remove-confirm"));
        click(item(QStringLiteral("images-removeDialog-cancel")));
    }

    void everyOtherScreen()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        showPage(QStringLiteral("new"));
        QVERIFY(waitVisible(QStringLiteral("new-local-list")));
        shootBothLanguages(QStringLiteral("06-new-local"));

        click(item(QStringLiteral("new-tab-search")));
        type(waitVisible(QStringLiteral("search-term")), QStringLiteral("busy"));
        click(item(QStringLiteral("search-button")));
        QTRY_VERIFY_WITH_TIMEOUT(SearchController::instance()->searched() && !SearchController::instance()->busy(), 20000);
        shootBothLanguages(QStringLiteral("07-new-search"));

        showPage(QStringLiteral("preferences"));
        QVERIFY(waitVisible(QStringLiteral("prefs-host")));
        shootBothLanguages(QStringLiteral("08-preferences"));

        Preferences::instance()->setTheme(QStringLiteral("dark"));
        showPage(QStringLiteral("images"));
        shootBothLanguages(QStringLiteral("09-images-dark"));
        Preferences::instance()->setTheme(QStringLiteral("light"));
    }

    void killingTheEngineShowsHelpAndRestartingRecovers()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        stopBerthd();
        QTRY_COMPARE_WITH_TIMEOUT(EngineHub::instance()->state(), EngineHub::Unreachable, 20000);
        QVERIFY(waitVisible(QStringLiteral("page-noEngine")));
        QVERIFY(startBerthd());
        QTRY_COMPARE_WITH_TIMEOUT(EngineHub::instance()->state(), EngineHub::Connected, 30000);
        QVERIFY(waitVisible(QStringLiteral("page-images")));
    }

    void cleanupTestCase()
    {
        EngineHub::instance()->stop();
        stopBerthd();
        delete m_engine;
        m_engine = nullptr;
    }
};

QTEST_MAIN(EndToEnd)
#include "e2e_test.moc"
