#include "controllers/settingscontroller.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace {
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kGiB = 1024 * kMiB;
// The engine refuses less (moby: "Minimum memory limit allowed is 6MB").
constexpr qint64 kMinMemory = 6 * kMiB;

const QString kKey = QStringLiteral("key");
const QString kValue = QStringLiteral("value");
const QString kContainerPort = QStringLiteral("containerPort");
const QString kProtocol = QStringLiteral("protocol");
const QString kHostIp = QStringLiteral("hostIp");
const QString kHostPort = QStringLiteral("hostPort");
const QString kRandom = QStringLiteral("random");
const QString kContainerPath = QStringLiteral("containerPath");
const QString kKind = QStringLiteral("kind");
const QString kSource = QStringLiteral("source");
const QString kReadOnly = QStringLiteral("readOnly");

// moby's container and volume name rule: [a-zA-Z0-9][a-zA-Z0-9_.-]+ (a volume may be 1 char).
bool validName(const QString &name, int minLength)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$"));
    return name.size() >= minLength && re.match(name).hasMatch();
}

// 1..65535 as typed; 0 when it is not a port number.
int portNumber(const QString &text)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    return ok && n >= 1 && n <= 65535 ? n : 0;
}

bool validHostIp(const QString &ip)
{
    if (ip.isEmpty())
        return true;
    if (ip.contains(u':'))  // IPv6: leave the detail to the engine
        return QRegularExpression(QStringLiteral("^[0-9a-fA-F:.]+$")).match(ip).hasMatch();
    const QStringList parts = ip.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QString &p : parts) {
        bool ok = false;
        const int n = p.toInt(&ok);
        if (!ok || n < 0 || n > 255 || p.isEmpty() || p.size() > 3)
            return false;
    }
    return true;
}

QString portKey(int port, const QString &protocol)
{
    return QStringLiteral("%1/%2").arg(port).arg(protocol.isEmpty() ? QStringLiteral("tcp") : protocol);
}
}  // namespace

SettingsController::SettingsController(QObject *parent)
    : QObject(parent),
      m_env(new SettingsRows({kKey, kValue}, {{kKey, QString()}, {kValue, QString()}}, this)),
      m_ports(new SettingsRows({kContainerPort, kProtocol, kHostIp, kHostPort, kRandom},
                               {{kContainerPort, QString()}, {kProtocol, QStringLiteral("tcp")},
                                {kHostIp, QString()}, {kHostPort, QString()}, {kRandom, false}},
                               this)),
      m_volumes(new SettingsRows({kContainerPath, kKind, kSource, kReadOnly},
                                 {{kContainerPath, QString()}, {kKind, QStringLiteral("folder")},
                                  {kSource, QString()}, {kReadOnly, false}},
                                 this))
{
    auto edited = [this] {
        if (!m_loading)
            setDirty(true);
        validate();
    };
    connect(this, &SettingsController::formChanged, this, edited);
    connect(m_env, &SettingsRows::edited, this, edited);
    connect(m_ports, &SettingsRows::edited, this, edited);
    connect(m_volumes, &SettingsRows::edited, this, edited);
    validate();
}

void SettingsController::setDirty(bool dirty)
{
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    emit dirtyChanged();
}

void SettingsController::loadJson(const QString &inspectJson)
{
    load(QJsonDocument::fromJson(inspectJson.toUtf8()).object());
}

void SettingsController::revert()
{
    load(m_inspect);
}

