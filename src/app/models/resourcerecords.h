#pragma once
// Plain values for the Volumes and Networks screens, parsed from the Engine API's JSON on
// the engine thread and carried to the GUI thread in queued signals.

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// GET /volumes (Volumes[]) and GET /volumes/{name}.
struct VolumeRecord {
    QString name;
    QString driver;
    QString mountpoint;
    QDateTime created;
    QVariantMap labels;
};

// GET /networks and GET /networks/{id}: the first IPAM config gives subnet and gateway.
struct NetworkRecord {
    QString id;
    QString name;
    QString driver;
    QString subnet;
    QString gateway;
    bool internal = false;
    QDateTime created;
    QStringList containers;  // names from the network's own Containers map, when it has one
};

// Which containers use what, from GET /containers/json?all=1: a volume by its name (Mounts
// of type "volume"), a network by its name (NetworkSettings.Networks, else NetworkMode).
struct ResourceUsage {
    QHash<QString, QStringList> volumes;
    QHash<QString, QStringList> networks;
};

Q_DECLARE_METATYPE(VolumeRecord)
Q_DECLARE_METATYPE(NetworkRecord)
Q_DECLARE_METATYPE(ResourceUsage)
