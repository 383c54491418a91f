#pragma once
// Plain values that travel from the engine thread to the GUI thread in queued signals.
// They hold what the views show, already parsed from the Engine API's JSON.

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

struct ImageRecord {
    QString id;            // "sha256:..." as the engine reports it
    QStringList repoTags;  // "busybox:latest", ...; empty for a dangling image
    qint64 size = -1;
    QDateTime created;
    int containers = -1;   // how many containers use it; -1 when the engine does not say
};

// One row of an image's history: a layer and the instruction that made it.
struct LayerRecord {
    QString id;
    QString createdBy;
    qint64 size = 0;
    QDateTime created;
};

// One line of a pull's progress stream (Engine API: POST /images/create).
struct PullMessage {
    QString id;       // layer id, empty for messages about the whole pull
    QString status;   // "Downloading", "Pull complete", ...
    qint64 current = -1;
    qint64 total = -1;
    QString error;
};

struct ContainerRecord {
    QString id;
    QString name;
    QString image;
    QString stateName;  // running, paused, exited, created, restarting, dead
    QString status;     // "Up 3 minutes", as the engine words it
    QDateTime created;
};

struct SearchRecord {
    QString name;
    QString description;
    int stars = -1;
    bool official = false;
};

// An error as the engine (or the socket) reported it: the status and the engine's own words.
struct EngineError {
    int status = 0;          // HTTP status; 0 when the engine was not reached
    QString message;         // the engine's {"message": ...} or the transport error
    bool isNull() const { return status == 0 && message.isEmpty(); }
};

Q_DECLARE_METATYPE(ImageRecord)
Q_DECLARE_METATYPE(LayerRecord)
Q_DECLARE_METATYPE(PullMessage)
Q_DECLARE_METATYPE(ContainerRecord)
Q_DECLARE_METATYPE(SearchRecord)
Q_DECLARE_METATYPE(EngineError)
