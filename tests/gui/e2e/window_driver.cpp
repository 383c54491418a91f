#include "window_driver.h"

#include "appsetup.h"
#include "controllers/preferences.h"

#include "client/containers.h"
#include "client/engine_client.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <csignal>

namespace {

// The scene's root: popups and Qt's own dialogs live in the overlay, a sibling of the
// application window's content, so the search starts above both.
QQuickItem *sceneRoot(QQuickWindow *window)
{
    QQuickItem *root = window->contentItem();
    while (root && root->parentItem())
        root = root->parentItem();
    return root;
}

// Depth first through the visual tree: ListView delegates and popups are visual
// descendants, not QObject children of the window.
QQuickItem *findVisual(QQuickItem *from, const std::function<bool(QQuickItem *)> &match)
{
    if (match(from))
        return from;
    const auto children = from->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findVisual(child, match))
            return found;
    }
    return nullptr;
}

bool onScreen(const QQuickItem *item)
{
    return item && item->isVisible() && item->width() > 0 && item->height() > 0;
}

}  // namespace

WindowDriver::WindowDriver(QQuickWindow *window, QString screenshotDir, QString prefix)
    : m_window(window), m_shots(std::move(screenshotDir)), m_prefix(std::move(prefix))
{
}

QQuickItem *WindowDriver::find(const std::function<bool(QQuickItem *)> &match, QQuickItem *scope) const
{
    QQuickItem *from = scope ? scope : sceneRoot(m_window);
    return from ? findVisual(from, match) : nullptr;
}

QQuickItem *WindowDriver::item(const QString &name) const
{
    if (QQuickItem *shown = find([&](QQuickItem *i) { return i->objectName() == name && onScreen(i); }))
        return shown;
    if (QQuickItem *any = find([&](QQuickItem *i) { return i->objectName() == name; }))
        return any;
    return m_window->findChild<QQuickItem *>(name);
}

QQuickItem *WindowDriver::waitVisible(const QString &name, int timeoutMs) const
{
    QQuickItem *found = nullptr;
    (void)QTest::qWaitFor([&] {
        found = item(name);
        return onScreen(found);
    }, timeoutMs);
    if (!onScreen(found)) {
        qWarning("%s is not on screen after %d ms", qPrintable(name), timeoutMs);
        return nullptr;
    }
    return found;
}

bool WindowDriver::waitHidden(const QString &name, int timeoutMs) const
{
    return QTest::qWaitFor([&] { return !onScreen(item(name)); }, timeoutMs);
}

QString WindowDriver::text(const QString &name) const
{
    QQuickItem *i = item(name);
    return i ? i->property("text").toString() : QString();
}

bool WindowDriver::waitSettled(QQuickItem *target, int timeoutMs) const
{
    QPointF last(-1e9, -1e9);
    QSizeF lastSize;
    return QTest::qWaitFor([&] {
        const QPointF now = target->mapToScene(QPointF(0, 0));
        const QSizeF size = target->size();
        const bool still = now == last && size == lastSize;
        last = now;
        lastSize = size;
        if (!still)
            waitFrames(1, 200);
        return still;
    }, timeoutMs);
}

bool WindowDriver::waitFrames(int frames, int timeoutMs) const
{
    QSignalSpy swapped(m_window, &QQuickWindow::frameSwapped);
    for (int i = 0; i < frames; ++i) {
        m_window->update();
        const qsizetype before = swapped.count();
        if (!QTest::qWaitFor([&] { return swapped.count() > before; }, timeoutMs))
            return false;
    }
    return true;
}

QPointF WindowDriver::centreOf(QQuickItem *target) const
{
    return target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
}

bool WindowDriver::click(QQuickItem *target)
{
    if (!target)
        return false;
    if (!QTest::qWaitFor([&] { return onScreen(target) && target->isEnabled(); }, 15000)) {
        qWarning("%s is not visible and enabled, cannot click it", qPrintable(target->objectName()));
        return false;
    }
    waitSettled(target);
    const QPoint centre = centreOf(target).toPoint();
    if (!QRect(QPoint(0, 0), m_window->size()).contains(centre)) {
        qWarning("%s is outside the window (%d,%d)", qPrintable(target->objectName()), centre.x(), centre.y());
        return false;
    }
    QTest::mouseMove(m_window, centre);
    QTest::mouseClick(m_window, Qt::LeftButton, {}, centre);
    waitFrames(1);
    return true;
}

bool WindowDriver::click(const QString &name, int timeoutMs)
{
    return click(waitVisible(name, timeoutMs));
}

bool WindowDriver::doubleClick(QQuickItem *target)
{
    if (!target || !QTest::qWaitFor([&] { return onScreen(target) && target->isEnabled(); }, 15000))
        return false;
    waitSettled(target);
    const QPoint centre = centreOf(target).toPoint();
    QTest::mouseMove(m_window, centre);
    QTest::mouseDClick(m_window, Qt::LeftButton, {}, centre);
    waitFrames(1);
    return true;
}

