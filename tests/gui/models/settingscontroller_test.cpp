// SettingsController: the Settings form loaded from inspect JSON, turned into the create
// request that recreates the container (ports, volumes, env, limits, network), and the
// validation messages shown before anything is applied.
#include "controllers/settingscontroller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {
// What GET /containers/{id}/json says about a busybox httpd started with
// -p 8080:80 -v /srv/site:/www:ro -v data:/data -e MODE=dev --restart on-failure:3 -m 256m --cpus 1.5 --pids-limit 64
const char *kInspect = R"({
  "Id": "0123456789abcdef0123456789abcdef",
  "Name": "/web",
  "Config": {"Hostname": "0123456789ab", "Image": "busybox:latest", "Env": ["MODE=dev", "PATH=/bin"],
             "Cmd": ["httpd", "-f", "-p", "80"], "WorkingDir": "/www", "Tty": false, "OpenStdin": false,
             "ExposedPorts": {"80/tcp": {}}, "Labels": {"app": "site"}},
  "HostConfig": {"PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]},
                 "Binds": ["/srv/site:/www:ro", "data:/data"],
                 "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 3},
                 "Memory": 268435456, "NanoCpus": 1500000000, "PidsLimit": 64,
                 "Privileged": false, "NetworkMode": "appnet"},
  "Mounts": [{"Type": "bind", "Source": "/srv/site", "Destination": "/www", "RW": false},
             {"Type": "volume", "Name": "data", "Source": "/var/lib/berth/volumes/data/_data", "Destination": "/data", "RW": true}],
  "NetworkSettings": {"Networks": {"appnet": {"Aliases": ["site", "0123456789ab"]}}},
  "State": {"Status": "running"}
})";

QJsonObject inspect() { return QJsonDocument::fromJson(kInspect).object(); }
}  // namespace

class SettingsControllerTest : public QObject {
    Q_OBJECT
private slots:
    void loadsTheFormFromInspect()
    {
        SettingsController s;
        s.load(inspect());
        QCOMPARE(s.property("name").toString(), QStringLiteral("web"));
        QCOMPARE(s.image(), QStringLiteral("busybox:latest"));
        QCOMPARE(s.env()->rowCount(), 2);
        QCOMPARE(s.env()->get(0, QStringLiteral("key")).toString(), QStringLiteral("MODE"));
        QCOMPARE(s.env()->get(0, QStringLiteral("value")).toString(), QStringLiteral("dev"));
        QCOMPARE(s.ports()->rowCount(), 1);
        QCOMPARE(s.ports()->get(0, QStringLiteral("hostPort")).toString(), QStringLiteral("8080"));
        QCOMPARE(s.ports()->get(0, QStringLiteral("random")).toBool(), false);
        QCOMPARE(s.volumes()->rowCount(), 2);
        QCOMPARE(s.volumes()->get(0, QStringLiteral("readOnly")).toBool(), true);
        QCOMPARE(s.volumes()->get(1, QStringLiteral("kind")).toString(), QStringLiteral("volume"));
        QCOMPARE(s.volumes()->get(1, QStringLiteral("source")).toString(), QStringLiteral("data"));
        QCOMPARE(s.property("restartPolicy").toString(), QStringLiteral("on-failure"));
        QCOMPARE(s.property("maxRetries").toInt(), 3);
        QCOMPARE(s.property("memory").toString(), QStringLiteral("256"));
        QCOMPARE(s.property("memoryUnit").toString(), QStringLiteral("MB"));
        QCOMPARE(s.property("cpus").toString(), QStringLiteral("1.5"));
        QCOMPARE(s.property("pidsLimit").toString(), QStringLiteral("64"));
        QCOMPARE(s.property("network").toString(), QStringLiteral("appnet"));
        // The short id alias is the engine's own, not the user's.
        QCOMPARE(s.property("aliases").toString(), QStringLiteral("site"));
        QVERIFY(s.valid());
        QVERIFY(!s.dirty());
    }

