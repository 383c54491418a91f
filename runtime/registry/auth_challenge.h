// WWW-Authenticate challenges (RFC 7235 section 4.1), as registries send them:
//   Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:x:pull"
//   Basic realm="Registry Realm"
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace berth::images::registry {

struct AuthChallenge {
    std::string scheme;                         // lowercased: "bearer", "basic"
    std::map<std::string, std::string> params;  // names lowercased, values unquoted

    std::string param(const std::string &name) const {
        auto it = params.find(name);
        return it == params.end() ? std::string() : it->second;
    }
};

// Parses one header value, which may hold several challenges separated by commas.
// Quoted strings may contain commas, '=' and backslash escapes. Malformed parts are skipped.
std::vector<AuthChallenge> parse_www_authenticate(std::string_view header);

// Parses every WWW-Authenticate header of a response, in order.
std::vector<AuthChallenge> parse_www_authenticate(const std::vector<std::string> &headers);

}  // namespace berth::images::registry
