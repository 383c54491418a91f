#include "engine/socketdiagnosis.h"

#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace {
// A fresh connect() tells refused (no listener) from EACCES (no write permission on the
// socket: unix(7) requires write permission to connect).
int probeConnect(const QByteArray &path)
{
    sockaddr_un addr{};
    if (path.size() >= int(sizeof(addr.sun_path)))
        return ENAMETOOLONG;
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    const int rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof(addr));
    const int err = rc < 0 ? errno : 0;
    ::close(fd);
    return err;
}
}  // namespace

SocketDiagnosis diagnoseUnixSocket(const QString &path, int connectErrno, bool isDefaultPath)
{
    const QByteArray native = path.toLocal8Bit();
    struct stat st {};
    if (::stat(native.constData(), &st) < 0) {
        const int err = errno;
        if (err == EACCES)
            return {UnreachableReason::PermissionDenied,
                    QStringLiteral("stat %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(err)))};
        // berthd removes its socket when it stops, so a missing socket in an existing
        // folder (or the default one) means "not running"; a missing folder is more likely
        // a mistyped path.
        struct stat dir {};
        const QByteArray parent = QFileInfo(path).absolutePath().toLocal8Bit();
        const bool folderExists = ::stat(parent.constData(), &dir) == 0 && S_ISDIR(dir.st_mode);
        return {isDefaultPath || folderExists ? UnreachableReason::NotRunning : UnreachableReason::WrongPath,
                QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(err)))};
    }
    if (!S_ISSOCK(st.st_mode))
        return {UnreachableReason::WrongPath, QStringLiteral("%1: not a socket").arg(path)};

    const int err = connectErrno != 0 ? connectErrno : probeConnect(native);
    const QString why = QStringLiteral("connect %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(err)));
    if (err == EACCES || err == EPERM)
        return {UnreachableReason::PermissionDenied, why};
    if (err == ECONNREFUSED || err == ENOENT)
        return {UnreachableReason::NotRunning, why};
    if (err == 0)
        return {UnreachableReason::Other, QStringLiteral("%1 accepts connections but did not answer as an engine").arg(path)};
    return {UnreachableReason::Other, why};
}
