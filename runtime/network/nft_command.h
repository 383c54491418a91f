// Runs a batch of nft commands (libnftables) in a context made for that batch alone.
// libnftables keeps a cache of the ruleset inside a context (megabytes on a host with many
// rules); a short-lived context gives that memory back as soon as the batch is done, which
// matters for berthd, which stays up all the time and rarely changes its rules.
#pragma once

#include <string>

#include "common/result.h"

namespace berth::network {

enum class NftOutput { Text, JsonWithHandles };

// The batch runs as one transaction. Returns what nft printed; a failure carries nft's
// own error text.
Result<std::string> run_nft(const std::string &commands, NftOutput output = NftOutput::Text);

}  // namespace berth::network
