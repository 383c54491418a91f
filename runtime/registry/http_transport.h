// One HTTP exchange over libcurl: a fresh easy handle per call (so calls from several threads
// never share one), TLS trust from TlsSettings, no automatic redirects (the session decides
// where the Authorization header may go), timeouts so a dead peer can't hang a pull.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <curl/curl.h>

#include "registry/tls_settings.h"

namespace berth::images::registry {

struct HttpRequest {
    std::string method = "GET";  // GET, HEAD or POST
    std::string url;
    std::vector<std::string> headers;  // "Name: value"
    std::string body;                  // POST only
};

struct HttpResponse {
    long status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names lowercased, in order
    std::string body;  // error bodies (capped), and 2xx bodies when no sink took them
    std::string url;   // the URL this response came from

    std::string header(std::string_view name) const;  // the first value, or ""
    std::vector<std::string> header_values(std::string_view name) const;
};

// Receives a successful (2xx) response body as it streams in. Returning false aborts the
// transfer (the sink remembers why).
class BodySink {
public:
    virtual ~BodySink() = default;
    virtual bool write(const char *data, std::size_t size) = 0;
};

struct TransferOptions {
    BodySink *sink = nullptr;                // nullptr: keep a 2xx body in HttpResponse::body
    std::size_t max_body = 4 << 20;          // cap for a body kept in memory
    const std::atomic<bool> *cancel = nullptr;
};

struct TransferResult {
    CURLcode code = CURLE_OK;
    std::string error;   // libcurl's description when code != CURLE_OK
    bool body_too_large = false;
    bool sink_refused = false;
    bool cancelled = false;
    HttpResponse response;

    bool ok() const { return code == CURLE_OK; }
};

class HttpTransport {
public:
    explicit HttpTransport(TlsSettings tls) : tls_(std::move(tls)) {}
    TransferResult perform(const HttpRequest &request, const TransferOptions &options) const;

private:
    TlsSettings tls_;
};

// Connection-level failures that a later attempt may not hit (refused, reset, timed out).
bool is_transient(CURLcode code);
// The server spoke TLS but its certificate (or ours) was not accepted: plain HTTP to the
// same port can't help, so there is no fallback after this.
bool is_certificate_failure(CURLcode code);

// Resolves a Location or Link target against the URL it came from.
std::string resolve_url(const std::string &base, const std::string &target);
// "scheme://host:port" of a URL (with the default port made explicit), "" when unparsable.
std::string url_origin(const std::string &url);

}  // namespace berth::images::registry
