#include "network/nft_command.h"

#include <nftables/libnftables.h>

#include <memory>

namespace berth::network {

Result<std::string> run_nft(const std::string &commands, NftOutput output) {
    std::unique_ptr<nft_ctx, decltype(&nft_ctx_free)> ctx(nft_ctx_new(NFT_CTX_DEFAULT), nft_ctx_free);
    if (!ctx) return Error::internal("nftables: cannot create a context");
    nft_ctx_buffer_output(ctx.get());
    nft_ctx_buffer_error(ctx.get());
    if (output == NftOutput::JsonWithHandles)
        nft_ctx_output_set_flags(ctx.get(), NFT_CTX_OUTPUT_JSON | NFT_CTX_OUTPUT_HANDLE);
    const int rc = nft_run_cmd_from_buffer(ctx.get(), commands.c_str());
    const char *err = nft_ctx_get_error_buffer(ctx.get());
    const char *out = nft_ctx_get_output_buffer(ctx.get());
    if (rc != 0) {
        std::string text = err ? err : "";
        while (!text.empty() && text.back() == '\n') text.pop_back();
        return Error::internal("nftables: " + text);
    }
    return std::string(out ? out : "");
}

}  // namespace berth::network
