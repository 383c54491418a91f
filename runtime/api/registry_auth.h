// X-Registry-Auth: base64url-encoded JSON credentials that clients send with pull/push.
#pragma once

#include <optional>
#include <string_view>

#include "common/result.h"
#include "images/registry_client.h"

namespace berth::api {

// Empty header -> nullopt. Accepts padded or unpadded, URL-safe or standard base64 (clients
// differ), and the "auth" field ("user:pass" in base64) as docker's config file holds it.
// Invalid base64 or JSON is a 400.
Result<std::optional<images::Credentials>> decode_registry_auth(std::string_view header);

Result<std::string> base64_decode(std::string_view text);

}  // namespace berth::api
