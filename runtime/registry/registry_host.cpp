#include "registry/registry_host.h"

#include <arpa/inet.h>

#include <array>
#include <charconv>
#include <cstring>

namespace berth::images::registry {
namespace {

struct IpBytes {
    int family = 0;
    std::array<unsigned char, 16> bytes{};
};

bool parse_ip(std::string_view text, IpBytes &out) {
    const std::string s(text);
    if (inet_pton(AF_INET, s.c_str(), out.bytes.data()) == 1) {
        out.family = AF_INET;
        return true;
    }
    if (inet_pton(AF_INET6, s.c_str(), out.bytes.data()) == 1) {
        out.family = AF_INET6;
        return true;
    }
    return false;
}

std::string strip_scheme(std::string_view entry) {
    for (std::string_view scheme : {"http://", "https://"})
        if (entry.starts_with(scheme)) entry.remove_prefix(scheme.size());
    while (entry.ends_with('/')) entry.remove_suffix(1);
    return std::string(entry);
}

bool is_loopback(std::string_view hostname) {
    if (hostname == "localhost") return true;
    return ip_in_cidr(hostname, "127.0.0.0/8") || ip_in_cidr(hostname, "::1/128");
}

}  // namespace

RegistryHost registry_host(std::string_view domain) {
    RegistryHost h;
    h.domain = domain;
    h.api_host = domain == "docker.io" || domain == "index.docker.io" ? "registry-1.docker.io"
                                                                      : std::string(domain);
    std::string_view host = h.api_host;
    if (host.starts_with('[')) {
        const auto close = host.find(']');
        h.hostname = std::string(host.substr(1, close == std::string_view::npos ? host.npos : close - 1));
    } else {
        h.hostname = std::string(host.substr(0, host.find(':')));
    }
    return h;
}

bool ip_in_cidr(std::string_view ip, std::string_view cidr) {
    const auto slash = cidr.find('/');
    if (slash == std::string_view::npos) return false;
    IpBytes addr, net;
    if (!parse_ip(ip, addr) || !parse_ip(cidr.substr(0, slash), net) || addr.family != net.family)
        return false;
    const std::string_view bits_text = cidr.substr(slash + 1);
    int bits = -1;
    auto [end, ec] = std::from_chars(bits_text.data(), bits_text.data() + bits_text.size(), bits);
    const int max_bits = addr.family == AF_INET ? 32 : 128;
    if (ec != std::errc() || end != bits_text.data() + bits_text.size() || bits < 0 || bits > max_bits)
        return false;
    for (int i = 0; i < bits / 8; ++i)
        if (addr.bytes[i] != net.bytes[i]) return false;
    if (bits % 8 != 0) {
        const unsigned char mask = static_cast<unsigned char>(0xff << (8 - bits % 8));
        if ((addr.bytes[bits / 8] & mask) != (net.bytes[bits / 8] & mask)) return false;
    }
    return true;
}

bool listed_as_insecure(const RegistryHost &host, const std::vector<std::string> &insecure) {
    for (const auto &raw : insecure) {
        const std::string entry = strip_scheme(raw);
        if (entry.find('/') != std::string::npos) {
            // CIDR entries match IP literals; names are not resolved here.
            if (ip_in_cidr(host.hostname, entry)) return true;
        } else if (entry == host.domain || entry == host.api_host) {  // exact, port included
            return true;
        }
    }
    return false;
}

bool allows_plain_http(const RegistryHost &host, const std::vector<std::string> &insecure) {
    return is_loopback(host.hostname) || listed_as_insecure(host, insecure);
}

}  // namespace berth::images::registry
