// Where the engine listens: "unix:///run/berth/berth.sock" or "tcp://127.0.0.1:2375".
// Resolution follows the docker CLI: an explicit -H wins, then BERTH_HOST, then DOCKER_HOST,
// then Berth's default socket.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::client {

inline constexpr std::string_view kDefaultHost = "unix:///run/berth/berth.sock";

struct Host {
    enum class Scheme { Unix, Tcp };
    Scheme scheme = Scheme::Unix;
    std::string socket_path;  // Unix: the socket's path
    std::string address;      // Tcp: "host:port" (IPv6 hosts keep their brackets)
    std::string text;         // as the user wrote it, normalised: what error messages show

    // The URL libcurl is given: over a Unix socket the authority is only a placeholder.
    std::string base_url() const;
};

// Parses "unix:///path", "unix://path", "tcp://host:port", "tcp://host" (port 2375),
// "http://host:port", a bare "/path" (a socket) and a bare "host:port".
// Anything else (ssh://, npipe://, empty) is InvalidArgument with the reason.
Result<Host> parse_host(std::string_view text);

// -H value if given, else $BERTH_HOST, else $DOCKER_HOST, else kDefaultHost.
// `env` is getenv by default; tests pass their own.
using EnvLookup = std::optional<std::string> (*)(const char *name);
Result<Host> resolve_host(const std::optional<std::string> &explicit_host,
                          EnvLookup env = nullptr);

}  // namespace berth::client