void SettingsController::load(const QJsonObject &inspect)
{
    m_loading = true;
    m_inspect = inspect;
    const QJsonObject config = inspect.value(QStringLiteral("Config")).toObject();
    const QJsonObject host = inspect.value(QStringLiteral("HostConfig")).toObject();

    m_name = inspect.value(QStringLiteral("Name")).toString();
    if (m_name.startsWith(u'/'))
        m_name.remove(0, 1);
    m_image = config.value(QStringLiteral("Image")).toString();

    QList<QVariantMap> env;
    for (const QJsonValue &v : config.value(QStringLiteral("Env")).toArray()) {
        const QString e = v.toString();
        const int eq = int(e.indexOf(u'='));
        env.append(QVariantMap{{kKey, eq < 0 ? e : e.left(eq)}, {kValue, eq < 0 ? QString() : e.mid(eq + 1)}});
    }
    m_env->resetRows(env);

    // Published ports: each binding of HostConfig.PortBindings is a row; an empty host
    // port is a random one. With -P, exposed ports without a binding are random too.
    QList<QVariantMap> ports;
    QSet<QString> bound;
    const QJsonObject bindings = host.value(QStringLiteral("PortBindings")).toObject();
    for (auto it = bindings.begin(); it != bindings.end(); ++it) {
        const QString port = it.key().section(u'/', 0, 0);
        const QString protocol = it.key().section(u'/', 1, 1);
        bound.insert(it.key());
        for (const QJsonValue &b : it.value().toArray()) {
            const QString hostPort = b.toObject().value(QStringLiteral("HostPort")).toString();
            ports.append(QVariantMap{{kContainerPort, port},
                          {kProtocol, protocol.isEmpty() ? QStringLiteral("tcp") : protocol},
                          {kHostIp, b.toObject().value(QStringLiteral("HostIp")).toString()},
                          {kHostPort, hostPort == u"0" ? QString() : hostPort},
                          {kRandom, hostPort.isEmpty() || hostPort == u"0"}});
        }
    }
    if (host.value(QStringLiteral("PublishAllPorts")).toBool()) {
        const QJsonObject exposed = config.value(QStringLiteral("ExposedPorts")).toObject();
        for (auto it = exposed.begin(); it != exposed.end(); ++it) {
            if (!bound.contains(it.key()))
                ports.append(QVariantMap{{kContainerPort, it.key().section(u'/', 0, 0)},
                              {kProtocol, it.key().section(u'/', 1, 1)},
                              {kRandom, true}});
        }
    }
    m_ports->resetRows(ports);

    QList<QVariantMap> volumes;
    for (const QJsonValue &v : inspect.value(QStringLiteral("Mounts")).toArray()) {
        const QJsonObject m = v.toObject();
        const bool isVolume = m.value(QStringLiteral("Type")).toString() == u"volume";
        volumes.append(QVariantMap{{kContainerPath, m.value(QStringLiteral("Destination")).toString()},
                        {kKind, isVolume ? QStringLiteral("volume") : QStringLiteral("folder")},
                        {kSource, m.value(isVolume ? QStringLiteral("Name") : QStringLiteral("Source")).toString()},
                        {kReadOnly, !m.value(QStringLiteral("RW")).toBool(true)}});
    }
    m_volumes->resetRows(volumes);

    const QJsonObject restart = host.value(QStringLiteral("RestartPolicy")).toObject();
    m_restartPolicy = restart.value(QStringLiteral("Name")).toString();
    if (m_restartPolicy.isEmpty())
        m_restartPolicy = QStringLiteral("no");
    m_maxRetries = restart.value(QStringLiteral("MaximumRetryCount")).toInt();

    const qint64 memory = qint64(host.value(QStringLiteral("Memory")).toDouble());
    if (memory <= 0) {
        m_memory.clear();
        m_memoryUnit = QStringLiteral("MB");
    } else if (memory % kGiB == 0) {
        m_memory = QString::number(memory / kGiB);
        m_memoryUnit = QStringLiteral("GB");
    } else {
        m_memory = QString::number(double(memory) / double(kMiB), 'g', 10);
        m_memoryUnit = QStringLiteral("MB");
    }
    const double nanoCpus = host.value(QStringLiteral("NanoCpus")).toDouble();
    m_cpus = nanoCpus > 0 ? QString::number(nanoCpus / 1e9, 'g', 6) : QString();
    const qint64 pids = qint64(host.value(QStringLiteral("PidsLimit")).toDouble());
    m_pidsLimit = pids > 0 ? QString::number(pids) : QString();

    m_tty = config.value(QStringLiteral("Tty")).toBool();
    m_openStdin = config.value(QStringLiteral("OpenStdin")).toBool();
    m_privileged = host.value(QStringLiteral("Privileged")).toBool();

    m_network = host.value(QStringLiteral("NetworkMode")).toString();
    QStringList aliases;
    const QString shortId = inspect.value(QStringLiteral("Id")).toString().left(12);
    const QJsonObject networks =
        inspect.value(QStringLiteral("NetworkSettings")).toObject().value(QStringLiteral("Networks")).toObject();
    for (const QJsonValue &a : networks.value(m_network).toObject().value(QStringLiteral("Aliases")).toArray()) {
        // The engine adds the short id itself; it is not the user's.
        if (a.toString() != shortId && !a.toString().isEmpty())
            aliases << a.toString();
    }
    m_aliases = aliases.join(QStringLiteral(", "));

    emit formChanged();
    emit loaded();
    m_loading = false;
    setDirty(false);
    validate();
}

