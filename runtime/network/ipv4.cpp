#include "network/ipv4.h"

#include <arpa/inet.h>

namespace berth::network {

Result<std::uint32_t> parse_ipv4(const std::string &text) {
    in_addr a{};
    if (text.empty() || ::inet_pton(AF_INET, text.c_str(), &a) != 1)
        return Error::invalid("invalid IPv4 address: " + text);
    return ntohl(a.s_addr);
}

std::string format_ipv4(std::uint32_t address) {
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xff) + "." +
           std::to_string((address >> 8) & 0xff) + "." + std::to_string(address & 0xff);
}

Result<Subnet> parse_subnet(const std::string &text, bool allow_host_bits) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return Error::invalid("invalid CIDR address: " + text);
    const std::string len = text.substr(slash + 1);
    if (len.empty() || len.size() > 2 || len.find_first_not_of("0123456789") != std::string::npos)
        return Error::invalid("invalid CIDR address: " + text);
    Subnet s;
    s.prefix = std::stoi(len);
    if (s.prefix > 32) return Error::invalid("invalid CIDR address: " + text);
    auto addr = parse_ipv4(text.substr(0, slash));
    if (!addr) return Error::invalid("invalid CIDR address: " + text);
    s.base = *addr & s.mask();
    if (!allow_host_bits && s.base != *addr)
        return Error::invalid("invalid subnet " + text + ": it should be " + s.str());
    return s;
}

}  // namespace berth::network