bool WindowDriver::type(QQuickItem *field, const QString &text)
{
    if (!click(field))
        return false;
    if (!QTest::qWaitFor([&] { return field->hasActiveFocus(); }, 5000)) {
        qWarning("%s did not take the keyboard focus", qPrintable(field->objectName()));
        return false;
    }
    // Select what is there, so typing replaces it.
    key(Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        key(Qt::Key_Backspace);
    // Key by key, as a user types (QTest::keyClicks exists only for widgets).
    for (const QChar c : text)
        QTest::keyClick(m_window, c.toLatin1());
    waitFrames(1);
    const QVariant now = field->property("text");
    if (now.isValid() && now.toString() != text) {
        qWarning("%s holds \"%s\" after typing \"%s\"", qPrintable(field->objectName()), qPrintable(now.toString()),
                 qPrintable(text));
        return false;
    }
    return true;
}

bool WindowDriver::type(const QString &name, const QString &text, int timeoutMs)
{
    return type(waitVisible(name, timeoutMs), text);
}

void WindowDriver::key(int key, int modifiers)
{
    QTest::keyClick(m_window, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
}

bool WindowDriver::showPage(const QString &page)
{
    // Through the sidebar, as a user gets there.
    const QString button = page == u"new" ? QStringLiteral("sidebar-new") : QStringLiteral("sidebar-") + page;
    if (!click(button))
        return false;
    if (!QTest::qWaitFor([&] { return m_window->property("page").toString() == page; }, 5000))
        return false;
    return waitVisible(QStringLiteral("page-") + page) != nullptr;
}

void WindowDriver::setLanguage(const QString &language)
{
    Preferences::instance()->setLanguage(language);
    waitFrames(2);
}

bool WindowDriver::shoot(const QString &name)
{
    if (!QDir().mkpath(m_shots))
        return false;
    // The scene has settled when two grabs a frame apart are the same: layouts, text and
    // delegates have caught up, and no animation runs. A busy machine gets 5 s for that.
    waitFrames(2);
    QImage image = m_window->grabWindow();
    QElapsedTimer settling;
    settling.start();
    while (!image.isNull() && settling.elapsed() < 5000) {
        waitFrames(1, 500);
        const QImage again = m_window->grabWindow();
        if (again == image)
            break;
        image = again;
    }
    if (image.isNull()) {
        qWarning("grabWindow returned nothing for %s", qPrintable(name));
        return false;
    }
    const QString file = QStringLiteral("%1/%2-%3-%4.png")
                             .arg(m_shots, m_prefix, name, Preferences::instance()->effectiveLanguage());
    if (!image.save(file)) {
        qWarning("could not save %s", qPrintable(file));
        return false;
    }
    qInfo("screenshot %s", qPrintable(file));
    return true;
}

bool WindowDriver::shootBothLanguages(const QString &name)
{
    setLanguage(QStringLiteral("en"));
    bool ok = shoot(name);
    setLanguage(QStringLiteral("ko"));
    ok = shoot(name) && ok;
    setLanguage(QStringLiteral("en"));
    return ok;
}

namespace e2e {

std::unique_ptr<WindowDriver> openWindow(QQmlApplicationEngine &engine, const QString &screenshotPrefix)
{
    Preferences *prefs = Preferences::instance();
    prefs->setEngineHost(QString());
    prefs->setLanguage(QStringLiteral("en"));
    prefs->setTheme(QStringLiteral("light"));
    prefs->setConfirmRemove(true);
    prefs->setSearchRegistry(qEnvironmentVariable("REGISTRY"));
    // The style is chosen before any QML loads, as main() does.
    app::configureBeforeApplication();
    QQuickWindow *window = app::start(engine);
    if (!window) {
        qWarning("Main.qml did not load");
        return nullptr;
    }
    window->resize(1180, 760);
    if (!QTest::qWaitForWindowExposed(window)) {
        qWarning("the window was not exposed");
        return nullptr;
    }
    // Window shortcuts (Ctrl+L in the folder picker) need the window to have the focus;
    // Xvfb has no window manager to give it.
    window->requestActivate();
    if (!QTest::qWaitForWindowActive(window, 5000))
        qWarning("the window did not become active; window shortcuts may not reach it");
    const QString shots =
        qEnvironmentVariable("BERTH_SCREENSHOT_DIR", QDir::currentPath() + QStringLiteral("/screenshots"));
    return std::make_unique<WindowDriver>(window, shots, screenshotPrefix);
}

bool startBerthd(QProcess &berthd, const QStringList &extraArgs)
{
    berthd.setProgram(qEnvironmentVariable("BERTHD"));
    berthd.setArguments(qEnvironmentVariable("BERTHD_ARGS").split(u' ', Qt::SkipEmptyParts) + extraArgs);
    berthd.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    berthd.setStandardOutputFile(QProcess::nullDevice());
    berthd.start();
    return berthd.waitForStarted(5000);
}

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(process.processId()), SIGTERM);
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

void removeEveryContainer()
{
    auto client = berth::client::make_client(std::nullopt);
    if (!client)
        return;
    auto list = berth::client::list_containers(*client, true, 0, {});
    if (!list || !list->is_array())
        return;
    for (const auto &c : *list)
        (void)berth::client::remove_container(*client, c.value("Id", std::string()), true, false);
}

}  // namespace e2e