qint64 SettingsController::memoryBytes() const
{
    const QString t = m_memory.trimmed();
    if (t.isEmpty())
        return 0;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || v < 0)
        return -1;
    return qint64(v * double(m_memoryUnit == u"GB" ? kGiB : kMiB));
}

QStringList SettingsController::aliasList() const
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return m_aliases.split(separators, Qt::SkipEmptyParts);
}

QStringList SettingsController::validateEnv() const
{
    QStringList errors;
    QSet<QString> seen;
    for (const QVariantMap &row : m_env->rows()) {
        const QString key = row.value(kKey).toString();
        QString e;
        if (key.isEmpty())
            //: Environment table: a row without a variable name
            e = tr("Give the variable a name, for example PORT.");
        else if (key.contains(u'='))
            //: Environment table: the name contains '='
            e = tr("A variable name cannot contain “=”. Put the value in the value column.");
        else if (key.contains(QRegularExpression(QStringLiteral("\\s"))))
            //: Environment table: the name contains spaces
            e = tr("A variable name cannot contain spaces.");
        else if (seen.contains(key))
            //: Environment table: the same name twice; %1 is the name
            e = tr("%1 is set twice. Keep one row.").arg(key);
        seen.insert(key);
        errors << e;
    }
    return errors;
}

QStringList SettingsController::validatePorts() const
{
    QStringList errors;
    QSet<QString> hostPorts;
    for (const QVariantMap &row : m_ports->rows()) {
        const QString containerText = row.value(kContainerPort).toString().trimmed();
        const QString protocol = row.value(kProtocol).toString();
        const QString hostIp = row.value(kHostIp).toString().trimmed();
        const QString hostText = row.value(kHostPort).toString().trimmed();
        const bool random = row.value(kRandom).toBool();
        const int containerPort = portNumber(containerText);
        const int hostPort = portNumber(hostText);
        QString e;
        if (containerText.isEmpty())
            //: Ports table: no container port typed
            e = tr("Type the port the program listens on inside the container, for example 80.");
        else if (containerPort == 0)
            //: Ports table: the container port is not a number from 1 to 65535; %1 is what was typed
            e = tr("“%1” is not a port number. Use a number from 1 to 65535.").arg(containerText);
        else if (protocol != u"tcp" && protocol != u"udp")
            //: Ports table: protocol other than tcp/udp
            e = tr("The protocol must be tcp or udp.");
        else if (!validHostIp(hostIp))
            //: Ports table: the host address is not an IP address; %1 is what was typed
            e = tr("“%1” is not an IP address. Leave it empty to listen on all addresses.").arg(hostIp);
        else if (!random && hostText.isEmpty())
            //: Ports table: no host port and not random
            e = tr("Type a port on this computer, or choose Random.");
        else if (!random && hostPort == 0)
            //: Ports table: the host port is not a number from 1 to 65535; %1 is what was typed
            e = tr("“%1” is not a port number. Use a number from 1 to 65535.").arg(hostText);
        else if (!random && hostPorts.contains(QStringLiteral("%1|%2").arg(portKey(hostPort, protocol), hostIp)))
            //: Ports table: two rows publish the same port of this computer; %1 is the port
            e = tr("Port %1 on this computer is already used by another row.").arg(hostPort);
        if (e.isEmpty() && !random)
            hostPorts.insert(QStringLiteral("%1|%2").arg(portKey(hostPort, protocol), hostIp));
        errors << e;
    }
    return errors;
}

