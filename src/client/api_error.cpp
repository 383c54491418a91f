#include "client/api_error.h"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>

namespace berth::client {

ErrorKind kind_from_status(long status) {
    switch (status) {
        case 304: return ErrorKind::NotModified;
        case 400: return ErrorKind::InvalidArgument;
        case 401: return ErrorKind::Unauthorized;
        case 403: return ErrorKind::Forbidden;
        case 404: return ErrorKind::NotFound;
        case 409: return ErrorKind::Conflict;
        case 503: return ErrorKind::Unavailable;
        default: return ErrorKind::Internal;
    }
}

std::string message_from_body(long status, std::string_view body) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_object()) {
        auto it = j.find("message");
        if (it != j.end() && it->is_string() && !it->get_ref<const std::string &>().empty())
            return it->get<std::string>();
    }
    std::string text(body);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    if (!text.empty()) return text;
    return "HTTP status " + std::to_string(status);
}

Error daemon_error(long status, std::string_view body) {
    Error e;
    e.op = std::string(kDaemonErrorOp);
    e.detail = message_from_body(status, body);
    e.kind = kind_from_status(status);
    return e;
}

Error stream_error(std::string message) {
    Error e;
    e.op = std::string(kDaemonErrorOp);
    e.detail = std::move(message);
    e.kind = ErrorKind::Internal;
    return e;
}

Error permission_error(const std::string &host_text) {
    return Error::of(ErrorKind::Forbidden,
                     "permission denied while connecting to the Berth engine at " + host_text +
                         " (are you in the 'berth' group?)");
}

Error connection_error(const std::string &host_text, int curl_code, int os_errno,
                       const std::string &curl_message) {
    if (os_errno == EACCES || os_errno == EPERM) return permission_error(host_text);
    if (curl_code == CURLE_COULDNT_CONNECT || os_errno == ECONNREFUSED || os_errno == ENOENT)
        return Error::of(ErrorKind::Unavailable, "Cannot connect to the Berth engine at " +
                                                     host_text + ". Is berthd running?");
    std::string why = curl_message;
    if (why.empty()) why = curl_easy_strerror(static_cast<CURLcode>(curl_code));
    if (os_errno != 0) why += std::string(" (") + std::strerror(os_errno) + ")";
    return Error::of(ErrorKind::Unavailable,
                     "error during connect to the Berth engine at " + host_text + ": " + why);
}

}  // namespace berth::client
