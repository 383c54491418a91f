#include "api/errors.h"

namespace berth::api {

namespace http = boost::beast::http;

http::status http_status(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::InvalidArgument: return http::status::bad_request;
    case ErrorKind::Unauthorized: return http::status::unauthorized;
    case ErrorKind::Forbidden: return http::status::forbidden;
    case ErrorKind::NotFound: return http::status::not_found;
    case ErrorKind::Conflict: return http::status::conflict;
    case ErrorKind::NotModified: return http::status::not_modified;
    case ErrorKind::Unavailable: return http::status::service_unavailable;
    // A cancelled request has no client left to read the answer; 500 if one is written.
    case ErrorKind::Cancelled:
    case ErrorKind::Internal: break;
    }
    return http::status::internal_server_error;
}

}  // namespace berth::api
