#include "controllers/actionstatus.h"

#include <QCoreApplication>
#include <QEvent>

ActionStatus::ActionStatus(QObject *parent) : QObject(parent)
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

void ActionStatus::begin()
{
    if (m_pending++ == 0)
        emit busyChanged();
}

void ActionStatus::end()
{
    if (m_pending > 0 && --m_pending == 0)
        emit busyChanged();
}

void ActionStatus::clearError()
{
    if (!m_lastError && m_errorOperation.isEmpty())
        return;
    m_lastError = nullptr;
    m_lastErrorDetail.clear();
    m_errorOperation.clear();
    emit lastErrorChanged();
}

void ActionStatus::clearMessage()
{
    if (!m_lastMessage)
        return;
    m_lastMessage = nullptr;
    emit lastMessageChanged();
}

void ActionStatus::setError(const QString &operation, const EngineError &error)
{
    m_errorOperation = operation;
    m_lastError = [this, operation, error] { return describeError(operation, error); };
    m_lastErrorDetail = error.status > 0 ? QStringLiteral("HTTP %1: %2").arg(error.status).arg(error.message)
                                         : error.message;
    emit lastErrorChanged();
}

void ActionStatus::setProblem(const QString &operation, std::function<QString()> text)
{
    m_errorOperation = operation;
    m_lastError = std::move(text);
    m_lastErrorDetail.clear();
    emit lastErrorChanged();
}

void ActionStatus::setMessage(std::function<QString()> message)
{
    m_lastMessage = std::move(message);
    emit lastMessageChanged();
}

bool ActionStatus::eventFilter(QObject *watched, QEvent *event)
{
    // installTranslator() sends LanguageChange to the application: re-word what is shown.
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) {
        emit lastMessageChanged();
        emit lastErrorChanged();
        ++m_wording;
        emit wordingChanged();
    }
    return QObject::eventFilter(watched, event);
}

QString ActionStatus::unreachableText(const EngineError &error)
{
    if (error.status != 0)
        return {};
    //: An action failed because the engine did not answer
    return QCoreApplication::translate("ActionStatus",
                                       "Berth could not reach the engine. Check that it is running, then try again.");
}
