#include "controllers/networkcontroller.h"

#include "engine/resourcehub.h"
#include "engine/resourceworker.h"

#include <QHostAddress>
#include <QJSEngine>
#include <QRegularExpression>

namespace {
NetworkController *s_instance = nullptr;
}

NetworkController *NetworkController::instance()
{
    if (!s_instance)
        s_instance = new NetworkController;
    return s_instance;
}

NetworkController *NetworkController::create(QQmlEngine *, QJSEngine *)
{
    NetworkController *c = instance();
    QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
    return c;
}

NetworkController::NetworkController(QObject *parent) : ActionStatus(parent), m_networks(new NetworkModel(this))
{
    ResourceHub *hub = ResourceHub::instance();
    ResourceWorker *worker = hub->requests();
    connect(hub, &ResourceHub::engineConnected, this, &NetworkController::refresh);
    connect(hub, &ResourceHub::networkEvent, this,
            [this, hub](const QString &action, const QString &id, const QString &name) {
                if (!m_supported)
                    return;
                if (action == u"destroy")
                    m_networks->remove(id.isEmpty() ? name : id);
                else if (action == u"create")
                    hub->call("refreshNetwork", id.isEmpty() ? name : id);
            });
    connect(worker, &ResourceWorker::networksListed, this, [this](const QList<NetworkRecord> &list) {
        m_networks->resetAll(list);
        m_loaded = true;
        setSupported(true);
    });
    connect(worker, &ResourceWorker::networksUnsupported, this, [this] {
        m_networks->resetAll({});
        m_loaded = true;
        setSupported(false);
        emit supportedChanged();
    });
    connect(worker, &ResourceWorker::networkRefreshed, m_networks, &NetworkModel::upsert);
    connect(worker, &ResourceWorker::networkGone, m_networks, &NetworkModel::remove);
    connect(worker, &ResourceWorker::usageLoaded, this, [this](const ResourceUsage &u) { m_networks->setUsage(u.networks); });
    connect(worker, &ResourceWorker::inspected, this, [this](const QString &kind, const QString &id, const QString &json) {
        if (kind != u"network" || id != m_inspectId)
            return;
        m_inspectText = json;
        emit inspectChanged();
    });
    connect(worker, &ResourceWorker::done, this, [this](const QString &op, const QString &object, const QVariantMap &) {
        if (op == u"createNetwork") {
            end();
            setMessage([object] {
                //: Shown after a network was created; %1 is its name
                return tr("Network %1 created.").arg(object);
            });
            emit created(object);
        } else if (op == u"removeNetwork") {
            end();
            const int row = m_networks->rowOf(object);
            const QString name = row >= 0 ? m_networks->index(row).data(NetworkModel::NameRole).toString() : object;
            m_networks->remove(object);
            if (m_inspectId == object) {
                m_inspectId.clear();
                m_inspectText.clear();
                emit inspectChanged();
            }
            setMessage([name] {
                //: Shown after a network was removed; %1 is its name
                return tr("Network %1 removed.").arg(name);
            });
            emit removed(object);
        }
    });
    connect(worker, &ResourceWorker::failed, this, [this](const QString &op, const QString &object, const EngineError &e) {
        if (op == u"createNetwork" || op == u"removeNetwork") {
            end();
            setError(op, e);
        } else if (op == u"inspect" && object == m_inspectId) {
            setError(op, e);
        }
    });
    if (hub->connected())
        refresh();
}

void NetworkController::setSupported(bool supported)
{
    if (m_supported == supported)
        return;
    m_supported = supported;
    emit supportedChanged();
}

void NetworkController::refresh()
{
    ResourceHub::instance()->call("listNetworks");
    ResourceHub::instance()->scheduleUsage();
}

