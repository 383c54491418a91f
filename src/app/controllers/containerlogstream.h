#pragma once
// Follows a container's log (GET /containers/{id}/logs?follow=1&timestamps=1) on a thread
// of its own: the call blocks for as long as the container runs. Lines gather in a batch
// that the GUI thread takes every ~50 ms (takeBatch), so a chatty container costs the GUI
// a handful of model inserts a second, and a quiet one shows its last line promptly.

#include "models/logbatch.h"

#include <QMutex>
#include <QObject>

#include <atomic>

class ContainerLogStream : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // From the GUI thread: the stream of `generation` is the wanted one; older ones end.
    void supersede(int generation)
    {
        m_latest = generation;
        m_cancel = true;
    }
    // From the GUI thread: the lines gathered so far for `generation` (others are dropped).
    LogBatch takeBatch(int generation);

public slots:
    void run(const QString &hostText, const QString &id, bool tty, int generation);

signals:
    // The stream ended (the container stopped, or it failed); error is empty when it just ended.
    void ended(int generation, const QString &error);

private:
    std::atomic<int> m_latest{0};
    std::atomic<bool> m_cancel{false};
    QMutex m_mutex;
    LogBatch m_batch;
    int m_batchGeneration = 0;
};
