#include "controllers/volumecontroller.h"

#include "engine/resourcehub.h"
#include "engine/resourceworker.h"
#include "models/format.h"

#include <QJSEngine>
#include <QRegularExpression>

namespace {
VolumeController *s_instance = nullptr;

// The local driver's rule (moby volume/local: [a-zA-Z0-9][a-zA-Z0-9_.-]+).
const QRegularExpression &validName()
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$"));
    return re;
}

QStringList labelEntries(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\n]"));
    QStringList out;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}
}  // namespace

VolumeController *VolumeController::instance()
{
    if (!s_instance)
        s_instance = new VolumeController;
    return s_instance;
}

VolumeController *VolumeController::create(QQmlEngine *, QJSEngine *)
{
    VolumeController *c = instance();
    QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
    return c;
}

VolumeController::VolumeController(QObject *parent) : ActionStatus(parent), m_volumes(new VolumeModel(this))
{
    ResourceHub *hub = ResourceHub::instance();
    ResourceWorker *worker = hub->requests();
    connect(hub, &ResourceHub::engineConnected, this, &VolumeController::refresh);
    connect(hub, &ResourceHub::volumeEvent, this, [this, hub](const QString &action, const QString &name) {
        if (action == u"destroy")
            m_volumes->removeByName(name);
        else if (action == u"create")
            hub->call("refreshVolume", name);
    });
    connect(worker, &ResourceWorker::volumesListed, m_volumes, &VolumeModel::resetAll);
    connect(worker, &ResourceWorker::volumeRefreshed, m_volumes, &VolumeModel::upsert);
    connect(worker, &ResourceWorker::volumeGone, m_volumes, &VolumeModel::removeByName);
    connect(worker, &ResourceWorker::usageLoaded, this, [this](const ResourceUsage &u) { m_volumes->setUsage(u.volumes); });
    connect(worker, &ResourceWorker::inspected, this, [this](const QString &kind, const QString &name, const QString &json) {
        if (kind != u"volume" || name != m_inspectName)
            return;
        m_inspectText = json;
        emit inspectChanged();
    });
    connect(worker, &ResourceWorker::done, this, [this](const QString &op, const QString &object, const QVariantMap &detail) {
        if (op == u"createVolume") {
            end();
            setMessage([object] {
                //: Shown after a volume was created; %1 is its name
                return tr("Volume %1 created.").arg(object);
            });
            emit created(object);
        } else if (op == u"removeVolume") {
            end();
            // The destroy event removes the row too; this makes the view current at once.
            m_volumes->removeByName(object);
            if (m_inspectName == object) {
                m_inspectName.clear();
                m_inspectText.clear();
                emit inspectChanged();
            }
            setMessage([object] {
                //: Shown after a volume was removed; %1 is its name
                return tr("Volume %1 removed.").arg(object);
            });
            emit removed(object);
        } else if (op == u"pruneVolumes") {
            end();
            const int count = detail.value(QStringLiteral("count")).toInt();
            const qint64 bytes = detail.value(QStringLiteral("bytes")).toLongLong();
            setMessage([count, bytes] {
                if (count == 0)
                    //: Shown after "Remove unused" found no unused volume
                    return tr("No unused volumes to remove.");
                //: Shown after unused volumes were removed; %1 is how many, %2 the space freed (e.g. "12 MB")
                return tr("Removed unused volumes: %1, freed %2.").arg(count).arg(format::bytes(bytes));
            });
            emit pruned(count);
        }
    });
    connect(worker, &ResourceWorker::failed, this, [this](const QString &op, const QString &object, const EngineError &e) {
        static const QStringList mine = {QStringLiteral("createVolume"), QStringLiteral("removeVolume"),
                                         QStringLiteral("pruneVolumes")};
        if (mine.contains(op)) {
            end();
            setError(op, e);
        } else if (op == u"inspect" && object == m_inspectName) {
            setError(op, e);
        }
    });
    if (hub->connected())
        refresh();
}

