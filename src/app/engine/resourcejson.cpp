#include "engine/resourcejson.h"

#include "engine/enginejson.h"
#include "engine/jsonrecords.h"

#include <QRegularExpression>

#include <nlohmann/json.hpp>

namespace resourcejson {

using nlohmann::json;
using enginejson::recordsOf;
using enginejson::str;

namespace {
// Volumes say "CreatedAt", networks "Created"; both RFC 3339 with nanoseconds.
QDateTime timeOf(const json &j, const char *key)
{
    QString text = str(j, key);
    if (text.isEmpty())
        return {};
    // Qt parses at most milliseconds: cut "…05.123456789Z" to "…05.123Z".
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    text.replace(fraction, QStringLiteral("\\1"));
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

// A container's name as the list gives it: "/web" -> "web".
QString containerName(const json &c)
{
    auto names = c.find("Names");
    if (names != c.end() && names->is_array() && !names->empty() && names->front().is_string()) {
        QString n = QString::fromStdString(names->front().get<std::string>());
        return n.startsWith(u'/') ? n.mid(1) : n;
    }
    return str(c, "Id").left(12);
}

// A list entry without a name is nothing the screens can show or act on.
template <typename Record>
QList<Record> withNames(QList<Record> records)
{
    records.removeIf([](const Record &r) { return r.name.isEmpty(); });
    return records;
}

void addUser(QHash<QString, QStringList> &map, const QString &key, const QString &container)
{
    QStringList &users = map[key];
    if (!users.contains(container))
        users.append(container);
}
}  // namespace

VolumeRecord volume(const json &j)
{
    VolumeRecord v;
    if (!j.is_object())
        return v;
    v.name = str(j, "Name");
    v.driver = str(j, "Driver");
    v.mountpoint = str(j, "Mountpoint");
    v.created = timeOf(j, "CreatedAt");
    if (auto labels = j.find("Labels"); labels != j.end() && labels->is_object()) {
        for (const auto &[k, val] : labels->items()) {
            if (val.is_string())
                v.labels.insert(QString::fromStdString(k), QString::fromStdString(val.get<std::string>()));
        }
    }
    return v;
}

QList<VolumeRecord> volumeList(const json &j)
{
    auto list = j.is_object() ? j.find("Volumes") : j.end();
    if (list == j.end())
        return {};
    return withNames(recordsOf(*list, volume));
}

NetworkRecord network(const json &j)
{
    NetworkRecord n;
    if (!j.is_object())
        return n;
    n.id = str(j, "Id");
    n.name = str(j, "Name");
    n.driver = str(j, "Driver");
    n.created = timeOf(j, "Created");
    if (auto internal = j.find("Internal"); internal != j.end() && internal->is_boolean())
        n.internal = internal->get<bool>();
    if (auto ipam = j.find("IPAM"); ipam != j.end() && ipam->is_object()) {
        if (auto config = ipam->find("Config"); config != ipam->end() && config->is_array() && !config->empty()) {
            n.subnet = str(config->front(), "Subnet");
            n.gateway = str(config->front(), "Gateway");
        }
    }
    if (auto containers = j.find("Containers"); containers != j.end() && containers->is_object()) {
        for (const auto &[id, endpoint] : containers->items()) {
            const QString name = str(endpoint, "Name");
            n.containers.append(name.isEmpty() ? QString::fromStdString(id).left(12) : name);
        }
    }
    return n;
}

QList<NetworkRecord> networkList(const json &j)
{
    return withNames(recordsOf(j, network));
}

ResourceUsage usage(const json &containers)
{
    ResourceUsage u;
    if (!containers.is_array())
        return u;
    for (const auto &c : containers) {
        if (!c.is_object())
            continue;
        const QString name = containerName(c);
        if (auto mounts = c.find("Mounts"); mounts != c.end() && mounts->is_array()) {
            for (const auto &m : *mounts) {
                if (str(m, "Type") == u"volume" && !str(m, "Name").isEmpty())
                    addUser(u.volumes, str(m, "Name"), name);
            }
        }
        bool attached = false;
        if (auto settings = c.find("NetworkSettings"); settings != c.end() && settings->is_object()) {
            if (auto nets = settings->find("Networks"); nets != settings->end() && nets->is_object()) {
                for (const auto &[net, endpoint] : nets->items()) {
                    (void)endpoint;
                    addUser(u.networks, QString::fromStdString(net), name);
                    attached = true;
                }
            }
        }
        // Engines that leave Networks empty still say the mode: "default" is the bridge;
        // "container:<id>" shares another container's network and attaches to none itself.
        if (!attached) {
            QString mode;
            if (auto host = c.find("HostConfig"); host != c.end())
                mode = str(*host, "NetworkMode");
            if (mode.isEmpty() || mode == u"default")
                mode = QStringLiteral("bridge");
            if (!mode.startsWith(u"container:"))
                addUser(u.networks, mode, name);
        }
    }
    return u;
}

json quickCreateRequest(const QString &image)
{
    // As Kitematic did: a terminal with stdin kept open, so an image whose command is a
    // shell (busybox, ubuntu) keeps running instead of exiting at once, and its output
    // reads like a console. Config.ExposedPorts comes from the image; PublishAllPorts
    // gives each a random host port.
    return json{{"Image", image.toStdString()},
                {"Tty", true},
                {"OpenStdin", true},
                {"AttachStdin", false},
                {"HostConfig", {{"PublishAllPorts", true}}}};
}

}  // namespace resourcejson
