#include "language.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQmlEngine>

LanguageSwitcher::LanguageSwitcher(QQmlEngine *engine, QObject *parent) : QObject(parent), m_engine(engine) {}

bool LanguageSwitcher::apply(const QString &language)
{
    if (language == m_current)
        return true;
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    bool ok = true;
    if (language != u"en") {
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
