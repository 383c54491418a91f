#include "api/registry_auth.h"

#include <nlohmann/json.hpp>

namespace berth::api {

Result<std::string> base64_decode(std::string_view text) {
    std::string out;
    unsigned int acc = 0;
    int bits = 0;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+' || c == '-') v = 62;
        else if (c == '/' || c == '_') v = 63;
        else if (c == '=') break;
        else return Error::invalid("invalid base64 character");
        acc = (acc << 6) | static_cast<unsigned int>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xff);
        }
    }
    return out;
}

Result<std::optional<images::Credentials>> decode_registry_auth(std::string_view header) {
    if (header.empty()) return std::optional<images::Credentials>{};
    auto decoded = base64_decode(header);
    if (!decoded) return Error::invalid("invalid X-Registry-Auth header: " + decoded.error().message());
    const nlohmann::json j = nlohmann::json::parse(*decoded, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Error::invalid("invalid X-Registry-Auth header: not a JSON object");
    auto str = [&](const char *key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    images::Credentials c;
    c.username = str("username");
    c.password = str("password");
    c.identity_token = str("identitytoken");
    if (c.username.empty() && c.password.empty()) {
        if (const std::string auth = str("auth"); !auth.empty()) {
            auto pair = base64_decode(auth);
            if (!pair) return Error::invalid("invalid X-Registry-Auth header: bad \"auth\" field");
            const auto colon = pair->find(':');
            if (colon == std::string::npos) return Error::invalid("invalid X-Registry-Auth header: bad \"auth\" field");
            c.username = pair->substr(0, colon);
            c.password = pair->substr(colon + 1);
        }
    }
    // `{}` is what the docker CLI sends for anonymous pulls.
    if (c.username.empty() && c.password.empty() && c.identity_token.empty())
        return std::optional<images::Credentials>{};
    return std::optional<images::Credentials>{std::move(c)};
}

}  // namespace berth::api
