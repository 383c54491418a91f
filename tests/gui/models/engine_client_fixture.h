#pragma once
// For the Volumes/Networks/Create tests: a berth_client connection of the test's own to
// the test berthd, so changes made "elsewhere" reach the app only through /events.

#include "client/containers.h"
#include "client/engine_client.h"

#include <QProcess>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace fixture {

inline std::optional<berth::client::EngineClient> outsideClient()
{
    auto c = berth::client::make_client(std::nullopt);  // $BERTH_HOST, as the hub
    if (!c)
        return std::nullopt;
    return std::move(c).value();
}

// Pulls a fixture image ("busybox") from the test registry unless it is there already.
inline bool ensureImage(berth::client::EngineClient &c, const QString &name)
{
    const std::string image = qEnvironmentVariable("REGISTRY").toStdString() + "/" + name.toStdString();
    if (c.inspect_image(image + ":latest"))
        return true;
    berth::client::PullOptions o;
    o.image = image;
    o.tag = "latest";
    return bool(c.pull(o, [](const nlohmann::json &) { return true; }));
}

// One API call with curl over $BERTH_SOCK, bounded in time (an engine that never answers
// fails the test instead of hanging it). Returns the HTTP status, 0 when there was none.
inline int curlApi(const QString &method, const QString &path, const QByteArray &body = {}, int seconds = 20)
{
    QProcess curl;
    QStringList args{QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                     QStringLiteral("%{http_code}"), QStringLiteral("--max-time"), QString::number(seconds),
                     QStringLiteral("--unix-socket"), qEnvironmentVariable("BERTH_SOCK"), QStringLiteral("-X"), method};
    if (!body.isEmpty())
        args << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json") << QStringLiteral("--data-binary")
             << QString::fromUtf8(body);
    args << QStringLiteral("http://engine") + path;
    curl.start(QStringLiteral("curl"), args);
    if (!curl.waitForFinished((seconds + 5) * 1000))
        return 0;
    return curl.readAllStandardOutput().trimmed().toInt();
}

}  // namespace fixture
