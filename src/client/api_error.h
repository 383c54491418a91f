// Turns what went wrong on the wire into berth::Error with words a user understands.
//   daemon said no:    op "Error response from daemon", detail = the engine's message verbatim,
//                      kind from the HTTP status (404 NotFound, 409 Conflict, ...)
//   cannot connect:    "Cannot connect to the Berth engine at unix:///... Is berthd running?"
//   not allowed:       "permission denied while connecting to the Berth engine at ... (are you
//                      in the 'berth' group?)"
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::client {

inline constexpr std::string_view kDaemonErrorOp = "Error response from daemon";

ErrorKind kind_from_status(long status);

// Reads {"message": "..."} from an error body; falls back to the body text or the status.
std::string message_from_body(long status, std::string_view body);

// An error the engine answered with.
Error daemon_error(long status, std::string_view body);

// An error a JSON stream carried mid-way ({"error": "...", "errorDetail": {...}}).
Error stream_error(std::string message);

// libcurl could not talk to the engine at all. `os_errno` is CURLINFO_OS_ERRNO.
Error connection_error(const std::string &host_text, int curl_code, int os_errno,
                       const std::string &curl_message);

Error permission_error(const std::string &host_text);

}  // namespace berth::client
