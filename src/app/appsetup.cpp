#include "appsetup.h"

#include "controllers/preferences.h"
#include "enginehub.h"
#include "language.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

namespace app {

namespace {
LanguageSwitcher *s_language = nullptr;
}

void configureBeforeApplication()
{
    // Basic follows the palette Main.qml sets from Theme, and is the lightest style to start.
    QQuickStyle::setStyle(QStringLiteral("Basic"));
}

void applyLanguage(const QString &language)
{
    if (s_language)
        s_language->apply(language);
}

QQuickWindow *start(QQmlApplicationEngine &engine)
{
    QGuiApplication::setOrganizationName(QStringLiteral("Berth"));
    QGuiApplication::setApplicationName(QStringLiteral("berth-desktop"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Berth"));
    QGuiApplication::setDesktopFileName(QStringLiteral("berth-desktop"));
    // Hangul needs a CJK font; Noto Sans CJK KR also covers Latin, so one family serves both.
    QFont font(QStringLiteral("Noto Sans CJK KR"));
    font.setPointSizeF(10);
    QGuiApplication::setFont(font);

    Preferences *prefs = Preferences::instance();
    s_language = new LanguageSwitcher(&engine, &engine);
    s_language->apply(prefs->effectiveLanguage());
    QObject::connect(prefs, &Preferences::languageChanged, s_language,
                     [prefs] { s_language->apply(prefs->effectiveLanguage()); });
    QObject::connect(s_language, &QObject::destroyed, [] { s_language = nullptr; });

    EngineHub *hub = EngineHub::instance();
    QObject::connect(prefs, &Preferences::engineHostChanged, hub, [prefs, hub] { hub->setHostText(prefs->engineHost()); });
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, hub, &EngineHub::stop);

    // Qt 6.4: the module's resources are under /qt/qml (RESOURCE_PREFIX), which is not
    // an import path by default yet.
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Berth/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return nullptr;
    hub->start(prefs->engineHost());
    return qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
}

}  // namespace app
