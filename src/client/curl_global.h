// libcurl's process-wide initialisation, done once before the first handle is created.
// It is the only global state of the client library.
#pragma once

namespace berth::client {

void ensure_curl_initialized();

}  // namespace berth::client
