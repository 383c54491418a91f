#pragma once
// The "Search" tab: asks the engine's /images/search, or lists the catalog of the registry
// set in Preferences when the engine cannot search; loads a repository's tags on demand.

#include "models/records.h"
#include "models/searchresultmodel.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

class SearchController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString lastErrorDetail READ lastErrorDetail NOTIFY lastErrorChanged)
    Q_PROPERTY(QString term READ term NOTIFY resultsChanged)
    // "engine" or "catalog": where the results came from (the view says so).
    Q_PROPERTY(QString source READ source NOTIFY resultsChanged)
    Q_PROPERTY(bool searched READ searched NOTIFY resultsChanged)
    Q_PROPERTY(SearchResultModel *results READ results CONSTANT)
    Q_PROPERTY(QString tagsRepository READ tagsRepository NOTIFY tagsChanged)
    Q_PROPERTY(QStringList tags READ tags NOTIFY tagsChanged)
public:
    static SearchController *instance();
    static SearchController *create(QQmlEngine *, QJSEngine *);

    bool busy() const { return m_busy; }
    QString lastError() const { return m_lastError; }
    QString lastErrorDetail() const { return m_lastErrorDetail; }
    QString term() const { return m_term; }
    QString source() const { return m_source; }
    bool searched() const { return m_searched; }
    SearchResultModel *results() const { return m_results; }
    QString tagsRepository() const { return m_tagsRepository; }
    QStringList tags() const { return m_tags; }

public slots:
    void search(const QString &term);
    void loadTags(const QString &repository);

signals:
    void busyChanged();
    void lastErrorChanged();
    void resultsChanged();
    void tagsChanged();

private:
    explicit SearchController(QObject *parent = nullptr);
    void setBusy(bool busy);

    SearchResultModel *m_results;
    bool m_busy = false;
    bool m_searched = false;
    QString m_lastError;
    QString m_lastErrorDetail;
    QString m_term;
    QString m_source;
    QString m_tagsRepository;
    QStringList m_tags;
};
