#pragma once
// The end-to-end tests' hands and eyes on the real Berth window: find a control by its
// objectName (also inside list delegates, popups and Qt's own dialogs), wait until it is
// on screen and still, click and type into it as a person would, and save what the window
// shows in English and Korean.
//
// Every action returns false when it could not be done, so a test reads
//   QVERIFY(ui.click("volumes-new"));
// and fails at the line that went wrong. Waits are for conditions, with generous
// timeouts: CI runs these on a loaded 2-core machine.

#include <QPointF>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QProcess;
class QQmlApplicationEngine;
class QQuickItem;
class QQuickWindow;

class WindowDriver {
public:
    // Screenshots go to <screenshotDir>/<prefix>-<name>-<language>.png.
    WindowDriver(QQuickWindow *window, QString screenshotDir, QString prefix);

    QQuickWindow *window() const { return m_window; }

    // The item named `name`, preferring one that is visible (a hidden page may hold
    // another item of the same name); nullptr if there is none.
    QQuickItem *item(const QString &name) const;
    // The first visual descendant of `scope` (the whole window when null) for which
    // `match` holds.
    QQuickItem *find(const std::function<bool(QQuickItem *)> &match, QQuickItem *scope = nullptr) const;
    // Waits until the named item exists, is visible and has a size.
    QQuickItem *waitVisible(const QString &name, int timeoutMs = 15000) const;
    // Waits until the named item is gone or hidden (a dialog closed).
    bool waitHidden(const QString &name, int timeoutMs = 15000) const;
    // Its "text" property, or an empty string.
    QString text(const QString &name) const;

    // Waits until `target` stops moving (content slides in, a popup opens), so a click
    // lands where the item is.
    bool waitSettled(QQuickItem *target, int timeoutMs = 5000) const;
    // Waits until the window has drawn twice: bindings, layouts and delegates have caught
    // up with the last change.
    bool waitFrames(int frames = 2, int timeoutMs = 3000) const;

    // A left click in the middle of the item, once it is visible, enabled and still.
    bool click(QQuickItem *target);
    bool click(const QString &name, int timeoutMs = 15000);
    bool doubleClick(QQuickItem *target);
    // Clicks the field, selects what it holds and types `text` key by key.
    bool type(QQuickItem *field, const QString &text);
    bool type(const QString &name, const QString &text, int timeoutMs = 15000);
    void key(int key, int modifiers = 0);

    // The window's "page" property, as the sidebar sets it.
    bool showPage(const QString &page);
    // Switches the interface language and waits for the window to redraw.
    void setLanguage(const QString &language);

    // Saves the window in the current language.
    bool shoot(const QString &name);
    // Saves the window in English and in Korean, and leaves it in English.
    bool shootBothLanguages(const QString &name);

    QString screenshotDir() const { return m_shots; }

private:
    QPointF centreOf(QQuickItem *target) const;

    QQuickWindow *m_window;
    QString m_shots;
    QString m_prefix;
};

// What every end-to-end program does around the window.
namespace e2e {
// Opens the Berth window as berth-desktop does (same style and start-up), from the
// preferences every run starts from: the engine from the environment, English, the light
// theme, confirmation before removing, the fixture registry for search. Waits until the
// window is on screen; nullptr if Main.qml did not load.
std::unique_ptr<WindowDriver> openWindow(QQmlApplicationEngine &engine, const QString &screenshotPrefix);
// Starts berthd as the harness prepared it (BERTHD, BERTHD_ARGS) with `extraArgs`.
bool startBerthd(QProcess &berthd, const QStringList &extraArgs = {});
// SIGTERM to the process the test started, SIGKILL if it is still there after 15 s.
void stop(QProcess &process);
// Removes every container, running or not, of the engine the test runs against (always
// its own private berthd), whatever a failed step left behind.
void removeEveryContainer();
}  // namespace e2e
