#include "engine/enginejson.h"

#include "engine/jsonrecords.h"

#include <nlohmann/json.hpp>

namespace enginejson {

using nlohmann::json;

QString str(const json &j, const char *key)
{
    if (!j.is_object())
        return {};
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

namespace {
qint64 integer(const json &j, const char *key, qint64 fallback = -1)
{
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<qint64>() : fallback;
}

QStringList strings(const json &j, const char *key)
{
    QStringList out;
    auto it = j.find(key);
    if (it != j.end() && it->is_array()) {
        for (const auto &v : *it) {
            if (v.is_string())
                out << QString::fromStdString(v.get<std::string>());
        }
    }
    return out;
}

// /images/json gives "Created" as Unix seconds, /images/{name}/json as RFC 3339.
QDateTime createdOf(const json &j)
{
    auto it = j.find("Created");
    if (it == j.end())
        return {};
    if (it->is_number())
        return QDateTime::fromSecsSinceEpoch(it->get<qint64>(), Qt::UTC);
    if (it->is_string())
        return QDateTime::fromString(QString::fromStdString(it->get<std::string>()), Qt::ISODateWithMs);
    return {};
}

QStringList withoutNoneTags(QStringList tags)
{
    tags.removeAll(QStringLiteral("<none>:<none>"));
    return tags;
}
}  // namespace

QList<ImageRecord> imageList(const json &j)
{
    return recordsOf(j, [](const json &e) {
        return ImageRecord{str(e, "Id"), withoutNoneTags(strings(e, "RepoTags")), integer(e, "Size"), createdOf(e),
                           int(integer(e, "Containers"))};
    });
}

ImageRecord imageInspect(const json &j)
{
    if (!j.is_object())
        return {};
    return ImageRecord{str(j, "Id"), withoutNoneTags(strings(j, "RepoTags")), integer(j, "Size"), createdOf(j), -1};
}

QList<LayerRecord> imageHistory(const json &j)
{
    return recordsOf(j, [](const json &e) {
        return LayerRecord{str(e, "Id"), str(e, "CreatedBy"), integer(e, "Size", 0), createdOf(e)};
    });
}

namespace {
QString containerName(const QStringList &names)
{
    // Names come as "/web"; a linked container has more, the shortest is its own.
    QString best;
    for (const QString &n : names) {
        if (best.isEmpty() || n.size() < best.size())
            best = n;
    }
    return best.startsWith(u'/') ? best.mid(1) : best;
}
}  // namespace

QList<ContainerRecord> containerList(const json &j)
{
    return recordsOf(j, [](const json &e) {
        return ContainerRecord{str(e, "Id"), containerName(strings(e, "Names")), str(e, "Image"),
                               str(e, "State"), str(e, "Status"), createdOf(e)};
    });
}

ContainerRecord containerInspect(const json &j)
{
    if (!j.is_object())
        return {};
    ContainerRecord r;
    r.id = str(j, "Id");
    r.name = str(j, "Name");
    if (r.name.startsWith(u'/'))
        r.name.remove(0, 1);
    if (auto cfg = j.find("Config"); cfg != j.end())
        r.image = str(*cfg, "Image");
    if (auto st = j.find("State"); st != j.end() && st->is_object()) {
        r.stateName = str(*st, "Status");
        r.status = r.stateName;
    }
    r.created = createdOf(j);
    return r;
}

PullMessage pullMessage(const json &j)
{
    PullMessage m;
    if (!j.is_object())
        return m;
    m.id = str(j, "id");
    m.status = str(j, "status");
    m.error = str(j, "error");
    if (auto d = j.find("progressDetail"); d != j.end() && d->is_object()) {
        m.current = integer(*d, "current");
        m.total = integer(*d, "total");
    }
    return m;
}

QList<SearchRecord> searchResults(const json &j)
{
    return recordsOf(j, [](const json &e) {
        const auto official = e.find("is_official");
        return SearchRecord{str(e, "name"), str(e, "description"), int(integer(e, "star_count")),
                            official != e.end() && official->is_boolean() && official->get<bool>()};
    });
}

}  // namespace enginejson
