#include "cli/commands/network_flags.h"

#include <arpa/inet.h>

namespace berth::cli::commands {

using nlohmann::json;

namespace {

bool is_ip(const std::string &s) {
    unsigned char buf[16];
    return ::inet_pton(AF_INET, s.c_str(), buf) == 1 || ::inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

}  // namespace

Result<void> add_network_flags(const ParsedArgs &args, json &config, json &host) {
    const std::string network = args.value("network");
    const std::string ip = args.value("ip");
    const auto aliases = args.values("network-alias");
    if (!ip.empty()) {
        unsigned char buf[4];
        if (::inet_pton(AF_INET, ip.c_str(), buf) != 1)
            return Error::invalid("invalid argument \"" + ip + "\" for \"--ip\" flag: invalid IPv4 address");
    }
    for (const auto &d : args.values("dns"))
        if (!is_ip(d)) return Error::invalid("invalid argument \"" + d + "\" for \"--dns\" flag: " + d + " is not an ip address");
    std::vector<std::string> extra_hosts;
    for (const auto &h : args.values("add-host")) {
        // "host:ip" or "host=ip"; the IP may be "host-gateway" or IPv6 (with colons).
        auto sep = h.find('=');
        if (sep == std::string::npos) sep = h.find(':');
        if (sep == std::string::npos || sep == 0 || sep + 1 >= h.size())
            return Error::invalid("invalid argument \"" + h + "\" for \"--add-host\" flag: bad format for add-host: \"" + h + "\"");
        const std::string addr = h.substr(sep + 1);
        if (addr != "host-gateway" && !is_ip(addr))
            return Error::invalid("invalid argument \"" + h + "\" for \"--add-host\" flag: invalid IP address in add-host: \"" + addr + "\"");
        extra_hosts.push_back(h.substr(0, sep) + ":" + addr);
    }

    if (!network.empty()) host["NetworkMode"] = network;
    if (const auto d = args.values("dns"); !d.empty()) host["Dns"] = d;
    if (const auto s = args.values("dns-search"); !s.empty()) host["DnsSearch"] = s;
    if (const auto o = args.values("dns-option"); !o.empty()) host["DnsOptions"] = o;
    if (!extra_hosts.empty()) host["ExtraHosts"] = extra_hosts;
    if (!ip.empty() || !aliases.empty()) {
        json ep = json::object();
        if (!aliases.empty()) ep["Aliases"] = aliases;
        if (!ip.empty()) ep["IPAMConfig"] = {{"IPv4Address", ip}};
        config["NetworkingConfig"] = {{"EndpointsConfig", {{network.empty() ? "default" : network, ep}}}};
    }
    return {};
}

}  // namespace berth::cli::commands
