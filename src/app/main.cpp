// berth-desktop: the Berth window.
#include "appsetup.h"
#include "enginehub.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <ctime>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {
// bench/app/run.sh sets BERTH_BENCH_FIRST_FRAME: the app prints CLOCK_MONOTONIC when its
// first frame is on screen, which the script compares with the time it started the app.
void reportFirstFrame(QQuickWindow *window)
{
    if (!window || !qEnvironmentVariableIsSet("BERTH_BENCH_FIRST_FRAME"))
        return;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [] {
        static bool reported = false;
        if (reported)
            return;
        reported = true;
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        std::printf("first-frame %lld.%09ld\n", static_cast<long long>(now.tv_sec), now.tv_nsec);
        std::fflush(stdout);
    }, Qt::DirectConnection);
}

// BERTH_BENCH_CONTAINER_ROWS: the app prints "container-row <name> <CLOCK_MONOTONIC>" when a
// container's row enters the sidebar's model, so the script measures create -> row.
void reportContainerRows()
{
    if (!qEnvironmentVariableIsSet("BERTH_BENCH_CONTAINER_ROWS"))
        return;
    ContainerModel *model = EngineHub::instance()->containers();
    QObject::connect(model, &QAbstractItemModel::rowsInserted, model, [model](const QModelIndex &, int first, int last) {
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        for (int row = first; row <= last; ++row)
            std::printf("container-row %s %lld.%09ld\n", qPrintable(model->index(row).data(ContainerModel::NameRole).toString()),
                        static_cast<long long>(now.tv_sec), now.tv_nsec);
        std::fflush(stdout);
    });
}

// The benchmark's baseline: a bare Quick Controls window, same binary, style and renderer.
QQuickWindow *loadBareWindow(QQmlApplicationEngine &engine)
{
    engine.loadData("import QtQuick\nimport QtQuick.Controls\n"
                    "ApplicationWindow { width: 1180; height: 760; visible: true\n"
                    "  Button { anchors.centerIn: parent; text: \"Hello\" } }\n");
    return engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
}
}  // namespace

int main(int argc, char *argv[])
{
    app::configureBeforeApplication();
    QGuiApplication application(argc, argv);
    QQmlApplicationEngine engine;
    QQuickWindow *window = qEnvironmentVariableIsSet("BERTH_BENCH_BARE") ? loadBareWindow(engine) : app::start(engine);
    if (!window)
        return 1;
    reportFirstFrame(window);
    reportContainerRows();
    return application.exec();
}