void VolumeController::refresh()
{
    ResourceHub::instance()->call("listVolumes");
    ResourceHub::instance()->scheduleUsage();
}

QString VolumeController::validateName(const QString &name) const
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return {};
    if (n.size() < 2)
        //: Validation message in the New volume dialog
        return tr("A volume name needs at least two characters.");
    if (!validName().match(n).hasMatch())
        //: Validation message in the New volume dialog
        return tr("Use letters, digits and . _ - only, starting with a letter or digit.");
    return {};
}

QString VolumeController::validateLabels(const QString &text) const
{
    for (const QString &entry : labelEntries(text)) {
        const int eq = entry.indexOf(u'=');
        if (eq == 0 || entry.section(u'=', 0, 0).trimmed().isEmpty())
            //: Validation message for labels; %1 is the wrong entry
            return tr("“%1” has no label name before the =.").arg(entry);
        if (entry.section(u'=', 0, 0).contains(u' '))
            //: Validation message for labels; %1 is the wrong entry
            return tr("Label names cannot contain spaces (“%1”).").arg(entry);
    }
    return {};
}

QVariantMap VolumeController::parseLabels(const QString &text)
{
    QVariantMap labels;
    for (const QString &entry : labelEntries(text)) {
        const int eq = entry.indexOf(u'=');
        // "key" alone is a label with an empty value, as `docker volume create --label key`.
        labels.insert(eq < 0 ? entry : entry.left(eq).trimmed(), eq < 0 ? QString() : entry.mid(eq + 1).trimmed());
    }
    return labels;
}

QString VolumeController::describeError(const QString &operation, const EngineError &error) const
{
    if (const QString text = unreachableText(error); !text.isEmpty())
        return text;
    if (operation == u"createVolume") {
        if (error.status == 400)
            //: The engine refused the name or labels of a new volume
            return tr("The engine did not accept this volume name or its labels.");
        //: Creating a volume failed for another reason
        return tr("The volume could not be created.");
    }
    if (operation == u"removeVolume") {
        if (error.status == 409)
            //: Removing a volume failed because a container still uses it
            return tr("A container still uses this volume. Remove that container first, then remove the volume.");
        if (error.status == 404)
            //: The volume to remove no longer exists
            return tr("This volume no longer exists.");
        //: Removing a volume failed for another reason
        return tr("The volume could not be removed.");
    }
    if (operation == u"pruneVolumes")
        //: Removing unused volumes failed
        return tr("Unused volumes could not be removed.");
    if (operation == u"inspect")
        //: Loading a volume's details failed
        return tr("The details of this volume could not be loaded.");
    //: Generic failure message on the Volumes screen
    return tr("The engine could not do this.");
}

bool VolumeController::create(const QString &name, const QString &labels)
{
    QString problem = validateName(name);
    if (problem.isEmpty())
        problem = validateLabels(labels);
    if (!problem.isEmpty()) {
        setProblem(QStringLiteral("createVolume"), [this, name, labels] {
            const QString p = validateName(name);
            return p.isEmpty() ? validateLabels(labels) : p;
        });
        return false;
    }
    clearError();
    begin();
    QMetaObject::invokeMethod(ResourceHub::instance()->requests(), "createVolume", Qt::QueuedConnection,
                              Q_ARG(QString, name.trimmed()), Q_ARG(QVariantMap, parseLabels(labels)));
    return true;
}

void VolumeController::remove(const QString &name)
{
    clearError();
    begin();
    ResourceHub::instance()->call("removeVolume", name);
}

void VolumeController::prune()
{
    clearError();
    begin();
    ResourceHub::instance()->call("pruneVolumes");
}

void VolumeController::inspect(const QString &name)
{
    m_inspectName = name;
    m_inspectText.clear();
    emit inspectChanged();
    if (name.isEmpty())
        return;
    QMetaObject::invokeMethod(ResourceHub::instance()->requests(), "inspect", Qt::QueuedConnection,
                              Q_ARG(QString, QStringLiteral("volume")), Q_ARG(QString, name));
}
