#include "network/dns/upstreams.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace berth::network::dns {

std::vector<std::string> parse_nameservers(std::string_view resolv_conf) {
    std::vector<std::string> out;
    std::istringstream lines{std::string(resolv_conf)};
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string keyword, address;
        if (!(words >> keyword >> address) || keyword != "nameserver") continue;
        // A scoped IPv6 address ("fe80::1%eth0") names a host interface; leave it out.
        in_addr v4{};
        in6_addr v6{};
        if (inet_pton(AF_INET, address.c_str(), &v4) != 1 && inet_pton(AF_INET6, address.c_str(), &v6) != 1)
            continue;
        if (std::find(out.begin(), out.end(), address) == out.end()) out.push_back(address);
    }
    return out;
}

std::vector<std::string> read_nameservers(const std::filesystem::path &resolv_conf) {
    std::ifstream in(resolv_conf);
    if (!in) return {};
    std::stringstream text;
    text << in.rdbuf();
    return parse_nameservers(text.str());
}

}  // namespace berth::network::dns
