#include "registry/registry_errors.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace berth::images::registry {
namespace {

std::string reason_phrase(long status) {
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}

// What the registry said, or the code Docker would show for a bare status.
std::string registry_says(const HttpResponse &response, const char *fallback_code, const char *fallback_message) {
    RegistryErrorBody body;
    if (parse_error_body(response.body, body)) return body.text();
    return RegistryErrorBody{fallback_code, fallback_message}.text();
}

Error status_error(const HttpResponse &response, const std::string &prefix) {
    const long s = response.status;
    auto with_prefix = [&](const std::string &text) { return prefix.empty() ? text : prefix + ": " + text; };
    if (s == 401)
        return Error::of(ErrorKind::Unauthorized,
                         with_prefix(registry_says(response, "UNAUTHORIZED", "authentication required")));
    if (s == 403)
        return Error::of(ErrorKind::Forbidden,
                         with_prefix(registry_says(response, "DENIED", "requested access to the resource is denied")));
    if (s == 404)
        return Error::of(ErrorKind::NotFound, with_prefix(registry_says(response, "NOT_FOUND", "not found")));
    if (s == 429)
        return Error::of(ErrorKind::Internal,
                         with_prefix(registry_says(response, "TOOMANYREQUESTS", "too many requests")));
    std::string text = "received unexpected HTTP status: " + std::to_string(s);
    if (const std::string phrase = reason_phrase(s); !phrase.empty()) text += " " + phrase;
    RegistryErrorBody body;
    if (parse_error_body(response.body, body)) text += ": " + body.text();
    return Error::of(ErrorKind::Internal, with_prefix(text));
}

}  // namespace

std::string RegistryErrorBody::text() const {
    std::string c = code;
    std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) {
        return ch == '_' ? ' ' : static_cast<char>(std::tolower(ch));
    });
    if (message.empty()) return c;
    if (c.empty()) return message;
    return c + ": " + message;
}

bool parse_error_body(std::string_view body, RegistryErrorBody &out) {
    auto doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return false;
    auto errors = doc.find("errors");
    if (errors == doc.end() || !errors->is_array() || errors->empty() || !(*errors)[0].is_object()) return false;
    const auto &first = (*errors)[0];
    out.code = first.contains("code") && first["code"].is_string() ? first["code"].get<std::string>() : "";
    out.message = first.contains("message") && first["message"].is_string() ? first["message"].get<std::string>() : "";
    return !out.code.empty() || !out.message.empty();
}

Error manifest_error(const HttpResponse &response, const Reference &ref) {
    RegistryErrorBody body;
    const bool has_body = parse_error_body(response.body, body);
    // moby's distribution/errors.go: denied, manifest unknown and name unknown get the
    // repository named; the registry's own words follow.
    if (response.status == 401 || response.status == 403 || (has_body && body.code == "DENIED")) {
        Error e = status_error(response, "");
        e.detail = "pull access denied for " + ref.familiar_name() +
                   ", repository does not exist or may require 'docker login': " + e.detail;
        return e;
    }
    if (response.status == 404 || (has_body && (body.code == "MANIFEST_UNKNOWN" || body.code == "NAME_UNKNOWN"))) {
        if (has_body && body.code == "NAME_UNKNOWN")
            return Error::of(ErrorKind::NotFound, "repository " + ref.familiar_name() + " not found: " + body.text());
        const std::string said = has_body ? body.text() : std::string("manifest unknown");
        return Error::of(ErrorKind::NotFound, "manifest for " + ref.familiar() + " not found: " + said);
    }
    return status_error(response, "");
}

Error response_error(const HttpResponse &response, const std::string &what) {
    return status_error(response, what);
}

}  // namespace berth::images::registry
