#pragma once
// The user's choices, kept with QSettings (~/.config/Berth/berth-desktop.conf):
// engine socket, theme, language, confirmation before remove, registry for search.

#include <QObject>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

class Preferences : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Empty: $BERTH_HOST, then $DOCKER_HOST, then unix:///run/berth/berth.sock.
    Q_PROPERTY(QString engineHost READ engineHost WRITE setEngineHost NOTIFY engineHostChanged)
    // "system", "light" or "dark".
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    // "system", "en" or "ko".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool confirmRemove READ confirmRemove WRITE setConfirmRemove NOTIFY confirmRemoveChanged)
    // host:port of a registry whose catalog the Search tab lists when the engine cannot search.
    Q_PROPERTY(QString searchRegistry READ searchRegistry WRITE setSearchRegistry NOTIFY searchRegistryChanged)
    // The language in effect: "en" or "ko" (the system's when language is "system").
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
public:
    static Preferences *instance();
    static Preferences *create(QQmlEngine *, QJSEngine *);

    QString engineHost() const;
    void setEngineHost(const QString &host);
    QString theme() const;
    void setTheme(const QString &theme);
    QString language() const;
    void setLanguage(const QString &language);
    QString effectiveLanguage() const;
    bool confirmRemove() const;
    void setConfirmRemove(bool confirm);
    QString searchRegistry() const;
    void setSearchRegistry(const QString &registry);

    // Checks an engine address as typed in Preferences; empty when it is usable.
    Q_INVOKABLE QString validateEngineHost(const QString &host) const;

signals:
    void engineHostChanged();
    void themeChanged();
    void languageChanged();
    void confirmRemoveChanged();
    void searchRegistryChanged();

private:
    explicit Preferences(QObject *parent = nullptr);
    QSettings m_settings;
};