QStringList SettingsController::validateVolumes() const
{
    QStringList errors;
    QSet<QString> targets;
    for (const QVariantMap &row : m_volumes->rows()) {
        const QString target = row.value(kContainerPath).toString().trimmed();
        const QString source = row.value(kSource).toString().trimmed();
        const bool isVolume = row.value(kKind).toString() == u"volume";
        QString e;
        if (target.isEmpty() || !target.startsWith(u'/'))
            //: Volumes table: the path inside the container must start with /
            e = tr("The path in the container must start with /, for example /data.");
        else if (targets.contains(QDir::cleanPath(target)))
            //: Volumes table: two rows use the same path inside the container; %1 is the path
            e = tr("%1 is used by another row.").arg(target);
        else if (source.isEmpty())
            e = isVolume
                    //: Volumes table: no named volume chosen
                    ? tr("Choose a volume.")
                    //: Volumes table: no host folder chosen
                    : tr("Choose a folder on this computer.");
        else if (!isVolume && !source.startsWith(u'/'))
            //: Volumes table: the host folder must be an absolute path
            e = tr("The folder must be a full path starting with /.");
        else if (isVolume && !validName(source, 1))
            //: Volumes table: a volume name with characters the engine refuses
            e = tr("A volume name may use letters, digits, “_”, “.” and “-”.");
        targets.insert(QDir::cleanPath(target));
        errors << e;
    }
    return errors;
}

void SettingsController::validate()
{
    int count = 0;
    auto check = [&count](QString &field, const QString &message) {
        field = message;
        if (!message.isEmpty())
            ++count;
    };
    const QString name = m_name.trimmed();
    check(m_nameError, name.isEmpty()
                           //: Settings: the container name is empty
                           ? tr("Give the container a name.")
                           : !validName(name, 2)
                                 //: Settings: the container name has characters the engine refuses
                                 ? tr("A name needs at least 2 characters: letters, digits, “_”, “.” or “-”, starting with a letter or digit.")
                                 : QString());
    const qint64 memory = memoryBytes();
    check(m_memoryError, memory < 0
                             //: Settings: the memory limit is not a number
                             ? tr("Type a number, or leave it empty for no limit.")
                             : memory > 0 && memory < kMinMemory
                                   //: Settings: the memory limit is below the engine's minimum
                                   ? tr("The engine needs at least 6 MB.")
                                   : QString());
    QString cpusError;
    if (!m_cpus.trimmed().isEmpty()) {
        bool ok = false;
        const double cpus = m_cpus.trimmed().toDouble(&ok);
        if (!ok || cpus <= 0)
            //: Settings: the CPU limit is not a positive number
            cpusError = tr("Type a number of CPUs such as 0.5 or 2, or leave it empty for no limit.");
    }
    check(m_cpusError, cpusError);
    QString pidsError;
    if (!m_pidsLimit.trimmed().isEmpty()) {
        bool ok = false;
        const qint64 pids = m_pidsLimit.trimmed().toLongLong(&ok);
        if (!ok || pids < 1)
            //: Settings: the process limit is not a whole number of 1 or more
            pidsError = tr("Type a whole number of 1 or more, or leave it empty for no limit.");
    }
    check(m_pidsError, pidsError);
    QString aliasesError;
    for (const QString &alias : aliasList()) {
        if (!validName(alias, 1)) {
            //: Settings: a network alias with characters that are not allowed; %1 is the alias
            aliasesError = tr("“%1” cannot be a network alias: use letters, digits, “_”, “.” and “-”.").arg(alias);
            break;
        }
    }
    check(m_aliasesError, aliasesError);

    for (SettingsRows *rows : {m_env, m_ports, m_volumes}) {
        const QStringList errors = rows == m_env ? validateEnv() : rows == m_ports ? validatePorts() : validateVolumes();
        rows->setErrors(errors);
        for (const QString &e : errors)
            count += e.isEmpty() ? 0 : 1;
    }
    m_errorCount = count;
    emit validated();
}

int SettingsController::addPort()
{
    return m_ports->add({{kContainerPort, QString()}, {kRandom, true}});
}

