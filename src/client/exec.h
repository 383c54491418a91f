// Typed calls for docker exec (/containers/{id}/exec, /exec/...) and for attaching to a
// container (/containers/{id}/attach, /resize). Streams come back as hijacked
// connections (hijack.h): raw with a TTY, multiplexed frames without.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "client/engine_client.h"

namespace berth::client {

struct ExecConfig {
    std::vector<std::string> cmd;
    std::vector<std::string> env;
    std::string user;
    std::string working_dir;
    std::string detach_keys;
    bool attach_stdin = false;
    bool attach_stdout = true;
    bool attach_stderr = true;
    bool tty = false;
    bool privileged = false;
    std::optional<std::pair<int, int>> console_size;  // rows, cols
};

nlohmann::json exec_create_body(const ExecConfig &config);
// The new exec's ID.
Result<std::string> exec_create(EngineClient &c, const std::string &container, const ExecConfig &config);
Result<void> exec_start_detached(EngineClient &c, const std::string &exec_id, bool tty);
Result<HijackedConnection> exec_start_attached(EngineClient &c, const std::string &exec_id, bool tty,
                                               std::optional<std::pair<int, int>> console_size);
Result<void> exec_resize(EngineClient &c, const std::string &exec_id, int rows, int cols);
Result<nlohmann::json> exec_inspect(EngineClient &c, const std::string &exec_id);

struct AttachOptions {
    bool stdin = false;
    bool stdout = true;
    bool stderr = true;
    bool logs = false;
    std::string detach_keys;
};
Result<HijackedConnection> attach_container(EngineClient &c, const std::string &id, const AttachOptions &options);
Result<void> resize_container(EngineClient &c, const std::string &id, int rows, int cols);

}  // namespace berth::client
