#include "controllers/preferences.h"

#include "client/host.h"

#include <QJSEngine>
#include <QLocale>

namespace {
Preferences *s_instance = nullptr;
const QString kHost = QStringLiteral("engine/host");
const QString kTheme = QStringLiteral("ui/theme");
const QString kLanguage = QStringLiteral("ui/language");
const QString kConfirm = QStringLiteral("ui/confirmRemove");
const QString kRegistry = QStringLiteral("search/registry");
}  // namespace

Preferences *Preferences::instance()
{
    if (!s_instance)
        s_instance = new Preferences;
    return s_instance;
}

Preferences *Preferences::create(QQmlEngine *, QJSEngine *)
{
    Preferences *p = instance();
    QJSEngine::setObjectOwnership(p, QJSEngine::CppOwnership);
    return p;
}

Preferences::Preferences(QObject *parent)
    : QObject(parent), m_settings(QStringLiteral("Berth"), QStringLiteral("berth-desktop"))
{
}

QString Preferences::engineHost() const { return m_settings.value(kHost).toString(); }

void Preferences::setEngineHost(const QString &host)
{
    if (host.trimmed() == engineHost())
        return;
    m_settings.setValue(kHost, host.trimmed());
    emit engineHostChanged();
}

QString Preferences::theme() const { return m_settings.value(kTheme, QStringLiteral("system")).toString(); }

void Preferences::setTheme(const QString &theme)
{
    if (theme == this->theme())
        return;
    m_settings.setValue(kTheme, theme);
    emit themeChanged();
}

QString Preferences::language() const
{
    return m_settings.value(kLanguage, QStringLiteral("system")).toString();
}

void Preferences::setLanguage(const QString &language)
{
    if (language == this->language())
        return;
    m_settings.setValue(kLanguage, language);
    emit languageChanged();
}

QString Preferences::effectiveLanguage() const
{
    const QString chosen = language();
    if (chosen == u"en" || chosen == u"ko")
        return chosen;
    return QLocale().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

bool Preferences::confirmRemove() const { return m_settings.value(kConfirm, true).toBool(); }

void Preferences::setConfirmRemove(bool confirm)
{
    if (confirm == confirmRemove())
        return;
    m_settings.setValue(kConfirm, confirm);
    emit confirmRemoveChanged();
}

QString Preferences::searchRegistry() const
{
    return m_settings.value(kRegistry, qEnvironmentVariable("BERTH_SEARCH_REGISTRY")).toString();
}

void Preferences::setSearchRegistry(const QString &registry)
{
    if (registry.trimmed() == searchRegistry())
        return;
    m_settings.setValue(kRegistry, registry.trimmed());
    emit searchRegistryChanged();
}

QString Preferences::validateEngineHost(const QString &host) const
{
    if (host.trimmed().isEmpty())
        return {};
    auto parsed = berth::client::parse_host(host.trimmed().toStdString());
    if (!parsed)
        //: Shown under the engine address field in Preferences when it cannot be used
        return tr("Use a socket path such as unix:///run/berth/berth.sock, or tcp://host:port.");
    return {};
}
