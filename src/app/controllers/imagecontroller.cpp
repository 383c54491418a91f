#include "controllers/imagecontroller.h"

#include "engine/engineworker.h"
#include "enginehub.h"
#include "models/format.h"
#include "models/layermodel.h"
#include "models/pullprogressmodel.h"

#include "common/reference.h"

#include <QCoreApplication>
#include <QEvent>
#include <QJSEngine>

namespace {
ImageController *s_instance = nullptr;
}

ImageController *ImageController::instance()
{
    if (!s_instance)
        s_instance = new ImageController;
    return s_instance;
}

ImageController *ImageController::create(QQmlEngine *, QJSEngine *)
{
    ImageController *c = instance();
    QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
    return c;
}

ImageController::ImageController(QObject *parent)
    : QObject(parent), m_pullProgress(new PullProgressModel(this)), m_layers(new LayerModel(this))
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    EngineHub *hub = EngineHub::instance();
    EngineWorker *worker = hub->worker();
    EngineWorker *puller = hub->pullWorker();

    connect(puller, &EngineWorker::pullProgress, m_pullProgress, &PullProgressModel::apply);
    connect(puller, &EngineWorker::pullFinished, this,
            [this](const QString &reference, bool ok, bool cancelled, const EngineError &error) {
                if (reference != m_pullReference)
                    return;
                if (ok) {
                    m_pullProgress->markFinished();
                    m_pullState = QStringLiteral("done");
                    setMessage([reference] {
                        //: Shown after an image was downloaded; %1 is the image name
                        return tr("%1 is ready.").arg(reference);
                    });
                } else if (cancelled) {
                    m_pullState = QStringLiteral("cancelled");
                    setMessage([reference] {
                        //: Shown after the user cancelled a download; %1 is the image name
                        return tr("Download of %1 cancelled.").arg(reference);
                    });
                } else {
                    m_pullState = QStringLiteral("failed");
                    setError(QStringLiteral("pull"), error);
                }
                emit pullStateChanged();
                emit pullFinished(reference, ok);
            });

    connect(worker, &EngineWorker::historyLoaded, this, [this](const QString &id, const QList<LayerRecord> &layers) {
        end();
        if (id == m_layersImageId)
            m_layers->resetAll(layers);
    });
    connect(worker, &EngineWorker::imageRemoved, this, [this](const QString &id, const QStringList &) {
        end();
        setMessage([] {
            //: Shown after an image was removed
            return tr("Image removed.");
        });
        emit removed(id);
    });
    connect(worker, &EngineWorker::imageTagged, this, [this](const QString &, const QString &name) {
        end();
        setMessage([name] {
            //: Shown after an image got a new name; %1 is the new name
            return tr("Tagged as %1.").arg(name);
        });
        emit tagged(name);
    });
    connect(worker, &EngineWorker::imagesPruned, this, [this](int count, qint64 bytes) {
        end();
        setMessage([count, bytes] {
            if (count == 0)
                //: Shown after "Remove unused" found nothing to remove
                return tr("No dangling images to remove.");
            //: Shown after unused images were removed; %1 is how many, %2 the space freed (e.g. "12 MB")
            return tr("Removed dangling images: %1, freed %2.").arg(count).arg(format::bytes(bytes));
        });
        emit pruned(count);
    });
    connect(worker, &EngineWorker::requestFailed, this,
            [this](const QString &op, const QString &, const EngineError &error) {
                static const QStringList mine = {QStringLiteral("remove"), QStringLiteral("tag"),
                                                 QStringLiteral("prune"), QStringLiteral("history")};
                if (!mine.contains(op))
                    return;
                end();
                setError(op, error);
            });
}

void ImageController::begin()
{
    if (m_pending++ == 0)
        emit busyChanged();
}

void ImageController::end()
{
    if (m_pending > 0 && --m_pending == 0)
        emit busyChanged();
}

void ImageController::setMessage(std::function<QString()> message)
{
    m_lastMessage = std::move(message);
    emit lastMessageChanged();
}

bool ImageController::eventFilter(QObject *watched, QEvent *event)
{
    // installTranslator() sends LanguageChange to the application: re-word what is shown.
    if (event->type() == QEvent::LanguageChange) {
        emit lastMessageChanged();
        emit lastErrorChanged();
    }
    return QObject::eventFilter(watched, event);
}

void ImageController::clearError()
{
    if (!m_lastError && !m_canForceRemove)
        return;
    m_lastError = nullptr;
    m_lastErrorDetail.clear();
    m_errorOperation.clear();
    m_canForceRemove = false;
    emit lastErrorChanged();
}

void ImageController::setError(const QString &operation, const EngineError &error)
{
    m_errorOperation = operation;
    m_lastError = [this, operation, error] { return describeError(operation, error); };
    m_lastErrorDetail = error.status > 0 ? QStringLiteral("HTTP %1: %2").arg(error.status).arg(error.message)
                                         : error.message;
    m_canForceRemove = operation == u"remove" && error.status == 409;
    emit lastErrorChanged();
}

