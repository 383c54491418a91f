// The X-Registry-Auth header: docker's AuthConfig as JSON, base64url-encoded.
#pragma once

#include <string>

namespace berth::client {

struct RegistryAuth {
    std::string username;
    std::string password;
    std::string server_address;
    std::string identity_token;
    bool empty() const { return username.empty() && password.empty() && identity_token.empty(); }
};

// Base64url of the AuthConfig JSON (docker's registry.EncodeAuthConfig).
std::string encode_registry_auth(const RegistryAuth &auth);

}  // namespace berth::client
