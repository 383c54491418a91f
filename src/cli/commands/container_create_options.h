// `berth create` / `berth run` flags and their translation into the Engine API's
// POST /containers/create body, kept free of I/O (except reading --env-file) so that the
// mapping is unit-tested flag by flag.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "common/result.h"

namespace berth::cli::commands {

std::vector<FlagSpec> container_create_flags();

struct CreateRequest {
    std::string name;   // --name, may be empty
    std::string image;  // as typed
    nlohmann::json body;
};

// positional[0] is the image, the rest the command.
Result<CreateRequest> build_create_request(const ParsedArgs &args);

// "512m" -> 536870912, "1g", "100k", "42b", "42" (bytes), as docker's RAMInBytes.
Result<std::int64_t> parse_memory_bytes(std::string_view text);
// "1.5" -> 1500000000 NanoCpus.
Result<std::int64_t> parse_nano_cpus(std::string_view text);
// "no", "always", "unless-stopped", "on-failure[:N]" -> {"Name", "MaximumRetryCount"}.
Result<nlohmann::json> parse_restart_policy(std::string_view text);
// An --env-file: KEY=VALUE lines, '#' comments, blank lines skipped, "KEY" alone taken from
// the environment (skipped when unset), as docker does.
Result<std::vector<std::string>> read_env_file(const std::string &path);
// --mount "type=bind,source=/a,target=/b,readonly" -> a HostConfig.Mounts entry.
Result<nlohmann::json> parse_mount_flag(const std::string &spec);

}  // namespace berth::cli::commands
