#include "client/exec.h"

#include "client/containers.h"

namespace berth::client {

using nlohmann::json;

namespace {

std::string exec_path(const std::string &exec_id, const std::string &tail) {
    return "/exec/" + url_encode(exec_id) + tail;
}

// POST {object}/resize?h=rows&w=cols: a TTY's new size, for an exec or a container alike.
Result<void> post_resize(EngineClient &c, const std::string &object_path, int rows, int cols) {
    Query q;
    q.add("h", std::to_string(rows));
    q.add("w", std::to_string(cols));
    TRY(c.request("POST", object_path + "/resize", std::move(q)));
    return {};
}

}  // namespace

json exec_create_body(const ExecConfig &config) {
    json body{{"AttachStdin", config.attach_stdin},
              {"AttachStdout", config.attach_stdout},
              {"AttachStderr", config.attach_stderr},
              {"Tty", config.tty},
              {"Privileged", config.privileged},
              {"Cmd", config.cmd}};
    if (!config.env.empty()) body["Env"] = config.env;
    if (!config.user.empty()) body["User"] = config.user;
    if (!config.working_dir.empty()) body["WorkingDir"] = config.working_dir;
    if (!config.detach_keys.empty()) body["DetachKeys"] = config.detach_keys;
    if (config.console_size) body["ConsoleSize"] = {config.console_size->first, config.console_size->second};
    return body;
}

Result<std::string> exec_create(EngineClient &c, const std::string &container, const ExecConfig &config) {
    auto out = TRY(c.request_json("POST", container_path(container, "/exec"), {}, exec_create_body(config)));
    if (!out.is_object() || !out.contains("Id") || !out["Id"].is_string())
        return Error::internal("the engine did not return an exec ID");
    return out["Id"].get<std::string>();
}

Result<void> exec_start_detached(EngineClient &c, const std::string &exec_id, bool tty) {
    TRY(c.request("POST", exec_path(exec_id, "/start"), {}, json{{"Detach", true}, {"Tty", tty}}));
    return {};
}

Result<HijackedConnection> exec_start_attached(EngineClient &c, const std::string &exec_id, bool tty,
                                               std::optional<std::pair<int, int>> console_size) {
    json body{{"Detach", false}, {"Tty", tty}};
    if (console_size) body["ConsoleSize"] = {console_size->first, console_size->second};
    return c.hijack("POST", exec_path(exec_id, "/start"), {}, body);
}

Result<void> exec_resize(EngineClient &c, const std::string &exec_id, int rows, int cols) {
    return post_resize(c, exec_path(exec_id, ""), rows, cols);
}

Result<json> exec_inspect(EngineClient &c, const std::string &exec_id) {
    return c.request_json("GET", exec_path(exec_id, "/json"));
}

Result<HijackedConnection> attach_container(EngineClient &c, const std::string &id, const AttachOptions &options) {
    Query q;
    q.add_bool("stream", true);
    if (options.stdin) q.add_bool("stdin", true);
    if (options.stdout) q.add_bool("stdout", true);
    if (options.stderr) q.add_bool("stderr", true);
    if (options.logs) q.add_bool("logs", true);
    if (!options.detach_keys.empty()) q.add("detachKeys", options.detach_keys);
    return c.hijack("POST", container_path(id, "/attach"), std::move(q));
}

Result<void> resize_container(EngineClient &c, const std::string &id, int rows, int cols) {
    return post_resize(c, container_path(id), rows, cols);
}

}  // namespace berth::client