QString ImageController::describeError(const QString &operation, const EngineError &error) const
{
    if (error.status == 0)
        //: An action failed because the engine did not answer
        return tr("Berth could not reach the engine. Check that it is running, then try again.");
    if (operation == u"pull") {
        if (error.status == 404 || error.message.contains(u"not found", Qt::CaseInsensitive) ||
            error.message.contains(u"manifest unknown", Qt::CaseInsensitive))
            //: A download failed because the registry has no such image
            return tr("The registry has no image with this name and tag. Check the spelling and the tag.");
        if (error.status == 401 || error.status == 403 ||
            error.message.contains(u"unauthorized", Qt::CaseInsensitive))
            //: A download failed because the registry wants a login
            return tr("The registry refused access to this image. It may be private or need a login.");
        //: A download failed for another reason; details are shown below
        return tr("The image could not be downloaded.");
    }
    if (operation == u"remove") {
        if (error.status == 409)
            //: Removing an image failed because a container still uses it
            return tr("This image is used by a container. Remove the container first, or remove the image anyway.");
        if (error.status == 404)
            //: The image to remove no longer exists
            return tr("This image no longer exists.");
        //: Removing an image failed for another reason
        return tr("The image could not be removed.");
    }
    if (operation == u"tag") {
        if (error.status == 400)
            //: The engine refused the new name given to an image
            return tr("The engine did not accept this name.");
        //: Giving an image a new name failed
        return tr("The image could not be tagged.");
    }
    if (operation == u"prune")
        //: Removing unused images failed
        return tr("Unused images could not be removed.");
    if (operation == u"history")
        //: Loading the layers of an image failed
        return tr("The layers of this image could not be loaded.");
    //: Generic failure message
    return tr("The engine could not do this.");
}

QString ImageController::validateReference(const QString &text) const
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        //: Validation message under the "Pull by name" field when it is empty
        return tr("Type an image name, for example busybox or nginx:1.25.");
    if (t.contains(u' '))
        //: Validation message: image names have no spaces
        return tr("Image names cannot contain spaces.");
    auto ref = berth::parse_reference(t.toStdString());
    if (!ref) {
        if (t != t.toLower())
            //: Validation message: image names are lowercase
            return tr("Image names must be lowercase.");
        //: Validation message for a malformed image name
        return tr("This is not a valid image name. Use name, name:tag or registry/name:tag.");
    }
    return {};
}

QString ImageController::validateNewName(const QString &text) const
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        //: Validation message in the Tag dialog when the name is empty
        return tr("Type the new name, for example myapp:1.0.");
    if (t.contains(u'@'))
        //: Validation message: a new name cannot carry a digest
        return tr("A new name cannot contain a digest (@sha256:...).");
    return validateReference(t);
}

void ImageController::pull(const QString &reference)
{
    if (pulling() || !validateReference(reference).isEmpty())
        return;
    clearError();
    m_pullReference = reference.trimmed();
    m_pullProgress->clear();
    m_pullState = QStringLiteral("pulling");
    emit pullStateChanged();
    QMetaObject::invokeMethod(EngineHub::instance()->pullWorker(), "pull", Qt::QueuedConnection,
                              Q_ARG(QString, m_pullReference));
}

void ImageController::cancelPull()
{
    if (pulling())
        EngineHub::instance()->pullWorker()->cancelPull();
}

void ImageController::remove(const QString &imageId, bool force)
{
    clearError();
    begin();
    QMetaObject::invokeMethod(EngineHub::instance()->worker(), "removeImage", Qt::QueuedConnection,
                              Q_ARG(QString, imageId), Q_ARG(bool, force));
}

void ImageController::tag(const QString &imageId, const QString &newName)
{
    const QString problem = validateNewName(newName);
    if (!problem.isEmpty()) {
        m_errorOperation = QStringLiteral("tag");
        m_lastError = [this, newName] { return validateNewName(newName); };
        m_lastErrorDetail.clear();
        emit lastErrorChanged();
        return;
    }
    clearError();
    const QString t = newName.trimmed();
    const int slash = t.lastIndexOf(u'/');
    const int colon = t.lastIndexOf(u':');
    const QString repo = colon > slash ? t.left(colon) : t;
    const QString tagName = colon > slash ? t.mid(colon + 1) : QStringLiteral("latest");
    begin();
    QMetaObject::invokeMethod(EngineHub::instance()->worker(), "tagImage", Qt::QueuedConnection,
                              Q_ARG(QString, imageId), Q_ARG(QString, repo), Q_ARG(QString, tagName));
}

void ImageController::prune()
{
    clearError();
    begin();
    QMetaObject::invokeMethod(EngineHub::instance()->worker(), "pruneImages", Qt::QueuedConnection);
}

void ImageController::loadLayers(const QString &imageId)
{
    if (imageId == m_layersImageId && m_layers->rowCount() > 0)
        return;
    m_layersImageId = imageId;
    m_layers->resetAll({});
    emit layersChanged();
    if (imageId.isEmpty())
        return;
    begin();
    QMetaObject::invokeMethod(EngineHub::instance()->worker(), "loadHistory", Qt::QueuedConnection,
                              Q_ARG(QString, imageId));
}
