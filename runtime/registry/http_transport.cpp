#include "registry/http_transport.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

#include "util/ascii.h"

namespace berth::images::registry {
namespace {

// A registry that stops sending for this long is considered dead (bytes/s over seconds).
constexpr long kLowSpeedLimit = 1024;
constexpr long kLowSpeedTime = 30;
constexpr long kConnectTimeout = 15;
constexpr std::size_t kErrorBodyCap = 64 << 10;
// Larger reads for streamed blobs: fewer callbacks and write(2)s per layer.
constexpr long kStreamBufferSize = 512 << 10;

void global_init_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

struct Exchange {
    CURL *curl = nullptr;
    const TransferOptions *options = nullptr;
    TransferResult *result = nullptr;
};

size_t on_header(char *data, size_t size, size_t count, void *user) {
    auto *ex = static_cast<Exchange *>(user);
    const std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        ex->result->response.headers.clear();  // a new response (after 100 Continue, say)
        return line.size();
    }
    const auto colon = line.find(':');
    if (colon != std::string_view::npos)
        ex->result->response.headers.emplace_back(util::ascii_lower(trim(line.substr(0, colon))),
                                                  std::string(trim(line.substr(colon + 1))));
    return line.size();
}

size_t on_body(char *data, size_t size, size_t count, void *user) {
    auto *ex = static_cast<Exchange *>(user);
    const size_t n = size * count;
    long status = 0;
    curl_easy_getinfo(ex->curl, CURLINFO_RESPONSE_CODE, &status);
    const bool success = status >= 200 && status < 300;
    if (success && ex->options->sink) {
        if (!ex->options->sink->write(data, n)) {
            ex->result->sink_refused = true;
            return 0;  // makes libcurl fail with CURLE_WRITE_ERROR
        }
        return n;
    }
    std::string &body = ex->result->response.body;
    const size_t cap = success ? ex->options->max_body : kErrorBodyCap;
    if (body.size() + n > cap) {
        if (success) {
            ex->result->body_too_large = true;
            return 0;
        }
        body.append(data, cap - body.size());  // an error body is only read for its message
        return n;
    }
    body.append(data, n);
    return n;
}

int on_progress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto *ex = static_cast<Exchange *>(user);
    if (ex->options->cancel && ex->options->cancel->load()) {
        ex->result->cancelled = true;
        return 1;  // CURLE_ABORTED_BY_CALLBACK
    }
    return 0;
}

struct CurlDeleter {
    void operator()(CURL *c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
    const std::string key = util::ascii_lower(name);
    for (const auto &[k, v] : headers)
        if (k == key) return v;
    return {};
}

std::vector<std::string> HttpResponse::header_values(std::string_view name) const {
    const std::string key = util::ascii_lower(name);
    std::vector<std::string> out;
    for (const auto &[k, v] : headers)
        if (k == key) out.push_back(v);
    return out;
}

TransferResult HttpTransport::perform(const HttpRequest &request, const TransferOptions &options) const {
    global_init_once();
    TransferResult result;
    result.response.url = request.url;
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        result.code = CURLE_FAILED_INIT;
        result.error = "curl_easy_init failed";
        return result;
    }
    Exchange ex{curl.get(), &options, &result};
    char errbuf[CURL_ERROR_SIZE] = {};

    std::unique_ptr<curl_slist, SlistDeleter> headers;
    for (const auto &h : request.headers) {
        curl_slist *next = curl_slist_append(headers.get(), h.c_str());
        if (!next) {
            result.code = CURLE_OUT_OF_MEMORY;
            result.error = "out of memory";
            return result;
        }
        (void)headers.release();
        headers.reset(next);
    }

    CURL *c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    // Locations and token realms come from the registry: never let them pick another protocol.
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a threaded daemon
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "berth/0.1");
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, kConnectTimeout);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, kLowSpeedLimit);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, kLowSpeedTime);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &ex);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &ex);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &ex);
    if (options.sink) curl_easy_setopt(c, CURLOPT_BUFFERSIZE, kStreamBufferSize);
    if (request.method == "HEAD") {
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    } else if (request.method == "POST") {
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.c_str());
    }
    if (!tls_.ca_bundle.empty()) {
        curl_blob blob{const_cast<char *>(tls_.ca_bundle.data()), tls_.ca_bundle.size(), CURL_BLOB_NOCOPY};
        curl_easy_setopt(c, CURLOPT_CAINFO_BLOB, &blob);
    }
    if (!tls_.verify_peer) {
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!tls_.client_cert.empty()) {
        curl_easy_setopt(c, CURLOPT_SSLCERT, tls_.client_cert.c_str());
        curl_easy_setopt(c, CURLOPT_SSLKEY, tls_.client_key.c_str());
    }

    result.code = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.response.status);
    if (result.code != CURLE_OK)
        result.error = errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(result.code));
    return result;
}

bool is_transient(CURLcode code) {
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

bool is_certificate_failure(CURLcode code) {
    return code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CERTPROBLEM ||
           code == CURLE_SSL_CACERT_BADFILE || code == CURLE_SSL_ISSUER_ERROR;
}

std::string resolve_url(const std::string &base, const std::string &target) {
    CURLU *u = curl_url();
    if (!u) return {};
    std::string out;
    if (curl_url_set(u, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK &&
        curl_url_set(u, CURLUPART_URL, target.c_str(), 0) == CURLUE_OK) {
        char *s = nullptr;
        if (curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK && s) {
            out = s;
            curl_free(s);
        }
    }
    curl_url_cleanup(u);
    return out;
}

std::string url_origin(const std::string &url) {
    CURLU *u = curl_url();
    if (!u) return {};
    std::string out;
    char *scheme = nullptr, *host = nullptr, *port = nullptr;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK)
        out = util::ascii_lower(scheme) + "://" + util::ascii_lower(host) + ":" + port;
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
    return out;
}

}  // namespace berth::images::registry
