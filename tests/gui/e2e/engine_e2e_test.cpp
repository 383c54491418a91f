// End to end, the engine connection and the Images screen: the real Berth window (same
// start-up as berth-desktop) under Xvfb. Without an engine it shows the help screen; when
// berthd starts it recovers by itself; busybox is pulled from the fixture registry through
// the "Pull by name" field and shows up in the images list with its layers; killing
// berthd brings the help screen back, restarting recovers. Preferences and the dark theme
// are saved too. Every screen is saved in English and Korean to $BERTH_SCREENSHOT_DIR as
// engine-<step>-<language>.png.
#include "controllers/imagecontroller.h"
#include "controllers/preferences.h"
#include "enginehub.h"
#include "window_driver.h"

#include <QDir>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

class EngineEndToEnd : public QObject {
    Q_OBJECT
private:
    QQmlApplicationEngine *m_engine = nullptr;
    std::unique_ptr<WindowDriver> m_ui;
    QProcess m_berthd;

    WindowDriver &ui() { return *m_ui; }

    bool haveEngine() const { return qEnvironmentVariableIsSet("BERTH_TEST_ENGINE") && qEnvironmentVariableIsSet("BERTHD"); }

private slots:
    void initTestCase()
    {
        m_engine = new QQmlApplicationEngine(this);
        m_ui = e2e::openWindow(*m_engine, QStringLiteral("engine"));
        QVERIFY(m_ui);
    }

    void withoutEngineTheHelpScreenSaysWhyAndRetries()
    {
        EngineHub *hub = EngineHub::instance();
        QTRY_COMPARE_WITH_TIMEOUT(hub->state(), EngineHub::Unreachable, 10000);
        QVERIFY(ui().waitVisible(QStringLiteral("page-noEngine")));
        QCOMPARE(hub->reasonKey(), QStringLiteral("notRunning"));
        QVERIFY(ui().text(QStringLiteral("noEngine-title")).contains(QStringLiteral("not running")));
        QVERIFY(ui().text(QStringLiteral("noEngine-command")).contains(QStringLiteral("berthd")));
        // It retries by itself: the countdown runs.
        QTRY_VERIFY_WITH_TIMEOUT(hub->attempts() >= 2, 10000);
        QVERIFY(ui().shootBothLanguages(QStringLiteral("01-no-engine")));
    }

    void recoversWhenTheEngineStarts()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        QVERIFY(e2e::startBerthd(m_berthd));
        QTRY_COMPARE_WITH_TIMEOUT(EngineHub::instance()->state(), EngineHub::Connected, 30000);
        QVERIFY(ui().waitVisible(QStringLiteral("page-images")));
        QVERIFY(ui().waitHidden(QStringLiteral("page-noEngine")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("02-images-empty")));
    }

    void pullsBusyboxByNameThroughTheWindow()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        const QString reference = qEnvironmentVariable("REGISTRY") + QStringLiteral("/busybox:latest");
        QVERIFY(ui().showPage(QStringLiteral("images")));
        QVERIFY(ui().type(QStringLiteral("images-pull-name"), reference));
        QVERIFY(ui().click(QStringLiteral("images-pull-button")));
        QTRY_VERIFY_WITH_TIMEOUT(ImageController::instance()->pullState() != QStringLiteral("idle"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(ImageController::instance()->pullState(), QStringLiteral("done"), 60000);
        const QString row = QStringLiteral("images-row-") + reference;
        QVERIFY2(ui().waitVisible(row), qPrintable(row + " is not in the images list"));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("03-images-pulled")));

        QVERIFY(ui().click(row));
        QTRY_VERIFY_WITH_TIMEOUT(ImageController::instance()->layers()->rowCount() > 0, 10000);
        QVERIFY(ui().waitVisible(QStringLiteral("images-details")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("04-image-layers")));

        QVERIFY(ui().click(QStringLiteral("images-remove")));
        QVERIFY(ui().waitVisible(QStringLiteral("images-removeDialog-message")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("05-remove-confirm")));
        QVERIFY(ui().click(QStringLiteral("images-removeDialog-cancel")));
        QVERIFY(ui().waitHidden(QStringLiteral("images-removeDialog-message")));
    }

    void preferencesAndTheDarkTheme()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        QVERIFY(ui().showPage(QStringLiteral("preferences")));
        QVERIFY(ui().waitVisible(QStringLiteral("prefs-host")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("06-preferences")));

        Preferences::instance()->setTheme(QStringLiteral("dark"));
        QVERIFY(ui().showPage(QStringLiteral("images")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("07-images-dark")));
        Preferences::instance()->setTheme(QStringLiteral("light"));
    }

    void killingTheEngineShowsHelpAndRestartingRecovers()
    {
        if (!haveEngine())
            QSKIP("berthd is not built");
        e2e::stop(m_berthd);
        QTRY_COMPARE_WITH_TIMEOUT(EngineHub::instance()->state(), EngineHub::Unreachable, 20000);
        QVERIFY(ui().waitVisible(QStringLiteral("page-noEngine")));
        QVERIFY(e2e::startBerthd(m_berthd));
        QTRY_COMPARE_WITH_TIMEOUT(EngineHub::instance()->state(), EngineHub::Connected, 30000);
        QVERIFY(ui().waitVisible(QStringLiteral("page-images")));
    }

    void cleanupTestCase()
    {
        EngineHub::instance()->stop();
        e2e::stop(m_berthd);
        m_ui.reset();
        delete m_engine;
        m_engine = nullptr;
    }
};

QTEST_MAIN(EngineEndToEnd)
#include "engine_e2e_test.moc"
