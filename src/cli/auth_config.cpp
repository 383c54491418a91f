#include "cli/auth_config.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

namespace berth::cli {
namespace {

std::string base64_decode(const std::string &in) {
    std::vector<unsigned char> out(in.size() / 4 * 3 + 3);
    int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char *>(in.data()), static_cast<int>(in.size()));
    if (n < 0) return {};
    std::size_t len = static_cast<std::size_t>(n);
    // EVP_DecodeBlock counts padding as data: drop one byte per '='.
    for (auto it = in.rbegin(); it != in.rend() && *it == '=' && len > 0; ++it) --len;
    return std::string(reinterpret_cast<const char *>(out.data()), len);
}

// config.json keys are written as the user typed them to `docker login`: with or
// without a scheme, Docker Hub as its v1 index URL.
bool key_matches(std::string key, const std::string &domain) {
    for (const char *scheme : {"https://", "http://"})
        if (key.rfind(scheme, 0) == 0) key.erase(0, std::string(scheme).size());
    if (auto slash = key.find('/'); slash != std::string::npos) key.erase(slash);
    if (domain == "docker.io") return key == "index.docker.io" || key == "docker.io" || key == "registry-1.docker.io";
    return key == domain;
}

}  // namespace

client::RegistryAuth registry_auth_from_config(const std::string &config_json, const std::string &domain) {
    client::RegistryAuth auth;
    auto config = nlohmann::json::parse(config_json, nullptr, false);
    if (!config.is_object()) return auth;
    auto auths = config.find("auths");
    if (auths == config.end() || !auths->is_object()) return auth;
    for (auto it = auths->begin(); it != auths->end(); ++it) {
        if (!key_matches(it.key(), domain) || !it->is_object()) continue;
        if (auto encoded = it->find("auth"); encoded != it->end() && encoded->is_string()) {
            std::string pair = base64_decode(encoded->get<std::string>());
            if (auto colon = pair.find(':'); colon != std::string::npos) {
                auth.username = pair.substr(0, colon);
                auth.password = pair.substr(colon + 1);
            }
        }
        if (auto token = it->find("identitytoken"); token != it->end() && token->is_string())
            auth.identity_token = token->get<std::string>();
        auth.server_address = it.key();
        return auth;
    }
    return auth;
}

client::RegistryAuth saved_registry_auth(const std::string &domain) {
    std::string path;
    if (const char *dir = std::getenv("DOCKER_CONFIG"); dir != nullptr && *dir != '\0')
        path = std::string(dir) + "/config.json";
    else if (const char *home = std::getenv("HOME"); home != nullptr && *home != '\0')
        path = std::string(home) + "/.docker/config.json";
    else
        return {};
    std::ifstream file(path);
    if (!file) return {};
    std::ostringstream text;
    text << file.rdbuf();
    return registry_auth_from_config(text.str(), domain);
}

}  // namespace berth::cli
