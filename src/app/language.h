#pragma once
// Switches the interface language while the app runs: swaps the QTranslator and asks the
// QML engine to re-evaluate every qsTr binding.

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
    QQmlEngine *m_engine;
    QTranslator m_translator;
    bool m_installed = false;
    QString m_current;
};
