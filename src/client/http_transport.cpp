#include "client/http_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include "client/api_error.h"
#include "client/curl_global.h"

namespace berth::client {
namespace {

struct Transfer {
    const HttpRequest *request;
    HttpResponse *response;
    CURL *curl;
    bool consumer_stopped = false;
    bool cancelled = false;
    std::optional<Error> source_error;  // body_source's failure
};

bool is_cancelled(const Transfer &t) {
    return t.request->cancel != nullptr && t.request->cancel->load(std::memory_order_relaxed);
}

std::size_t on_write(char *data, std::size_t size, std::size_t count, void *userdata) {
    auto &t = *static_cast<Transfer *>(userdata);
    const std::size_t n = size * count;
    if (is_cancelled(t)) {
        t.cancelled = true;
        return 0;  // makes curl fail the transfer with CURLE_WRITE_ERROR
    }
    long status = 0;
    curl_easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &status);
    if (t.request->on_body && status >= 200 && status < 300) {
        if (!t.request->on_body(std::string_view(data, n))) {
            t.consumer_stopped = true;
            return 0;
        }
        return n;
    }
    t.response->body.append(data, n);
    return n;
}

std::size_t on_header(char *data, std::size_t size, std::size_t count, void *userdata) {
    auto &t = *static_cast<Transfer *>(userdata);
    const std::size_t n = size * count;
    std::string_view line(data, n);
    if (line.substr(0, 5) == "HTTP/") {
        t.response->headers.clear();  // a new response (after 100 Continue)
        return n;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return n;
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
        value.remove_suffix(1);
    t.response->headers[name] = std::string(value);
    return n;
}

std::size_t on_read(char *buffer, std::size_t size, std::size_t count, void *userdata) {
    auto &t = *static_cast<Transfer *>(userdata);
    if (is_cancelled(t)) {
        t.cancelled = true;
        return CURL_READFUNC_ABORT;
    }
    auto n = t.request->body_source(buffer, size * count);
    if (!n) {
        t.source_error = std::move(n).error();
        return CURL_READFUNC_ABORT;
    }
    return *n;
}

int on_progress(void *userdata, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto &t = *static_cast<Transfer *>(userdata);
    if (is_cancelled(t)) {
        t.cancelled = true;
        return 1;  // CURLE_ABORTED_BY_CALLBACK
    }
    return 0;
}

struct SlistDeleter {
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};

}  // namespace

HttpTransport::HttpTransport(Host host) : host_(std::move(host)) {
    ensure_curl_initialized();
    curl_ = curl_easy_init();
}

HttpTransport::~HttpTransport() {
    if (curl_ != nullptr) curl_easy_cleanup(static_cast<CURL *>(curl_));
}

HttpTransport::HttpTransport(HttpTransport &&other) noexcept
    : debug_log(std::move(other.debug_log)), host_(std::move(other.host_)), curl_(other.curl_) {
    other.curl_ = nullptr;
}

HttpTransport &HttpTransport::operator=(HttpTransport &&other) noexcept {
    if (this != &other) {
        if (curl_ != nullptr) curl_easy_cleanup(static_cast<CURL *>(curl_));
        host_ = std::move(other.host_);
        curl_ = other.curl_;
        debug_log = std::move(other.debug_log);
        other.curl_ = nullptr;
    }
    return *this;
}

Result<HttpResponse> HttpTransport::perform(const HttpRequest &request) {
    if (curl_ == nullptr) return Error::internal("libcurl could not create a handle");
    auto *curl = static_cast<CURL *>(curl_);
    // reset keeps the connection cache, so consecutive requests reuse one connection.
    curl_easy_reset(curl);

    HttpResponse response;
    Transfer transfer{&request, &response, curl};

    std::string url = host_.base_url() + request.path;
    if (!request.query.empty()) url += "?" + request.query.encode();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    if (host_.scheme == Host::Scheme::Unix)
        curl_easy_setopt(curl, CURLOPT_UNIX_SOCKET_PATH, host_.socket_path.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    if (request.timeout_ms > 0) curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, request.timeout_ms);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Berth-Client/0.1");
    // Streams are consumed as they come; never let curl decode or buffer them.
    curl_easy_setopt(curl, CURLOPT_HTTP_CONTENT_DECODING, 0L);

    if (request.method == "GET") {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else {
        if (request.method == "POST") {
            curl_easy_setopt(curl, CURLOPT_POST, 1L);
        } else {
            curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        }
        if (request.body_source) {
            // Unknown size: curl sends it chunked, as the read callback produces it.
            curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
            curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
            curl_easy_setopt(curl, CURLOPT_READFUNCTION, on_read);
            curl_easy_setopt(curl, CURLOPT_READDATA, &transfer);
        } else if (request.body) {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body->data());
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(request.body->size()));
        } else if (request.method == "POST" || request.method == "PUT") {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t{0});
        }
    }

    std::unique_ptr<curl_slist, SlistDeleter> headers;
    auto add_header = [&headers](const std::string &line) {
        curl_slist *next = curl_slist_append(headers.get(), line.c_str());
        if (next != nullptr) {
            (void)headers.release();
            headers.reset(next);
        }
    };
    add_header("Expect:");  // no 100-continue round trip for small JSON bodies
    if (request.body || request.body_source) add_header("Content-Type: " + request.content_type);
    for (const auto &h : request.headers) add_header(h);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());

    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    if (request.cancel != nullptr) {
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    }
    char error_buffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);

    CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    if (debug_log)
        debug_log(request.method + " " + request.path +
                  (request.query.empty() ? "" : "?" + request.query.encode()) + " -> " +
                  (rc == CURLE_OK || transfer.consumer_stopped ? std::to_string(response.status)
                                                               : curl_easy_strerror(rc)));

    if (transfer.cancelled || is_cancelled(transfer))
        return Error::of(ErrorKind::Cancelled, "cancelled");
    if (transfer.source_error) return *transfer.source_error;
    if (rc == CURLE_OK || transfer.consumer_stopped) return response;
    if (response.status == 0) {
        long os_errno = 0;
        curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
        return connection_error(host_.text, rc, static_cast<int>(os_errno), error_buffer);
    }
    // The exchange started but was cut (engine died mid-stream, timeout).
    std::string why = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(rc);
    return Error{"read response from the Berth engine", host_.text, 0, why, ErrorKind::Unavailable};
}

}  // namespace berth::client
