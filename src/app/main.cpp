// berth-desktop: the Berth window.
#include "appsetup.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

int main(int argc, char *argv[])
{
    app::configureBeforeApplication();
    QGuiApplication application(argc, argv);
    QQmlApplicationEngine engine;
    if (!app::start(engine))
        return 1;
    return application.exec();
}