QString NetworkController::validateName(const QString &name) const
{
    static const QRegularExpression valid(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$"));
    const QString n = name.trimmed();
    if (n.isEmpty())
        //: Validation message in the New network dialog when the name is empty
        return tr("Type a name for the network, for example my-app-net.");
    if (!valid.match(n).hasMatch())
        //: Validation message in the New network dialog
        return tr("Use letters, digits and . _ - only, starting with a letter or digit.");
    if (NetworkModel::isPredefined(n) || m_networks->rowOfName(n) >= 0)
        //: Validation message: a network with this name exists; %1 is the name
        return tr("There is already a network called %1.").arg(n);
    return {};
}

QString NetworkController::validateSubnet(const QString &subnet) const
{
    const QString s = subnet.trimmed();
    if (s.isEmpty())
        return {};
    const auto [address, prefix] = QHostAddress::parseSubnet(s);
    if (!s.contains(u'/') || address.isNull() || prefix < 0 || address.protocol() != QAbstractSocket::IPv4Protocol)
        //: Validation message for the subnet field
        return tr("Write the subnet as an address and a prefix length, for example 172.30.0.0/16.");
    if (prefix < 8 || prefix > 30)
        //: Validation message: the prefix length after / is out of range
        return tr("The prefix length after / must be between 8 and 30.");
    return {};
}

QString NetworkController::describeError(const QString &operation, const EngineError &error) const
{
    if (const QString text = unreachableText(error); !text.isEmpty())
        return text;
    if (operation == u"createNetwork") {
        if (error.status == 409)
            //: Creating a network failed because the name is taken
            return tr("There is already a network with this name.");
        if (error.message.contains(u"overlap", Qt::CaseInsensitive))
            //: Creating a network failed because its subnet is used by another network
            return tr("This subnet overlaps a network that already exists. Choose another subnet, or leave it empty.");
        if (error.status == 400)
            //: The engine refused the settings of a new network
            return tr("The engine did not accept these network settings.");
        //: Creating a network failed for another reason
        return tr("The network could not be created.");
    }
    if (operation == u"removeNetwork") {
        if (error.message.contains(u"pre-defined", Qt::CaseInsensitive) ||
            error.message.contains(u"predefined", Qt::CaseInsensitive))
            //: Removing a built-in network was refused
            return tr("Built-in networks cannot be removed.");
        if (error.status == 409 || error.status == 403 || error.message.contains(u"active endpoints"))
            //: Removing a network failed because containers are connected to it
            return tr("Containers are still connected to this network. Remove or disconnect them first.");
        if (error.status == 404)
            //: The network to remove no longer exists
            return tr("This network no longer exists.");
        //: Removing a network failed for another reason
        return tr("The network could not be removed.");
    }
    if (operation == u"inspect")
        //: Loading a network's details failed
        return tr("The details of this network could not be loaded.");
    //: Generic failure message on the Networks screen
    return tr("The engine could not do this.");
}

bool NetworkController::create(const QString &name, const QString &subnet, bool internal)
{
    if (!validateName(name).isEmpty() || !validateSubnet(subnet).isEmpty()) {
        setProblem(QStringLiteral("createNetwork"), [this, name, subnet] {
            const QString p = validateName(name);
            return p.isEmpty() ? validateSubnet(subnet) : p;
        });
        return false;
    }
    clearError();
    begin();
    QMetaObject::invokeMethod(ResourceHub::instance()->requests(), "createNetwork", Qt::QueuedConnection,
                              Q_ARG(QString, name.trimmed()), Q_ARG(QString, subnet.trimmed()), Q_ARG(bool, internal));
    return true;
}

void NetworkController::remove(const QString &id)
{
    clearError();
    begin();
    ResourceHub::instance()->call("removeNetwork", id);
}

void NetworkController::inspect(const QString &id)
{
    m_inspectId = id;
    m_inspectText.clear();
    emit inspectChanged();
    if (id.isEmpty())
        return;
    QMetaObject::invokeMethod(ResourceHub::instance()->requests(), "inspect", Qt::QueuedConnection,
                              Q_ARG(QString, QStringLiteral("network")), Q_ARG(QString, id));
}
