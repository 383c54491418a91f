#include "controllers/createcontroller.h"

#include "controllers/imagecontroller.h"
#include "engine/resourcehub.h"
#include "engine/resourceworker.h"

#include <QJSEngine>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace {
CreateController *s_instance = nullptr;

// Short, easy to read and to say: "busybox-calm-otter".
const char *const kAdjectives[] = {"brave", "calm", "eager", "fancy", "gentle", "happy", "jolly", "kind",
                                   "lively", "merry", "nimble", "proud", "quick", "quiet", "sunny", "witty"};
const char *const kNouns[] = {"otter", "heron", "falcon", "badger", "panda", "tiger", "koala", "lynx",
                              "beaver", "dolphin", "eagle", "fox", "gecko", "owl", "puffin", "whale"};

template <std::size_t N>
QString pick(const char *const (&words)[N])
{
    return QString::fromLatin1(words[QRandomGenerator::global()->bounded(int(N))]);
}
}  // namespace

CreateController *CreateController::instance()
{
    if (!s_instance)
        s_instance = new CreateController;
    return s_instance;
}

CreateController *CreateController::create(QQmlEngine *, QJSEngine *)
{
    CreateController *c = instance();
    QJSEngine::setObjectOwnership(c, QJSEngine::CppOwnership);
    return c;
}

CreateController::CreateController(QObject *parent) : ActionStatus(parent)
{
    ResourceWorker *creator = ResourceHub::instance()->creator();
    connect(creator, &ResourceWorker::imageChecked, this, [this](const QString &reference, bool present) {
        if (m_step != u"checking" || reference != m_reference)
            return;
        if (present) {
            createNow();
            return;
        }
        ImageController *images = ImageController::instance();
        if (images->pulling()) {
            //: Create could not download the image because another download runs
            setProblem(QStringLiteral("pull"), [] { return tr("Another image is downloading. Wait for it to finish, then try again."); });
            setStep(QStringLiteral("failed"));
            return;
        }
        setStep(QStringLiteral("pulling"));
        images->pull(m_reference);
    });
    connect(ImageController::instance(), &ImageController::pullFinished, this, [this](const QString &reference, bool ok) {
        if (m_step != u"pulling" || reference != m_reference)
            return;
        if (ok) {
            createNow();
            return;
        }
        if (ImageController::instance()->pullState() == u"cancelled") {
            setStep(QStringLiteral("cancelled"));
            return;
        }
        // PullPanel shows the pull's own error (ImageController's, with its details).
        setProblem(QStringLiteral("pull"), [] {
            //: Create stopped because the image download failed (the reason is shown above)
            return tr("The image could not be downloaded, so no container was created.");
        });
        setStep(QStringLiteral("failed"));
    });
    connect(creator, &ResourceWorker::containerCreated, this, [this](const QString &id, const QString &name) {
        if (m_step != u"creating")
            return;
        m_containerId = id;
        m_containerName = name;
        setStep(QStringLiteral("starting"));
    });
    connect(creator, &ResourceWorker::containerStarted, this, [this](const QString &id, const QString &name) {
        if (m_step != u"starting")
            return;
        m_containerName = name;
        setMessage([name] {
            //: Shown when the new container runs; %1 is its name
            return tr("%1 is running.").arg(name);
        });
        setStep(QStringLiteral("done"));
        emit containerOpened(id);
    });
    connect(creator, &ResourceWorker::createFailed, this, [this](const QString &step, const QString &, const EngineError &e) {
        if (!running())
            return;
        fail(step, e);
    });
}

bool CreateController::running() const
{
    return m_step == u"checking" || m_step == u"pulling" || m_step == u"creating" || m_step == u"starting";
}

void CreateController::setStep(const QString &step)
{
    if (step == m_step)
        return;
    m_step = step;
    emit stepChanged();
}

void CreateController::fail(const QString &step, const EngineError &error)
{
    setError(step, error);
    setStep(QStringLiteral("failed"));
}

QString CreateController::suggestName(const QString &reference)
{
    QString base = reference.trimmed();
    base = base.section(u'@', 0, 0);
    base = base.section(u'/', -1);
    base = base.section(u':', 0, 0).toLower();
    if (base.startsWith(QStringLiteral("sha256")))
        base.clear();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9_.-]")), QStringLiteral("-"));
    base.remove(QRegularExpression(QStringLiteral("^[^a-z0-9]+")));
    if (base.isEmpty())
        base = QStringLiteral("container");
    return QStringLiteral("%1-%2-%3").arg(base.left(40), pick(kAdjectives), pick(kNouns));
}

QString CreateController::describeError(const QString &operation, const EngineError &error) const
{
    if (const QString text = unreachableText(error); !text.isEmpty())
        return text;
    if (operation == u"check")
        //: Create failed while looking for the image on this computer
        return tr("Berth could not check whether this image is on this computer.");
    if (operation == u"create") {
        if (error.status == 404)
            //: Create failed because the image disappeared
            return tr("The image is no longer on this computer. Pull it again, then create the container.");
        if (error.status == 400)
            //: The engine refused the container settings
            return tr("The engine did not accept the settings for this container.");
        //: Creating a container failed for another reason
        return tr("The container could not be created.");
    }
    if (operation == u"start") {
        if (error.message.contains(u"port is already allocated", Qt::CaseInsensitive) ||
            error.message.contains(u"address already in use", Qt::CaseInsensitive))
            //: The new container did not start because a port is taken; %1 is its name
            return tr("%1 was created but did not start: a port it needs is already in use.").arg(m_containerName);
        //: The new container did not start; %1 is its name
        return tr("%1 was created but did not start. Open it to see its logs and settings.").arg(m_containerName);
    }
    //: Generic failure message of the Create button
    return tr("The container could not be created.");
}

bool CreateController::createFrom(const QString &reference, const QString &origin)
{
    if (running())
        return false;
    const QString ref = reference.trimmed();
    m_origin = origin;
    m_containerId.clear();
    m_containerName.clear();
    clearMessage();
    if (!ref.startsWith(QStringLiteral("sha256:"))) {
        const QString problem = ImageController::instance()->validateReference(ref);
        if (!problem.isEmpty()) {
            setProblem(QStringLiteral("check"), [ref] { return ImageController::instance()->validateReference(ref); });
            m_reference = ref;
            setStep(QStringLiteral("failed"));
            return false;
        }
    }
    clearError();
    m_reference = ref;
    setStep(QStringLiteral("checking"));
    QMetaObject::invokeMethod(ResourceHub::instance()->creator(), "checkImage", Qt::QueuedConnection,
                              Q_ARG(QString, ref));
    return true;
}

void CreateController::createNow()
{
    m_containerName = suggestName(m_reference);
    setStep(QStringLiteral("creating"));
    QMetaObject::invokeMethod(ResourceHub::instance()->creator(), "createAndStart", Qt::QueuedConnection,
                              Q_ARG(QString, m_reference), Q_ARG(QString, m_containerName));
}

void CreateController::cancel()
{
    // Only the download can be stopped: create and start are single quick requests.
    if (m_step == u"pulling")
        ImageController::instance()->cancelPull();
}

void CreateController::reset()
{
    if (running())
        return;
    clearError();
    clearMessage();
    setStep(QStringLiteral("idle"));
}
