#include "client/registry_auth.h"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <vector>

namespace berth::client {

std::string encode_registry_auth(const RegistryAuth &auth) {
    nlohmann::json j = nlohmann::json::object();
    if (!auth.username.empty()) j["username"] = auth.username;
    if (!auth.password.empty()) j["password"] = auth.password;
    if (!auth.server_address.empty()) j["serveraddress"] = auth.server_address;
    if (!auth.identity_token.empty()) j["identitytoken"] = auth.identity_token;
    const std::string text = j.dump();
    std::vector<unsigned char> out(4 * ((text.size() + 2) / 3) + 1);
    int n = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char *>(text.data()),
                            static_cast<int>(text.size()));
    std::string encoded(reinterpret_cast<const char *>(out.data()), n > 0 ? n : 0);
    // The engine decodes with base64.URLEncoding (padding kept).
    for (auto &c : encoded) {
        if (c == '+') c = '-';
        else if (c == '/') c = '_';
    }
    return encoded;
}

}  // namespace berth::client
