#include "controllers/searchcontroller.h"

#include "controllers/preferences.h"
#include "engine/engineworker.h"
#include "enginehub.h"
#include "models/searchresultmodel.h"

#include <QJSEngine>

namespace {
SearchController *s_instance = nullptr;
}

SearchController *SearchController::instance()
{
    if (!s_instance)
        s_instance = new SearchController;
    return s_instance;
}

SearchController *SearchController::create(QQmlEngine *, QJSEngine *)
{
    SearchController *c = instance();
    QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
    return c;
}

SearchController::SearchController(QObject *parent) : QObject(parent), m_results(new SearchResultModel(this))
{
    EngineWorker *worker = EngineHub::instance()->worker();
    connect(worker, &EngineWorker::searchFinished, this,
            [this](const QString &term, const QList<SearchRecord> &results, const QString &source) {
                if (term != m_term)
                    return;
                m_results->resetAll(results);
                m_source = source;
                m_searched = true;
                setBusy(false);
                emit resultsChanged();
            });
    connect(worker, &EngineWorker::requestFailed, this,
            [this](const QString &op, const QString &, const EngineError &error) {
                if (op != u"search")
                    return;
                setBusy(false);
                m_results->resetAll({});
                m_searched = true;
                //: The Search tab could not search (the engine cannot, and no registry is set)
                m_lastError = Preferences::instance()->searchRegistry().isEmpty()
                                  ? tr("The engine cannot search here. Set a registry to browse in Preferences.")
                                  //: The Search tab could not list the registry's images
                                  : tr("The search did not work. Check the registry address in Preferences.");
                m_lastErrorDetail = error.status > 0 ? QStringLiteral("HTTP %1: %2").arg(error.status).arg(error.message)
                                                     : error.message;
                emit lastErrorChanged();
                emit resultsChanged();
            });
    connect(worker, &EngineWorker::tagsListed, this, [this](const QString &repository, const QStringList &tags) {
        if (repository != m_tagsRepository)
            return;
        m_tags = tags;
        emit tagsChanged();
    });
}

void SearchController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void SearchController::search(const QString &term)
{
    m_term = term.trimmed();
    if (!m_lastError.isEmpty()) {
        m_lastError.clear();
        m_lastErrorDetail.clear();
        emit lastErrorChanged();
    }
    setBusy(true);
    emit resultsChanged();
    QMetaObject::invokeMethod(EngineHub::instance()->worker(), "search", Qt::QueuedConnection,
                              Q_ARG(QString, m_term), Q_ARG(QString, Preferences::instance()->searchRegistry()));
}

void SearchController::loadTags(const QString &repository)
{
    m_tagsRepository = repository;
    m_tags.clear();
    emit tagsChanged();
    const QString registry = Preferences::instance()->searchRegistry();
    if (registry.isEmpty() || m_source != u"catalog")
        return;
    QMetaObject::invokeMethod(EngineHub::instance()->worker(), "listTags", Qt::QueuedConnection,
                              Q_ARG(QString, registry), Q_ARG(QString, repository));
}
