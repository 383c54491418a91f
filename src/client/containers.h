// Typed calls for the Engine API's container endpoints (/containers/...), on top of
// EngineClient's generic building blocks. Errors are the engine's, as for every call.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "client/engine_client.h"

namespace berth::client {

// The API path of a container: "/containers/{id}{tail}", the id escaped as one segment.
std::string container_path(const std::string &id, const std::string &tail = {});

// {"Id": ..., "Warnings": [...]}
Result<nlohmann::json> create_container(EngineClient &c, const nlohmann::json &config, const std::string &name);
Result<nlohmann::json> list_containers(EngineClient &c, bool all, int limit, const Filters &filters);
Result<nlohmann::json> inspect_container(EngineClient &c, const std::string &id);
Result<void> start_container(EngineClient &c, const std::string &id);
// timeout: seconds before SIGKILL; nullopt leaves the container's own StopTimeout.
Result<void> stop_container(EngineClient &c, const std::string &id, std::optional<int> timeout);
Result<void> restart_container(EngineClient &c, const std::string &id, std::optional<int> timeout);
Result<void> kill_container(EngineClient &c, const std::string &id, const std::string &signal);
Result<void> pause_container(EngineClient &c, const std::string &id);
Result<void> unpause_container(EngineClient &c, const std::string &id);
Result<void> rename_container(EngineClient &c, const std::string &id, const std::string &new_name);
Result<void> remove_container(EngineClient &c, const std::string &id, bool force, bool volumes);
// Blocks until the condition holds; the container's exit code.
Result<int> wait_container(EngineClient &c, const std::string &id, const std::string &condition = "not-running");

struct LogsOptions {
    bool follow = false;
    bool timestamps = false;
    std::string tail;   // "all" or a number; empty: all
    std::string since;  // unix seconds or RFC 3339
};
// Frames of a container without a TTY; with a TTY the stream is raw and comes as Stdout.
Result<void> container_logs(EngineClient &c, const std::string &id, const LogsOptions &options, bool tty,
                            const FrameCallback &on_frame, Cancel cancel = nullptr);

}  // namespace berth::client
