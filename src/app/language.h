#pragma once
// Switches the interface language while the app runs: swaps the QTranslators (Berth's own
// catalogue and Qt's, for the buttons of Qt's dialogs) and asks the QML engine to
// re-evaluate every qsTr binding.

#include <QObject>
#include <QTranslator>

class QQmlEngine;

class LanguageSwitcher : public QObject {
    Q_OBJECT
public:
    explicit LanguageSwitcher(QQmlEngine *engine, QObject *parent = nullptr);
    // "en" or "ko"; English is the source language and needs no translator.
    bool apply(const QString &language);
    QString current() const { return m_current; }

private:
    void removeTranslators();
    void installQtTranslator(const QString &language);

    QQmlEngine *m_engine;
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    bool m_installed = false;
    bool m_qtInstalled = false;
    QString m_current;
};
