#include "network/isolation.h"

#include "network/nft_command.h"

namespace berth::network {

namespace {
constexpr const char *kTable = "ip berth_isolation";

std::string quoted(const std::string &s) { return "\"" + s + "\""; }
}  // namespace

std::string BridgeIsolation::chain_name(const std::string &default_bridge) {
    std::string out = "iso_";
    for (char ch : default_bridge) out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
    return out;
}

std::string BridgeIsolation::rules(const std::string &chain, const std::vector<IsolatedBridge> &bridges) {
    const std::string c = std::string(kTable) + " " + chain;
    // Priority -1: before the filter chains of the ports' table and of other engines.
    std::string out = "add table " + std::string(kTable) + "\n" + "add chain " + c +
                      " { type filter hook forward priority -1; policy accept; }\n" + "flush chain " + c + "\n";
    for (const auto &b : bridges) {
        if (b.internal) {
            out += "add rule " + c + " iifname " + quoted(b.name) + " oifname != " + quoted(b.name) + " drop\n";
            out += "add rule " + c + " oifname " + quoted(b.name) + " iifname != " + quoted(b.name) + " drop\n";
            continue;
        }
        std::string others;
        for (const auto &o : bridges)
            if (o.name != b.name) others += (others.empty() ? "" : ", ") + quoted(o.name);
        if (!others.empty()) out += "add rule " + c + " iifname " + quoted(b.name) + " oifname { " + others + " } drop\n";
    }
    return out;
}

Result<std::unique_ptr<BridgeIsolation>> BridgeIsolation::open(const std::string &default_bridge) {
    std::unique_ptr<BridgeIsolation> out(new BridgeIsolation(chain_name(default_bridge)));
    TRY(out->apply({}));
    return out;
}

BridgeIsolation::~BridgeIsolation() {
    // The rules are the running daemon's: the next start rebuilds them from the networks.
    const std::string cmd = "delete chain " + std::string(kTable) + " " + chain_ + "\n";
    (void)run_nft(cmd);
}

Result<void> BridgeIsolation::apply(const std::vector<IsolatedBridge> &bridges) {
    std::lock_guard lock(mu_);
    auto applied = run_nft(rules(chain_, bridges));
    if (!applied)
        return Error{"apply network isolation rules", std::string(kTable) + " " + chain_, 0,
                     applied.error().message(), ErrorKind::Internal};
    return {};
}

}  // namespace berth::network
