#include "client/host.h"

#include <cstdlib>

namespace berth::client {
namespace {

std::optional<std::string> real_getenv(const char *name) {
    const char *v = std::getenv(name);
    if (v == nullptr || *v == '\0') return std::nullopt;
    return std::string(v);
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

Result<Host> tcp_host(std::string_view original, std::string_view rest) {
    // Drop any path: "tcp://host:2375/" is accepted by docker too.
    if (auto slash = rest.find('/'); slash != std::string_view::npos) rest = rest.substr(0, slash);
    if (rest.empty()) return Error::invalid("invalid host `" + std::string(original) + "`: no address");
    std::string address(rest);
    bool has_port = false;
    if (address.front() == '[') {
        auto close = address.find(']');
        if (close == std::string::npos)
            return Error::invalid("invalid host `" + std::string(original) + "`: unterminated IPv6 address");
        has_port = close + 1 < address.size() && address[close + 1] == ':';
    } else {
        has_port = address.find(':') != std::string::npos;
    }
    if (!has_port) address += ":2375";
    auto colon = address.rfind(':');
    std::string_view port = std::string_view(address).substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
        return Error::invalid("invalid host `" + std::string(original) + "`: bad port");
    Host h;
    h.scheme = Host::Scheme::Tcp;
    h.address = address;
    h.text = "tcp://" + address;
    return h;
}

}  // namespace

std::string Host::base_url() const {
    // With CURLOPT_UNIX_SOCKET_PATH the host part only fills the Host: header; docker
    // sends "api.moby.localhost", plain "localhost" is what every server accepts.
    if (scheme == Scheme::Unix) return "http://localhost";
    return "http://" + address;
}

Result<Host> parse_host(std::string_view text) {
    if (text.empty()) return Error::invalid("invalid host: empty");
    if (starts_with(text, "unix://")) {
        std::string_view path = text.substr(7);
        if (path.empty()) return Error::invalid("invalid host `" + std::string(text) + "`: no socket path");
        Host h;
        h.socket_path = std::string(path);
        h.text = "unix://" + h.socket_path;
        return h;
    }
    if (starts_with(text, "tcp://")) return tcp_host(text, text.substr(6));
    if (starts_with(text, "http://")) return tcp_host(text, text.substr(7));
    if (text.front() == '/') {
        Host h;
        h.socket_path = std::string(text);
        h.text = "unix://" + h.socket_path;
        return h;
    }
    if (text.find("://") != std::string_view::npos)
        return Error::invalid("invalid host `" + std::string(text) +
                              "`: only unix:// and tcp:// are supported");
    return tcp_host(text, text);
}

Result<Host> resolve_host(const std::optional<std::string> &explicit_host, EnvLookup env) {
    if (env == nullptr) env = real_getenv;
    if (explicit_host && !explicit_host->empty()) return parse_host(*explicit_host);
    if (auto v = env("BERTH_HOST")) return parse_host(*v);
    if (auto v = env("DOCKER_HOST")) return parse_host(*v);
    return parse_host(kDefaultHost);
}

}  // namespace berth::client
