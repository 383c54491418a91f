#include "controllers/containerlogstream.h"

#include "engine/engineerror.h"

#include "client/containers.h"
#include "client/engine_client.h"
#include "client/host.h"

#include <QMutexLocker>

LogBatch ContainerLogStream::takeBatch(int generation)
{
    QMutexLocker lock(&m_mutex);
    LogBatch out;
    if (m_batchGeneration == generation)
        std::swap(out, m_batch);
    return out;
}

void ContainerLogStream::run(const QString &hostText, const QString &id, bool tty, int generation)
{
    if (generation != m_latest)
        return;
    m_cancel = false;
    // A newer stream was asked for between the check and the reset: leave it the field.
    if (generation != m_latest)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_batch.clear();
        m_batchGeneration = generation;
    }
    std::optional<std::string> explicitHost;
    if (!hostText.isEmpty())
        explicitHost = hostText.toStdString();
    auto client = berth::client::make_client(explicitHost);
    if (!client) {
        emit ended(generation, QString::fromStdString(client.error().message()));
        return;
    }
    LogLineSplitter splitter(true);
    berth::client::LogsOptions options;
    options.follow = true;
    options.timestamps = true;
    LogBatch local;
    auto r = berth::client::container_logs(
        *client, id.toStdString(), options, tty,
        [&](berth::client::StreamKind kind, std::string_view data) {
            const LogStream stream = kind == berth::client::StreamKind::Stderr ? LogStream::Stderr
                                   : kind == berth::client::StreamKind::System ? LogStream::System
                                                                               : LogStream::Stdout;
            splitter.feed(stream, QByteArrayView(data.data(), qsizetype(data.size())), local);
            if (!local.isEmpty()) {
                QMutexLocker lock(&m_mutex);
                m_batch.append(local);
                local.clear();
            }
            return !m_cancel.load();
        },
        &m_cancel);
    splitter.finish(local);
    if (!local.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        m_batch.append(local);
    }
    QString error;
    if (!r && r.error().kind != berth::ErrorKind::Cancelled)
        error = toEngineError(r.error()).message;
    emit ended(generation, error);
}
