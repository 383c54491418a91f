// Errors on the wire: every failure is {"message": "..."} with the status its
// ErrorKind maps to, as the Engine API documents.
#pragma once

#include <ostream>  // boost/beast/http/status.hpp needs it and does not include it

#include <boost/beast/http/status.hpp>

#include "common/result.h"

namespace berth::api {

boost::beast::http::status http_status(ErrorKind kind);

}  // namespace berth::api
