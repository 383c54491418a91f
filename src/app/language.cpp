#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QQmlEngine>

LanguageSwitcher::LanguageSwitcher(QQmlEngine *engine, QObject *parent) : QObject(parent), m_engine(engine) {}

void LanguageSwitcher::removeTranslators()
{
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    if (m_qtInstalled) {
        QCoreApplication::removeTranslator(&m_qtTranslator);
        m_qtInstalled = false;
    }
}

// Qt's own strings (Open, Cancel, folder names in the file dialogs) come from the system's
// Qt catalogues (Debian: qt6-translations-l10n). qt_<lang> pulls in qtbase and
// qtdeclarative; without the package the dialogs just stay English.
void LanguageSwitcher::installQtTranslator(const QString &language)
{
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const char *catalogue : {"qt", "qtbase"}) {
        if (m_qtTranslator.load(QStringLiteral("%1_%2").arg(QLatin1String(catalogue), language), dir)) {
            m_qtInstalled = QCoreApplication::installTranslator(&m_qtTranslator);
            return;
        }
    }
    qInfo("No Qt translation for language %s in %s", qPrintable(language), qPrintable(dir));
}

bool LanguageSwitcher::apply(const QString &language)
{
    if (language == m_current)
        return true;
    removeTranslators();
    bool ok = true;
    if (language != u"en") {
        // Installed first so Berth's catalogue, installed last, is searched first.
        installQtTranslator(language);
        // qt_add_translations embeds the compiled catalogues under :/i18n.
        ok = m_translator.load(QStringLiteral(":/i18n/berth_%1.qm").arg(language));
        if (ok)
            m_installed = QCoreApplication::installTranslator(&m_translator);
        else
            qWarning("No translation for language %s", qPrintable(language));
    }
    m_current = language;
    if (m_engine)
        m_engine->retranslate();
    return ok;
}
