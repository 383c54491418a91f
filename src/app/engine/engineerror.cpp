#include "engine/engineerror.h"

#include "client/api_error.h"

#include <QString>

int httpStatusOf(berth::ErrorKind kind)
{
    switch (kind) {
    case berth::ErrorKind::InvalidArgument: return 400;
    case berth::ErrorKind::Unauthorized: return 401;
    case berth::ErrorKind::Forbidden: return 403;
    case berth::ErrorKind::NotFound: return 404;
    case berth::ErrorKind::Conflict: return 409;
    case berth::ErrorKind::NotModified: return 304;
    case berth::ErrorKind::Unavailable: return 503;
    case berth::ErrorKind::Internal: return 500;
    case berth::ErrorKind::Cancelled: return 0;
    }
    return 500;
}

EngineError toEngineError(const berth::Error &e)
{
    if (e.op == berth::client::kDaemonErrorOp)
        return EngineError{httpStatusOf(e.kind), QString::fromStdString(e.detail)};
    return EngineError{0, QString::fromStdString(e.message())};
}
