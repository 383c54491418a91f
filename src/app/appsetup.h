#pragma once
// Everything main() does between creating the application and exec(): style, font,
// language, the engine connection, loading Main.qml. The end-to-end test runs the same.

#include <QString>

class QQmlApplicationEngine;
class QQuickWindow;

namespace app {
// Before the QGuiApplication exists: the Quick Controls style.
void configureBeforeApplication();
// Loads the window and connects to the engine (host from Preferences, else the environment).
// Returns the main window, or nullptr if Main.qml failed to load.
QQuickWindow *start(QQmlApplicationEngine &engine);
// Switches the interface language now ("en", "ko").
void applyLanguage(const QString &language);
}  // namespace app
