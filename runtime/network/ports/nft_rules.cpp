#include "network/ports/nft_rules.h"

#include <arpa/inet.h>

#include <cctype>

#include <nlohmann/json.hpp>

#include "network/nft_command.h"

namespace berth::network {
namespace {

std::string tag(const std::string &owner) {
    std::string out = "berth:";
    for (char c : owner) {
        // The comment sits inside double quotes in the rule text.
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
            c == ':' || c == '/')
            out += c;
    }
    return out;
}

bool is_loopback(const std::string &ip) {
    in_addr a{};
    return ::inet_pton(AF_INET, ip.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

bool is_any(const std::string &ip) { return ip.empty() || ip == "0.0.0.0"; }

bool valid_name(const std::string &name) {
    if (name.empty() || name.size() > 32) return false;
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
            return false;
    return true;
}

}  // namespace

NftRules::NftRules(std::string table) : table_(std::move(table)) {}

NftRules::~NftRules() {
    if (owns_table_) {
        auto gone = run("add table ip " + table_ + "\ndelete table ip " + table_ + "\n");
        (void)gone;  // at shutdown there is no one left to tell
    }
}

Result<std::unique_ptr<NftRules>> NftRules::open(const std::string &table) {
    if (!valid_name(table)) return Error::invalid("invalid nftables table name: " + table);
    std::unique_ptr<NftRules> rules(new NftRules(table));

    const std::string &t = table;
    // One transaction: the old table (rules of a berthd that was killed) goes, the new
    // chains come, and no packet sees a half-made table. "add" before "delete" makes the
    // delete valid when there was no table.
    std::string setup =
        "add table ip " + t + "\n"
        "delete table ip " + t + "\n"
        "add table ip " + t + "\n"
        "add chain ip " + t + " publish\n"
        "add chain ip " + t + " prerouting { type nat hook prerouting priority dstnat; policy accept; }\n"
        "add chain ip " + t + " output { type nat hook output priority -100; policy accept; }\n"
        "add chain ip " + t + " postrouting { type nat hook postrouting priority srcnat; policy accept; }\n"
        // Only packets for this host's own addresses: Docker's `-m addrtype --dst-type LOCAL`.
        "add rule ip " + t + " prerouting fib daddr type local jump publish\n"
        "add rule ip " + t + " output ip daddr != 127.0.0.0/8 fib daddr type local jump publish\n";
    auto made = rules->run(setup);
    if (!made) {
        // Leave nothing behind; if even this fails, there was nothing to leave.
        auto cleared = rules->run("add table ip " + t + "\ndelete table ip " + t + "\n");
        (void)cleared;
        return std::move(made).error();
    }
    rules->owns_table_ = true;
    return rules;
}

std::string NftRules::forward_rules(const std::string &table, const std::string &owner,
                                    const std::string &container_ip,
                                    const std::vector<PortMapping> &mappings) {
    std::string out;
    std::string comment = " comment \"" + tag(owner) + "\"\n";
    for (const auto &m : mappings) {
        if (is_loopback(m.host_ip)) continue;  // the proxy's job
        std::string proto = m.proto == "udp" ? "udp" : "tcp";
        std::string daddr = is_any(m.host_ip) ? "" : "ip daddr " + m.host_ip + " ";
        out += "add rule ip " + table + " publish " + daddr + proto + " dport " +
               std::to_string(m.host_port) + " dnat to " + container_ip + ":" +
               std::to_string(m.container_port) + comment;
        // A container reaching its own published port through the host's address from a
        // bridge whose connections are DNATed rather than proxied (an Internal network's):
        // without the masquerade its answer would come from its own address, which it
        // never asked.
        out += "add rule ip " + table + " postrouting ip saddr " + container_ip + " ip daddr " +
               container_ip + " " + proto + " dport " + std::to_string(m.container_port) +
               " masquerade" + comment;
    }
    return out;
}

Result<void> NftRules::add_forwards(const std::string &owner, const std::string &container_ip,
                                    const std::vector<PortMapping> &mappings) {
    in_addr a{};
    if (::inet_pton(AF_INET, container_ip.c_str(), &a) != 1)
        return Error::invalid("invalid container address: " + container_ip);
    std::string commands = forward_rules(table_, owner, container_ip, mappings);
    if (commands.empty()) return {};
    TRY(run(commands));
    return {};
}

std::string NftRules::bridge_rules(const std::string &table, const std::string &owner,
                                   const std::string &subnet_cidr, const std::string &bridge) {
    const std::string comment = " comment \"" + tag(owner) + "\"\n";
    const std::string from_bridge = "iifname \"" + bridge + "\" ";
    // "insert": ahead of the jump to publish. The connection then reaches the proxy, which
    // relays it from the host to the container on whichever bridge: no forwarding between
    // bridges, which isolation drops, and no masquerade needed to bring the answer back
    // through the host when client and server share the bridge (hairpin).
    return "insert rule ip " + table + " prerouting " + from_bridge + "return" + comment +
           // Leaving the bridge: the host's address.
           "add rule ip " + table + " postrouting ip saddr " + subnet_cidr + " oifname != \"" + bridge +
           "\" masquerade" + comment;
}

Result<void> NftRules::add_bridge(const std::string &owner, const std::string &subnet_cidr,
                                  const std::string &bridge) {
    auto slash = subnet_cidr.find('/');
    in_addr a{};
    if (slash == std::string::npos || ::inet_pton(AF_INET, subnet_cidr.substr(0, slash).c_str(), &a) != 1)
        return Error::invalid("invalid subnet: " + subnet_cidr);
    if (!valid_name(bridge)) return Error::invalid("invalid bridge name: " + bridge);
    TRY(run(bridge_rules(table_, owner, subnet_cidr, bridge)));
    return {};
}

Result<void> NftRules::remove(const std::string &owner) {
    std::string wanted = tag(owner);
    // Listing and deleting by handle under one lock: another remove() between the two
    // could otherwise delete a rule whose handle this one is about to use.
    std::lock_guard lock(mu_);
    const std::string listing = TRY(run_nft("list table ip " + table_, NftOutput::JsonWithHandles));
    auto doc = nlohmann::json::parse(listing, nullptr, false);
    if (doc.is_discarded()) return Error::internal("nftables: unreadable table listing");
    std::string commands;
    for (const auto &item : doc.value("nftables", nlohmann::json::array())) {
        auto rule = item.find("rule");
        if (rule == item.end() || rule->value("comment", std::string()) != wanted) continue;
        commands += "delete rule ip " + table_ + " " + rule->value("chain", std::string()) +
                    " handle " + std::to_string(rule->value("handle", 0)) + "\n";
    }
    if (commands.empty()) return {};
    TRY(run_nft(commands));
    return {};
}

Result<std::string> NftRules::run(const std::string &commands) {
    std::lock_guard lock(mu_);
    return run_nft(commands);
}

}  // namespace berth::network
