#include "client/curl_global.h"

#include <curl/curl.h>

#include <mutex>

namespace berth::client {

void ensure_curl_initialized() {
    // curl_global_init is not thread-safe on its own; call_once makes the first
    // EngineClient on any thread do it exactly once. Never cleaned up: the process
    // exit releases it, and a cleanup racing another thread's handle would be worse.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace berth::client
