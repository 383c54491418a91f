#pragma once
// Why the engine could not be reached, in terms the "engine not reachable" screen can
// explain: the socket is missing, nobody listens on it, or the user may not open it.

#include <QString>

enum class UnreachableReason {
    None,
    NotRunning,        // the socket is there (or is the default one) but nobody answers
    PermissionDenied,  // the socket refuses this user: not root and not in group 'berth'
    WrongPath,         // a configured socket path that does not exist or is not a socket
    BadAddress,        // the host setting cannot be parsed (ssh://, empty, ...)
    Other,             // anything else; the detail says what
};

struct SocketDiagnosis {
    UnreachableReason reason = UnreachableReason::None;
    QString detail;  // what the check saw, for the "details" line
};

// Looks at a Unix socket path after a failed connect (errno from the attempt, 0 if unknown):
// whether it exists, is a socket, and whether this user may connect to it.
SocketDiagnosis diagnoseUnixSocket(const QString &path, int connectErrno, bool isDefaultPath);
