#include "network/isolation.h"

#include <nftables/libnftables.h>

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
    nft_ctx *ctx = nft_ctx_new(NFT_CTX_DEFAULT);
    if (!ctx) return Error::internal("nftables: cannot create a context");
    nft_ctx_buffer_output(ctx);
    nft_ctx_buffer_error(ctx);
    std::unique_ptr<BridgeIsolation> out(new BridgeIsolation(ctx, chain_name(default_bridge)));
    TRY(out->apply({}));
    return out;
}

BridgeIsolation::~BridgeIsolation() {
    // The rules are the running daemon's: the next start rebuilds them from the networks.
    const std::string cmd = "delete chain " + std::string(kTable) + " " + chain_ + "\n";
    (void)nft_run_cmd_from_buffer(ctx_, cmd.c_str());
    nft_ctx_free(ctx_);
}

Result<void> BridgeIsolation::apply(const std::vector<IsolatedBridge> &bridges) {
    std::lock_guard lock(mu_);
    const std::string cmds = rules(chain_, bridges);
    if (nft_run_cmd_from_buffer(ctx_, cmds.c_str()) != 0) {
        std::string err = nft_ctx_get_error_buffer(ctx_);
        while (!err.empty() && err.back() == '\n') err.pop_back();
        return Error{"apply network isolation rules", std::string(kTable) + " " + chain_, 0, err, ErrorKind::Internal};
    }
    return {};
}

}  // namespace berth::network
