#pragma once
// Shared by the model tests that talk to a real berthd (started by run_with_engine.sh):
// whether one is there, and connecting the app's EngineHub to it.

#include "enginehub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QtTest>

namespace fixture {

inline bool engineAvailable() { return qEnvironmentVariableIsSet("BERTH_TEST_ENGINE"); }
inline QString registry() { return qEnvironmentVariable("REGISTRY"); }

// Connects the hub to $BERTH_HOST and waits for the first image list.
inline bool connectHub()
{
    EngineHub *hub = EngineHub::instance();
    QSignalSpy listed(hub->images(), &QAbstractItemModel::modelReset);
    hub->start(QString());
    if (!QTest::qWaitFor([&] { return hub->state() == EngineHub::Connected; }, 20000))
        return false;
    return QTest::qWaitFor([&] { return listed.count() > 0; }, 10000);
}

// The fixture's description of an image (tests/fixtures/build_images.py: images.json).
inline QJsonObject image(const QString &name)
{
    QFile f(qEnvironmentVariable("FIXTURE_IMAGES_JSON"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(name).toObject();
}

// Sum of the compressed layer blobs of a fixture image: what a pull downloads.
inline qint64 layerBytes(const QString &name)
{
    qint64 sum = 0;
    // Each image is an OCI layout of its own: FIXTURE_OCI/<name>/blobs/sha256/<hex>.
    const QString blobs = qEnvironmentVariable("FIXTURE_OCI") + u'/' + name + QStringLiteral("/blobs/sha256/");
    for (const auto &digest : image(name).value(QStringLiteral("layers")).toArray())
        sum += QFileInfo(blobs + digest.toString().section(u':', 1)).size();
    return sum;
}

}  // namespace fixture