QJsonObject SettingsController::createRequest() const
{
    // Start from what the container has, so the command, entrypoint, working directory,
    // user and labels survive the recreation.
    QJsonObject config = m_inspect.value(QStringLiteral("Config")).toObject();
    QJsonObject host = m_inspect.value(QStringLiteral("HostConfig")).toObject();
    // The engine derives these for the new container.
    config.remove(QStringLiteral("Hostname"));

    QJsonArray env;
    for (const QVariantMap &row : m_env->rows())
        env.append(QStringLiteral("%1=%2").arg(row.value(kKey).toString(), row.value(kValue).toString()));
    config.insert(QStringLiteral("Env"), env);

    QJsonObject exposed = config.value(QStringLiteral("ExposedPorts")).toObject();
    QJsonObject bindings;
    for (const QVariantMap &row : m_ports->rows()) {
        const QString key = portKey(portNumber(row.value(kContainerPort).toString()), row.value(kProtocol).toString());
        exposed.insert(key, QJsonObject());
        QJsonArray list = bindings.value(key).toArray();
        const bool random = row.value(kRandom).toBool();
        list.append(QJsonObject{{QStringLiteral("HostIp"), row.value(kHostIp).toString().trimmed()},
                                {QStringLiteral("HostPort"),
                                 random ? QString() : QString::number(portNumber(row.value(kHostPort).toString()))}});
        bindings.insert(key, list);
    }
    if (!exposed.isEmpty())
        config.insert(QStringLiteral("ExposedPorts"), exposed);
    host.insert(QStringLiteral("PortBindings"), bindings);
    // Every published port is a row now; -P would publish the others again.
    host.insert(QStringLiteral("PublishAllPorts"), false);

    QJsonArray binds;
    for (const QVariantMap &row : m_volumes->rows()) {
        QString bind = QStringLiteral("%1:%2").arg(row.value(kSource).toString().trimmed(),
                                                   row.value(kContainerPath).toString().trimmed());
        if (row.value(kReadOnly).toBool())
            bind += QStringLiteral(":ro");
        binds.append(bind);
    }
    host.insert(QStringLiteral("Binds"), binds);
    // The mounts are all in Binds now.
    host.remove(QStringLiteral("Mounts"));
    config.remove(QStringLiteral("Volumes"));

    host.insert(QStringLiteral("RestartPolicy"),
                QJsonObject{{QStringLiteral("Name"), m_restartPolicy == u"no" ? QString() : m_restartPolicy},
                            {QStringLiteral("MaximumRetryCount"), m_restartPolicy == u"on-failure" ? m_maxRetries : 0}});
    host.insert(QStringLiteral("Memory"), double(std::max<qint64>(0, memoryBytes())));
    const double cpus = m_cpus.trimmed().toDouble();
    host.insert(QStringLiteral("NanoCpus"), cpus > 0 ? double(qint64(cpus * 1e9)) : 0.0);
    const qint64 pids = m_pidsLimit.trimmed().toLongLong();
    if (pids > 0)
        host.insert(QStringLiteral("PidsLimit"), double(pids));
    else
        host.remove(QStringLiteral("PidsLimit"));

    config.insert(QStringLiteral("Tty"), m_tty);
    config.insert(QStringLiteral("OpenStdin"), m_openStdin);
    config.insert(QStringLiteral("StdinOnce"), false);
    host.insert(QStringLiteral("Privileged"), m_privileged);

    const QString network = m_network.trimmed();
    if (!network.isEmpty())
        host.insert(QStringLiteral("NetworkMode"), network);

    QJsonObject request = config;
    request.insert(QStringLiteral("HostConfig"), host);
    const QStringList aliases = aliasList();
    if (!network.isEmpty() && !aliases.isEmpty()) {
        QJsonObject endpoint{{QStringLiteral("Aliases"), QJsonArray::fromStringList(aliases)}};
        request.insert(QStringLiteral("NetworkingConfig"),
                       QJsonObject{{QStringLiteral("EndpointsConfig"), QJsonObject{{network, endpoint}}}});
    }
    return request;
}

QString SettingsController::createRequestJson() const
{
    return QString::fromUtf8(QJsonDocument(createRequest()).toJson(QJsonDocument::Indented));
}