    void unchangedFormRecreatesTheSameContainer()
    {
        SettingsController s;
        s.load(inspect());
        const QJsonObject r = s.createRequest();
        QCOMPARE(r.value(QStringLiteral("Image")).toString(), QStringLiteral("busybox:latest"));
        QCOMPARE(r.value(QStringLiteral("Cmd")).toArray(), QJsonArray({"httpd", "-f", "-p", "80"}));
        QCOMPARE(r.value(QStringLiteral("WorkingDir")).toString(), QStringLiteral("/www"));
        QCOMPARE(r.value(QStringLiteral("Labels")).toObject().value(QStringLiteral("app")).toString(), QStringLiteral("site"));
        QVERIFY(!r.contains(QStringLiteral("Hostname")));
        QCOMPARE(r.value(QStringLiteral("Env")).toArray(), QJsonArray({"MODE=dev", "PATH=/bin"}));
        const QJsonObject host = r.value(QStringLiteral("HostConfig")).toObject();
        QCOMPARE(host.value(QStringLiteral("Binds")).toArray(), QJsonArray({"/srv/site:/www:ro", "data:/data"}));
        QCOMPARE(host.value(QStringLiteral("Memory")).toDouble(), 268435456.0);
        QCOMPARE(host.value(QStringLiteral("NanoCpus")).toDouble(), 1.5e9);
        QCOMPARE(host.value(QStringLiteral("PidsLimit")).toDouble(), 64.0);
        QCOMPARE(host.value(QStringLiteral("RestartPolicy")).toObject().value(QStringLiteral("MaximumRetryCount")).toInt(), 3);
        QCOMPARE(host.value(QStringLiteral("NetworkMode")).toString(), QStringLiteral("appnet"));
        const QJsonObject endpoint = r.value(QStringLiteral("NetworkingConfig")).toObject()
                                         .value(QStringLiteral("EndpointsConfig")).toObject()
                                         .value(QStringLiteral("appnet")).toObject();
        QCOMPARE(endpoint.value(QStringLiteral("Aliases")).toArray(), QJsonArray({"site"}));
    }

