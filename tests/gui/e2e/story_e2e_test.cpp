// End to end, the whole story as a person tells it, in the real Berth window under Xvfb
// against a private berthd and the fixture registry:
//   search the registry for "httpd", create a container from busybox-httpd, stop it,
//   publish port 80 in Settings (a missing port is pointed out first), share a folder
//   chosen in the folder picker as /www, save (the container is recreated), start it,
//   see its ready line in the log, see the Home tab's web preview answer (and the page
//   answer curl on 127.0.0.1), look at Logs and Inspect, stop it, remove it.
// Every screen on the way is saved in English and Korean to $BERTH_SCREENSHOT_DIR as
// story-<step>-<language>.png.
#include "controllers/containercontroller.h"
#include "controllers/createcontroller.h"
#include "controllers/searchcontroller.h"
#include "enginehub.h"
#include "models/logmodel.h"
#include "window_driver.h"

#include <QDir>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {
// What busybox-httpd prints before it serves (tests/gui/e2e/publish_httpd_image.py).
const QString kReadyLine = QStringLiteral("httpd: serving /www on port 80");
const QString kPage = QStringLiteral("<h1>Hello from Berth</h1>");
}  // namespace

class StoryEndToEnd : public QObject {
    Q_OBJECT
private:
    QQmlApplicationEngine *m_engine = nullptr;
    std::unique_ptr<WindowDriver> m_ui;
    QTemporaryDir m_work;
    QString m_image;       // registry/busybox-httpd, as the search card names it
    QString m_shareParent; // the folder the picker is pointed at
    QString m_site;        // its only subfolder, chosen in the picker, shared as /www
    QString m_name;
    QString m_id;

    WindowDriver &ui() { return *m_ui; }
    static ContainerController *container() { return ContainerController::instance(); }

    bool logHas(const QString &text) const
    {
        LogModel *logs = container()->logs();
        for (int row = 0; row < logs->rowCount(); ++row) {
            if (logs->plainText(row).contains(text))
                return true;
        }
        return false;
    }

    static QString curl(const QString &url)
    {
        QProcess p;
        p.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("--max-time"), QStringLiteral("5"), url});
        if (!p.waitForFinished(15000)) {
            p.kill();
            p.waitForFinished(2000);
            return QString();
        }
        return p.exitCode() == 0 ? QString::fromUtf8(p.readAllStandardOutput()) : QString();
    }

    // The Open button of Qt's folder dialog (a DialogButtonBox button; its text has no
    // objectName to find it by).
    QQuickItem *folderDialogButton(QQuickItem *dialog, const QString &label)
    {
        return ui().find([&](QQuickItem *i) {
            return i->inherits("QQuickAbstractButton") && i->isVisible()
                   && i->property("text").toString().remove(u'&') == label;
        }, dialog);
    }

    // The popup that holds Qt's folder dialog: the ancestor of its folder list just
    // below the overlay.
    static QQuickItem *dialogOf(QQuickItem *inside)
    {
        QQuickItem *i = inside;
        while (i && i->parentItem() && !i->parentItem()->inherits("QQuickOverlay"))
            i = i->parentItem();
        return i;
    }

