#pragma once
// The Settings tab of a container as a form: loaded from the container's inspect JSON,
// checked as the user types (plain-words messages per field and per table row), and
// turned into the create request that recreates the container with the new settings
// (Engine API POST /containers/create: Config, HostConfig, NetworkingConfig).

#include "models/settingsrows.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class SettingsController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // General
    Q_PROPERTY(QString name MEMBER m_name NOTIFY formChanged)
    Q_PROPERTY(QString image READ image NOTIFY loaded)
    // "no", "always", "unless-stopped", "on-failure"
    Q_PROPERTY(QString restartPolicy MEMBER m_restartPolicy NOTIFY formChanged)
    Q_PROPERTY(int maxRetries MEMBER m_maxRetries NOTIFY formChanged)
    // Limits as typed; empty means no limit. Memory units are "MB" and "GB" (MiB and GiB,
    // as `docker run -m 512m` counts).
    Q_PROPERTY(QString memory MEMBER m_memory NOTIFY formChanged)
    Q_PROPERTY(QString memoryUnit MEMBER m_memoryUnit NOTIFY formChanged)
    Q_PROPERTY(QString cpus MEMBER m_cpus NOTIFY formChanged)
    Q_PROPERTY(QString pidsLimit MEMBER m_pidsLimit NOTIFY formChanged)
    // Advanced
    Q_PROPERTY(bool tty MEMBER m_tty NOTIFY formChanged)
    Q_PROPERTY(bool openStdin MEMBER m_openStdin NOTIFY formChanged)
    Q_PROPERTY(bool privileged MEMBER m_privileged NOTIFY formChanged)
    // Network: its name ("bridge", "host", "none", a user network) and aliases, separated
    // by commas or spaces.
    Q_PROPERTY(QString network MEMBER m_network NOTIFY formChanged)
    Q_PROPERTY(QString aliases MEMBER m_aliases NOTIFY formChanged)
    // Tables: env {key, value}; ports {containerPort, protocol, hostIp, hostPort, random};
    // volumes {containerPath, kind ("folder"|"volume"), source, readOnly}.
    Q_PROPERTY(SettingsRows *env READ env CONSTANT)
    Q_PROPERTY(SettingsRows *ports READ ports CONSTANT)
    Q_PROPERTY(SettingsRows *volumes READ volumes CONSTANT)
    // Validation: one message per field (empty when fine), and whether all is fine.
    Q_PROPERTY(QString nameError READ nameError NOTIFY validated)
    Q_PROPERTY(QString memoryError READ memoryError NOTIFY validated)
    Q_PROPERTY(QString cpusError READ cpusError NOTIFY validated)
    Q_PROPERTY(QString pidsError READ pidsError NOTIFY validated)
    Q_PROPERTY(QString aliasesError READ aliasesError NOTIFY validated)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY validated)
    Q_PROPERTY(bool valid READ valid NOTIFY validated)
    // True once the user changed something since the last load.
    Q_PROPERTY(bool dirty READ dirty NOTIFY dirtyChanged)
public:
    explicit SettingsController(QObject *parent = nullptr);

    QString image() const { return m_image; }
    SettingsRows *env() const { return m_env; }
    SettingsRows *ports() const { return m_ports; }
    SettingsRows *volumes() const { return m_volumes; }
    QString nameError() const { return m_nameError; }
    QString memoryError() const { return m_memoryError; }
    QString cpusError() const { return m_cpusError; }
    QString pidsError() const { return m_pidsError; }
    QString aliasesError() const { return m_aliasesError; }
    int errorCount() const { return m_errorCount; }
    bool valid() const { return m_errorCount == 0; }
    bool dirty() const { return m_dirty; }

    // Fills the form from GET /containers/{id}/json.
    void load(const QJsonObject &inspect);
    Q_INVOKABLE void loadJson(const QString &inspectJson);
    // Back to what was loaded last.
    Q_INVOKABLE void revert();
    // The create request for the form's settings: the loaded Config and HostConfig with
    // the form on top (what the form does not show, such as the command, is kept).
    QJsonObject createRequest() const;
    Q_INVOKABLE QString createRequestJson() const;
    // The memory limit in bytes (0 for none); -1 when the text is not a number.
    qint64 memoryBytes() const;

    // Adds a port row for the next free container port; convenience for the view.
    Q_INVOKABLE int addPort();

public slots:
    void validate();

signals:
    void formChanged();
    void loaded();
    void validated();
    void dirtyChanged();

private:
    QStringList validateEnv() const;
    QStringList validatePorts() const;
    QStringList validateVolumes() const;
    QStringList aliasList() const;
    void setDirty(bool dirty);

    QJsonObject m_inspect;
    QString m_name;
    QString m_image;
    QString m_restartPolicy = QStringLiteral("no");
    int m_maxRetries = 0;
    QString m_memory;
    QString m_memoryUnit = QStringLiteral("MB");
    QString m_cpus;
    QString m_pidsLimit;
    bool m_tty = false;
    bool m_openStdin = false;
    bool m_privileged = false;
    QString m_network;
    QString m_aliases;
    SettingsRows *m_env;
    SettingsRows *m_ports;
    SettingsRows *m_volumes;
    QString m_nameError, m_memoryError, m_cpusError, m_pidsError, m_aliasesError;
    int m_errorCount = 0;
    bool m_dirty = false;
    bool m_loading = false;
};