    void formChangesReachTheCreateRequest()
    {
        SettingsController s;
        s.load(inspect());
        QSignalSpy dirty(&s, &SettingsController::dirtyChanged);
        // Ports: a second port on a random host port, and one bound to localhost only.
        const int random = s.addPort();
        s.ports()->set(random, QStringLiteral("containerPort"), QStringLiteral("443"));
        const int local = s.ports()->add({{QStringLiteral("containerPort"), QStringLiteral("53")},
                                          {QStringLiteral("protocol"), QStringLiteral("udp")},
                                          {QStringLiteral("hostIp"), QStringLiteral("127.0.0.1")},
                                          {QStringLiteral("hostPort"), QStringLiteral("5353")}});
        QCOMPARE(local, 2);
        // Volumes: a new read-write folder; the named volume becomes read-only.
        s.volumes()->add({{QStringLiteral("containerPath"), QStringLiteral("/logs")},
                          {QStringLiteral("source"), QStringLiteral("/var/log/web")}});
        s.volumes()->set(1, QStringLiteral("readOnly"), true);
        // Env: change one, remove one, add one.
        s.env()->set(0, QStringLiteral("value"), QStringLiteral("prod"));
        s.env()->remove(1);
        s.env()->add({{QStringLiteral("key"), QStringLiteral("GREETING")}, {QStringLiteral("value"), QStringLiteral("a=b c")}});
        // Limits in GB, whole CPUs, no process limit; always restart; privileged.
        s.setProperty("memory", QStringLiteral("2"));
        s.setProperty("memoryUnit", QStringLiteral("GB"));
        s.setProperty("cpus", QStringLiteral("2"));
        s.setProperty("pidsLimit", QString());
        s.setProperty("restartPolicy", QStringLiteral("always"));
        s.setProperty("privileged", true);
        s.setProperty("tty", true);
        QVERIFY(s.dirty());
        QCOMPARE(dirty.count(), 1);
        QVERIFY2(s.valid(), qPrintable(QString::number(s.errorCount())));

        const QJsonObject r = s.createRequest();
        const QJsonObject host = r.value(QStringLiteral("HostConfig")).toObject();
        const QJsonObject bindings = host.value(QStringLiteral("PortBindings")).toObject();
        QCOMPARE(bindings.value(QStringLiteral("80/tcp")).toArray().at(0).toObject().value(QStringLiteral("HostPort")).toString(),
                 QStringLiteral("8080"));
        // Random: an empty HostPort, as `docker run -p 443` sends it.
        QCOMPARE(bindings.value(QStringLiteral("443/tcp")).toArray().at(0).toObject().value(QStringLiteral("HostPort")).toString(),
                 QString());
        const QJsonObject udp = bindings.value(QStringLiteral("53/udp")).toArray().at(0).toObject();
        QCOMPARE(udp.value(QStringLiteral("HostIp")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(udp.value(QStringLiteral("HostPort")).toString(), QStringLiteral("5353"));
        const QJsonObject exposed = r.value(QStringLiteral("ExposedPorts")).toObject();
        QVERIFY(exposed.contains(QStringLiteral("443/tcp")) && exposed.contains(QStringLiteral("53/udp")));
        QCOMPARE(host.value(QStringLiteral("PublishAllPorts")).toBool(), false);
        QCOMPARE(host.value(QStringLiteral("Binds")).toArray(),
                 QJsonArray({"/srv/site:/www:ro", "data:/data:ro", "/var/log/web:/logs"}));
        QCOMPARE(r.value(QStringLiteral("Env")).toArray(), QJsonArray({"MODE=prod", "GREETING=a=b c"}));
        QCOMPARE(host.value(QStringLiteral("Memory")).toDouble(), 2.0 * 1024 * 1024 * 1024);
        QCOMPARE(host.value(QStringLiteral("NanoCpus")).toDouble(), 2e9);
        QVERIFY(!host.contains(QStringLiteral("PidsLimit")));
        QCOMPARE(host.value(QStringLiteral("RestartPolicy")).toObject().value(QStringLiteral("Name")).toString(), QStringLiteral("always"));
        QCOMPARE(host.value(QStringLiteral("Privileged")).toBool(), true);
        QCOMPARE(r.value(QStringLiteral("Tty")).toBool(), true);

        s.revert();
        QVERIFY(!s.dirty());
        QCOMPARE(s.ports()->rowCount(), 1);
    }

    void portProblemsAreShownPerRow()
    {
        SettingsController s;
        s.load(inspect());
        const int bad = s.ports()->add({{QStringLiteral("containerPort"), QStringLiteral("http")},
                                        {QStringLiteral("hostPort"), QStringLiteral("8081")}});
        QVERIFY(s.ports()->errorOf(bad).contains(QStringLiteral("“http” is not a port number")));
        s.ports()->set(bad, QStringLiteral("containerPort"), QStringLiteral("81"));
        QCOMPARE(s.ports()->errorOf(bad), QString());
        s.ports()->set(bad, QStringLiteral("hostPort"), QStringLiteral("70000"));
        QVERIFY(s.ports()->errorOf(bad).contains(QStringLiteral("1 to 65535")));
        // The same host port twice: the second row says so.
        s.ports()->set(bad, QStringLiteral("hostPort"), QStringLiteral("8080"));
        QCOMPARE(s.ports()->errorOf(bad), QStringLiteral("Port 8080 on this computer is already used by another row."));
        QCOMPARE(s.ports()->errorOf(0), QString());
        QVERIFY(!s.valid());
        QCOMPARE(s.errorCount(), 1);
        // ... unless it is on another protocol or address.
        s.ports()->set(bad, QStringLiteral("protocol"), QStringLiteral("udp"));
        QVERIFY(s.valid());
        s.ports()->set(bad, QStringLiteral("protocol"), QStringLiteral("tcp"));
        s.ports()->set(bad, QStringLiteral("hostIp"), QStringLiteral("127.0.0.1"));
        QVERIFY(s.valid());
        s.ports()->set(bad, QStringLiteral("hostIp"), QStringLiteral("300.1.1.1"));
        QVERIFY(s.ports()->errorOf(bad).contains(QStringLiteral("not an IP address")));
        // Random needs no host port.
        s.ports()->set(bad, QStringLiteral("hostIp"), QString());
        s.ports()->set(bad, QStringLiteral("random"), true);
        QVERIFY(s.valid());
        s.ports()->set(bad, QStringLiteral("random"), false);
        s.ports()->set(bad, QStringLiteral("hostPort"), QString());
        QVERIFY(s.ports()->errorOf(bad).contains(QStringLiteral("Random")));
    }

    void envVolumesNameAndLimitsAreChecked()
    {
        SettingsController s;
        s.load(inspect());
        const int env = s.env()->add({{QStringLiteral("key"), QStringLiteral("A=B")}});
        QVERIFY(s.env()->errorOf(env).contains(QStringLiteral("“=”")));
        s.env()->set(env, QStringLiteral("key"), QStringLiteral("MODE"));
        QCOMPARE(s.env()->errorOf(env), QStringLiteral("MODE is set twice. Keep one row."));
        s.env()->set(env, QStringLiteral("key"), QString());
        QVERIFY(!s.env()->errorOf(env).isEmpty());
        s.env()->remove(env);

        const int vol = s.volumes()->add({{QStringLiteral("containerPath"), QStringLiteral("data")},
                                          {QStringLiteral("source"), QStringLiteral("/tmp/x")}});
        QVERIFY(s.volumes()->errorOf(vol).contains(QStringLiteral("must start with /")));
        s.volumes()->set(vol, QStringLiteral("containerPath"), QStringLiteral("/www/"));
        QVERIFY(s.volumes()->errorOf(vol).contains(QStringLiteral("used by another row")));
        s.volumes()->set(vol, QStringLiteral("containerPath"), QStringLiteral("/cache"));
        s.volumes()->set(vol, QStringLiteral("source"), QStringLiteral("relative/dir"));
        QVERIFY(s.volumes()->errorOf(vol).contains(QStringLiteral("full path")));
        s.volumes()->set(vol, QStringLiteral("kind"), QStringLiteral("volume"));
        s.volumes()->set(vol, QStringLiteral("source"), QStringLiteral("bad name!"));
        QVERIFY(!s.volumes()->errorOf(vol).isEmpty());
        s.volumes()->set(vol, QStringLiteral("source"), QStringLiteral("cache"));
        QCOMPARE(s.volumes()->errorOf(vol), QString());

        s.setProperty("name", QStringLiteral("x"));
        QVERIFY(!s.nameError().isEmpty());
        s.setProperty("name", QStringLiteral("my web"));
        QVERIFY(!s.nameError().isEmpty());
        s.setProperty("name", QStringLiteral("my-web"));
        QVERIFY(s.nameError().isEmpty());

        s.setProperty("memory", QStringLiteral("lots"));
        QVERIFY(!s.memoryError().isEmpty());
        s.setProperty("memory", QStringLiteral("4"));
        QCOMPARE(s.memoryError(), QStringLiteral("The engine needs at least 6 MB."));
        s.setProperty("memory", QStringLiteral("0.5"));
        s.setProperty("memoryUnit", QStringLiteral("GB"));
        QVERIFY(s.memoryError().isEmpty());
        QCOMPARE(s.memoryBytes(), qint64(512) * 1024 * 1024);
        s.setProperty("cpus", QStringLiteral("-1"));
        QVERIFY(!s.cpusError().isEmpty());
        s.setProperty("cpus", QStringLiteral("0.25"));
        s.setProperty("pidsLimit", QStringLiteral("0"));
        QVERIFY(!s.pidsError().isEmpty());
        s.setProperty("pidsLimit", QString());
        s.setProperty("aliases", QStringLiteral("ok, not ok!"));
        QVERIFY(s.aliasesError().contains(QStringLiteral("not")));
        s.setProperty("aliases", QStringLiteral("ok api"));
        QVERIFY2(s.valid(), qPrintable(QString::number(s.errorCount())));
    }
};

QTEST_GUILESS_MAIN(SettingsControllerTest)
#include "settingscontroller_test.moc"
