#pragma once
// What the Volumes, Networks and New container controllers share: busy while a request
// runs, the last error in plain words (with the engine's words as the detail and the
// action it belongs to, so the view shows it where the user acted), and the last success
// message. Texts are kept as functions and re-worded when the language changes.

#include "models/records.h"

#include <QObject>

#include <functional>

class ActionStatus : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString lastErrorDetail READ lastErrorDetail NOTIFY lastErrorChanged)
    Q_PROPERTY(QString errorOperation READ errorOperation NOTIFY lastErrorChanged)
    Q_PROPERTY(QString lastMessage READ lastMessage NOTIFY lastMessageChanged)
    // Changes after a language switch, once the new translator is in: a QML binding that
    // calls a validator reads it so its message is worded again.
    Q_PROPERTY(int wording READ wording NOTIFY wordingChanged)
public:
    explicit ActionStatus(QObject *parent = nullptr);

    bool busy() const { return m_pending > 0; }
    QString lastError() const { return m_lastError ? m_lastError() : QString(); }
    QString lastErrorDetail() const { return m_lastErrorDetail; }
    QString errorOperation() const { return m_errorOperation; }
    QString lastMessage() const { return m_lastMessage ? m_lastMessage() : QString(); }
    int wording() const { return m_wording; }

    // The words the user sees for a failed operation (tests check them).
    virtual QString describeError(const QString &operation, const EngineError &error) const = 0;

public slots:
    void clearError();
    void clearMessage();

signals:
    void busyChanged();
    void lastErrorChanged();
    void lastMessageChanged();
    void wordingChanged();

protected:
    void begin();
    void end();
    void setError(const QString &operation, const EngineError &error);
    // A problem found before asking the engine (validation): no detail.
    void setProblem(const QString &operation, std::function<QString()> text);
    void setMessage(std::function<QString()> message);
    bool eventFilter(QObject *watched, QEvent *event) override;
    // "Berth could not reach the engine..." for status 0, else empty.
    static QString unreachableText(const EngineError &error);

private:
    int m_pending = 0;
    int m_wording = 0;
    std::function<QString()> m_lastError;
    QString m_lastErrorDetail;
    QString m_errorOperation;
    std::function<QString()> m_lastMessage;
};
