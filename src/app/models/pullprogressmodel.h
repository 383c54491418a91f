#pragma once
// Progress of one pull: a row per layer, and the overall progress in bytes.
// Fed with batches of stream messages (the engine thread batches them every ~50 ms).

#include "models/records.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class PullProgressModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PullProgressModel is owned by ImageController")
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(qint64 currentBytes READ currentBytes NOTIFY progressChanged)
    Q_PROPERTY(qint64 totalBytes READ totalBytes NOTIFY progressChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(int layerCount READ rowCount NOTIFY progressChanged)
    Q_PROPERTY(int layersDone READ layersDone NOTIFY progressChanged)
    Q_PROPERTY(QString lastStatus READ lastStatus NOTIFY progressChanged)
public:
    enum class Phase { Waiting, Downloading, Verifying, Downloaded, Extracting, Done };
    Q_ENUM(Phase)
    enum Role { LayerIdRole = Qt::UserRole + 1, StatusRole, PhaseRole, CurrentRole, TotalRole, FractionRole };

    explicit PullProgressModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // 0..1 over the bytes of the layers whose size is known; 1 when every layer is done.
    double progress() const;
    qint64 currentBytes() const;
    qint64 totalBytes() const;
    QString progressText() const;
    int layersDone() const;
    QString lastStatus() const { return m_lastStatus; }

public slots:
    void apply(const QList<PullMessage> &batch);
    void clear();
    void markFinished();

signals:
    void progressChanged();

private:
    struct Layer {
        QString id;
        QString status;
        Phase phase = Phase::Waiting;
        qint64 downloaded = 0;  // bytes fetched so far
        qint64 size = -1;       // compressed size, from the first Downloading message
        qint64 extracted = 0;
    };
    static Phase phaseOf(const QString &status, Phase previous);
    double layerFraction(const Layer &l) const;
    int rowOf(const QString &id) const;

    QList<Layer> m_layers;
    QString m_lastStatus;
    bool m_finished = false;
};
