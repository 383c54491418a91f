// One HTTP connection to the engine through libcurl: Unix socket or TCP, keep-alive
// between requests, bodies collected or streamed as they arrive, cancellable.
// Not thread-safe: one transport (one EngineClient) per thread.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/host.h"
#include "client/query.h"
#include "common/result.h"

namespace berth::client {

struct HttpRequest {
    std::string method = "GET";
    std::string path;  // already versioned: "/v1.43/images/json"
    Query query;
    std::optional<std::string> body;
    // Instead of `body`: a body produced while it is sent (chunked), for uploads too large
    // to hold (docker cp's tar). Fills the buffer, returns the count, 0 at the end; an
    // error aborts the request and perform() returns it.
    std::function<Result<std::size_t>(char *buf, std::size_t size)> body_source;
    std::string content_type = "application/json";
    std::vector<std::string> headers;  // extra "Name: value" lines
    // Checked while waiting and for every chunk; set from any thread to abort the
    // transfer, which then fails with ErrorKind::Cancelled.
    const std::atomic<bool> *cancel = nullptr;
    // 0 means no limit (streams: pull, events, logs -f).
    long timeout_ms = 0;
    // When set, a 2xx body is handed over chunk by chunk instead of collected. Returning
    // false ends the transfer early; perform() still succeeds.
    std::function<bool(std::string_view)> on_body;
};

struct HttpResponse {
    long status = 0;
    std::string body;  // whole body; with on_body only the body of an error status
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string header(const std::string &lower_name) const {
        auto it = headers.find(lower_name);
        return it == headers.end() ? std::string() : it->second;
    }
};

class HttpTransport {
public:
    explicit HttpTransport(Host host);
    ~HttpTransport();
    HttpTransport(HttpTransport &&other) noexcept;
    HttpTransport &operator=(HttpTransport &&other) noexcept;
    HttpTransport(const HttpTransport &) = delete;
    HttpTransport &operator=(const HttpTransport &) = delete;

    // Fails only when no HTTP exchange happened (connect error, cancelled, transfer cut);
    // an HTTP error status is a successful perform() with that status.
    Result<HttpResponse> perform(const HttpRequest &request);

    const Host &host() const { return host_; }

    // Each request's method, path and status are reported here when set (--debug).
    std::function<void(const std::string &)> debug_log;

private:
    Host host_;
    void *curl_ = nullptr;  // CURL*, kept out of the header
};

}  // namespace berth::client
