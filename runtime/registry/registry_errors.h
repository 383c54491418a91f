// Turns a registry's HTTP status and error body ({"errors":[{"code","message"}]}, the
// distribution spec's format) into a berth::Error worded as Docker words it.
#pragma once

#include <string>
#include <string_view>

#include "common/reference.h"
#include "common/result.h"
#include "registry/http_transport.h"

namespace berth::images::registry {

struct RegistryErrorBody {
    std::string code;     // "MANIFEST_UNKNOWN"
    std::string message;  // "manifest unknown"
    // Docker's errcode form: "manifest unknown: manifest unknown" (code lowercased, '_' -> ' ').
    std::string text() const;
};

// The first error of a distribution error body, if the body is one.
bool parse_error_body(std::string_view body, RegistryErrorBody &out);

// Errors for a failed manifest request for `ref` ("pull access denied for ...",
// "manifest for busybox:x not found: manifest unknown: ...").
Error manifest_error(const HttpResponse &response, const Reference &ref);

// Errors for any other request; `what` names it: "blob sha256:...", "tags of app".
Error response_error(const HttpResponse &response, const std::string &what);

}  // namespace berth::images::registry
