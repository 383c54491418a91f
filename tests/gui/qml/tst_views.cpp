// Qt Quick Test runner for the views: the Berth module linked in, offscreen, no engine
// (BERTH_HOST points at a socket that does not exist).
#include "appsetup.h"

#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() { app::configureBeforeApplication(); }
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
};

QUICK_TEST_MAIN_WITH_SETUP(berth_views, Setup)
#include "tst_views.moc"