private slots:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("BERTH_TEST_ENGINE"))
            QSKIP("berthd is not built");
        QVERIFY(m_work.isValid());
        m_image = qEnvironmentVariable("REGISTRY") + QStringLiteral("/busybox-httpd");

        // The image the story creates from: busybox with httpd as its command.
        QProcess publish;
        publish.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        publish.start(QStringLiteral("python3"),
                      {QStringLiteral(BERTH_E2E_SOURCE_DIR "/publish_httpd_image.py"), qEnvironmentVariable("FIXTURE_OCI"),
                       qEnvironmentVariable("REGISTRY"), m_work.path()});
        QVERIFY2(publish.waitForFinished(180000), "publishing busybox-httpd took too long");
        QVERIFY2(publish.exitCode() == 0, "publishing busybox-httpd to the fixture registry failed");
        QCOMPARE(QString::fromUtf8(publish.readAllStandardOutput()).trimmed(), kReadyLine);

        // The folder to share: the picker is pointed at its parent, where it is the only one.
        m_shareParent = m_work.path() + QStringLiteral("/share");
        m_site = m_shareParent + QStringLiteral("/site");
        QVERIFY(QDir().mkpath(m_site));
        QFile index(m_site + QStringLiteral("/index.html"));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write(kPage.toUtf8() + '\n');
        index.close();

        m_engine = new QQmlApplicationEngine(this);
        m_ui = e2e::openWindow(*m_engine, QStringLiteral("story"));
        QVERIFY(m_ui);
        QTRY_COMPARE_WITH_TIMEOUT(EngineHub::instance()->state(), EngineHub::Connected, 30000);
        QVERIFY(ui().waitVisible(QStringLiteral("page-images")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("01-start")));
    }

    void searchFindsTheHttpdImageInTheFixtureRegistry()
    {
        QVERIFY(ui().showPage(QStringLiteral("new")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("02-new-container")));
        QVERIFY(ui().click(QStringLiteral("new-tab-search")));
        QVERIFY(ui().type(QStringLiteral("search-term"), QStringLiteral("httpd")));
        QVERIFY(ui().click(QStringLiteral("search-button")));
        SearchController *search = SearchController::instance();
        QTRY_VERIFY_WITH_TIMEOUT(search->searched() && !search->busy(), 30000);
        QVERIFY2(search->lastError().isEmpty(), qPrintable(search->lastError() + u' ' + search->lastErrorDetail()));
        QVERIFY2(ui().waitVisible(QStringLiteral("search-card-") + m_image), qPrintable(m_image + " is not among the results"));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("03-search-results")));
    }

    void createFromTheSearchResultOpensTheRunningContainer()
    {
        QVERIFY(ui().click(QStringLiteral("search-create-") + m_image));
        CreateController *create = CreateController::instance();
        QTRY_VERIFY_WITH_TIMEOUT(create->step() == u"done" || create->step() == u"failed", 120000);
        QVERIFY2(create->step() == u"done", qPrintable(create->lastError() + u' ' + create->lastErrorDetail()));
        m_name = create->containerName();
        m_id = create->containerId();
        QTRY_COMPARE_WITH_TIMEOUT(ui().window()->property("page").toString(), QStringLiteral("container"), 10000);
        QVERIFY(ui().waitVisible(QStringLiteral("sidebar-container-") + m_name));
        QTRY_COMPARE_WITH_TIMEOUT(ui().text(QStringLiteral("container-name")), m_name, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(container()->stateName(), QStringLiteral("running"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(logHas(kReadyLine), 30000);
        QVERIFY(ui().shootBothLanguages(QStringLiteral("04-container-created")));

        // Settings are applied by recreating the container; stop it first.
        QVERIFY(ui().click(QStringLiteral("container-stop")));
        QTRY_COMPARE_WITH_TIMEOUT(container()->stateName(), QStringLiteral("exited"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(ui().item(QStringLiteral("container-start"))->isEnabled(), 10000);
    }

    void settingsPublishPort80()
    {
        QVERIFY(ui().click(QStringLiteral("container-tab-settings")));
        QVERIFY(ui().waitVisible(QStringLiteral("settings-name")));
        QCOMPARE(ui().text(QStringLiteral("settings-name")), m_name);
        QVERIFY(ui().shootBothLanguages(QStringLiteral("05-settings-general")));

        QVERIFY(ui().click(QStringLiteral("settings-section-ports")));
        QVERIFY(ui().waitVisible(QStringLiteral("settings-page-ports")));
        QCOMPARE(container()->settings()->ports()->rowCount(), 0);
        QVERIFY(ui().click(QStringLiteral("settings-ports-add")));
        // A row without its container port is pointed out, and Save waits for it.
        QVERIFY(ui().waitVisible(QStringLiteral("settings-ports-error-0")));
        QVERIFY(!ui().item(QStringLiteral("settings-save"))->isEnabled());
        QVERIFY(ui().shootBothLanguages(QStringLiteral("06-settings-port-missing")));

        QVERIFY(ui().type(QStringLiteral("settings-ports-containerPort-0"), QStringLiteral("80")));
        QVERIFY(ui().waitHidden(QStringLiteral("settings-ports-error-0")));
        QVERIFY(ui().item(QStringLiteral("settings-ports-random-0"))->property("checked").toBool());
        QVERIFY(ui().shootBothLanguages(QStringLiteral("07-settings-port")));
    }

    void settingsShareAFolderChosenInTheFolderPicker()
    {
        QVERIFY(ui().click(QStringLiteral("settings-section-volumes")));
        QVERIFY(ui().waitVisible(QStringLiteral("settings-page-volumes")));
        QVERIFY(ui().click(QStringLiteral("settings-volumes-add")));
        QVERIFY(ui().type(QStringLiteral("settings-volumes-containerPath-0"), QStringLiteral("/www")));
        QVERIFY(ui().click(QStringLiteral("settings-volumes-browse-0")));

        // Qt's folder dialog, drawn in the window: its folder list has a name of its own.
        QQuickItem *list = ui().waitVisible(QStringLiteral("folderDialogListView"));
        QVERIFY2(list, "the folder picker did not open");
        QQuickItem *dialog = dialogOf(list);
        QVERIFY(ui().waitSettled(dialog));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("08-folder-picker")));

        // Ctrl+L turns the path bar into a field: type where to go, Enter goes there.
        ui().key(Qt::Key_L, Qt::ControlModifier);
        QQuickItem *pathField = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((pathField = ui().find([](QQuickItem *i) {
                                      return i->inherits("QQuickTextField") && i->isVisible() && i->hasActiveFocus();
                                  }, dialog)) != nullptr, 10000);
        QVERIFY(ui().type(pathField, m_shareParent));
        ui().key(Qt::Key_Return);

        // The parent's only folder is listed: select it and open.
        QQuickItem *site = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((site = ui().find([](QQuickItem *i) {
                                      return i->objectName().startsWith(u"folderDialogDelegate") && i->isVisible()
                                             && i->property("fileName").toString() == u"site";
                                  }, dialog)) != nullptr, 15000);
        QVERIFY(ui().click(site));
        QTRY_VERIFY(site->property("highlighted").toBool());
        QVERIFY(ui().shootBothLanguages(QStringLiteral("09-folder-picker-site")));
        QQuickItem *open = folderDialogButton(dialog, QStringLiteral("Open"));
        QVERIFY2(open, "the folder picker has no Open button");
        QVERIFY(ui().click(open));
        QVERIFY(ui().waitHidden(QStringLiteral("folderDialogListView")));

        QTRY_COMPARE_WITH_TIMEOUT(ui().text(QStringLiteral("settings-volumes-source-0")), m_site, 10000);
        QVERIFY(ui().waitHidden(QStringLiteral("settings-volumes-error-0")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("10-settings-volume")));
    }

    void theOtherSettingsSections()
    {
        QVERIFY(ui().click(QStringLiteral("settings-section-network")));
        QVERIFY(ui().waitVisible(QStringLiteral("settings-page-network")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("11-settings-network")));
        QVERIFY(ui().click(QStringLiteral("settings-section-advanced")));
        QVERIFY(ui().waitVisible(QStringLiteral("settings-page-advanced")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("12-settings-advanced")));
    }

    void saveRecreatesTheContainerWithThePortAndTheFolder()
    {
        QQuickItem *save = ui().item(QStringLiteral("settings-save"));
        QVERIFY(save);
        QTRY_VERIFY_WITH_TIMEOUT(save->isEnabled(), 10000);
        const QString before = m_id;
        QVERIFY(ui().click(save));
        QTRY_VERIFY_WITH_TIMEOUT(ui().window()->property("selectedContainer").toString() != before, 60000);
        m_id = ui().window()->property("selectedContainer").toString();
        QTRY_COMPARE_WITH_TIMEOUT(container()->containerId(), m_id, 10000);
        QVERIFY2(container()->lastError().isEmpty(), qPrintable(container()->lastError()));
        QVERIFY(ui().waitVisible(QStringLiteral("container-message")));
        // The new container is made, not started: it was stopped when the settings were saved.
        QTRY_COMPARE_WITH_TIMEOUT(container()->stateName(), QStringLiteral("created"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!container()->mounts().isEmpty(), 10000);
        const QVariantMap mount = container()->mounts().constFirst().toMap();
        QCOMPARE(mount.value(QStringLiteral("source")).toString(), m_site);
        QCOMPARE(mount.value(QStringLiteral("destination")).toString(), QStringLiteral("/www"));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("13-settings-saved")));
    }

    void startShowsTheReadyLineInTheLog()
    {
        QVERIFY(ui().click(QStringLiteral("container-tab-home")));
        QVERIFY(ui().click(QStringLiteral("container-start")));
        QTRY_COMPARE_WITH_TIMEOUT(container()->stateName(), QStringLiteral("running"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(logHas(kReadyLine), 30000);
        QVERIFY(ui().waitVisible(QStringLiteral("home-volume-0")));
    }

    void webPreviewAnswers()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!container()->webUrl().isEmpty(), 15000);
        const QString url = container()->webUrl();
        QVERIFY2(url.startsWith(u"http://127.0.0.1:"), qPrintable(url));
        QVERIFY(ui().waitVisible(QStringLiteral("home-web")));
        QCOMPARE(ui().text(QStringLiteral("home-web-open")), url);
        // httpd may still be starting when the first check runs: check again, as a user would.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            if (container()->webState() == u"silent")
                (void)ui().click(QStringLiteral("home-web-check"), 2000);
            return container()->webState() == u"answers";
        }(), 60000);
        QCOMPARE(container()->webStatus(), 200);
        QVERIFY(ui().text(QStringLiteral("home-web-state")).contains(QStringLiteral("200")));

        QString page;
        QTRY_VERIFY_WITH_TIMEOUT((page = curl(url)).contains(kPage), 30000);
        QVERIFY(ui().shootBothLanguages(QStringLiteral("14-home-running")));
    }

    void logsAndInspectTabs()
    {
        QVERIFY(ui().click(QStringLiteral("container-tab-logs")));
        QVERIFY(ui().type(QStringLiteral("logs-search"), QStringLiteral("serving")));
        QTRY_VERIFY_WITH_TIMEOUT(container()->logs()->matchCount() > 0, 10000);
        QVERIFY(ui().shootBothLanguages(QStringLiteral("15-logs")));
        QVERIFY(ui().type(QStringLiteral("logs-search"), QString()));

        QVERIFY(ui().click(QStringLiteral("container-tab-inspect")));
        QVERIFY(ui().click(QStringLiteral("inspect-row-Config")));
        QVERIFY(ui().waitVisible(QStringLiteral("inspect-row-Config/Image")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("16-inspect")));
    }

    void stopFromTheHeader()
    {
        const QString url = container()->webUrl();
        QVERIFY(ui().click(QStringLiteral("container-tab-home")));
        QVERIFY(ui().click(QStringLiteral("container-stop")));
        QTRY_COMPARE_WITH_TIMEOUT(container()->stateName(), QStringLiteral("exited"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(ui().item(QStringLiteral("container-start"))->isEnabled(), 10000);
        // The published port goes with it.
        QTRY_VERIFY_WITH_TIMEOUT(!curl(url).contains(kPage), 15000);
        QVERIFY(ui().shootBothLanguages(QStringLiteral("17-stopped")));
    }

    void removeAsksAndRemoves()
    {
        QVERIFY(ui().click(QStringLiteral("container-remove")));
        QVERIFY(ui().waitVisible(QStringLiteral("container-removeDialog-message")));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("18-remove-confirm")));
        QVERIFY(ui().click(QStringLiteral("container-removeDialog-confirm")));
        QTRY_VERIFY_WITH_TIMEOUT(EngineHub::instance()->containers()->rowOf(m_id) < 0, 30000);
        QVERIFY(ui().waitVisible(QStringLiteral("page-images")));
        QVERIFY(ui().waitHidden(QStringLiteral("sidebar-container-") + m_name));
        QVERIFY(ui().shootBothLanguages(QStringLiteral("19-removed")));
        m_id.clear();
    }

    void cleanupTestCase()
    {
        if (qEnvironmentVariableIsSet("BERTH_TEST_ENGINE"))
            e2e::removeEveryContainer();
        EngineHub::instance()->stop();
        m_ui.reset();
        delete m_engine;
        m_engine = nullptr;
    }
};

QTEST_MAIN(StoryEndToEnd)
#include "story_e2e_test.moc"
