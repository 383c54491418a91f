// berth exec [-d -i -t -e --env-file -w -u --privileged --detach-keys] CONTAINER CMD...:
// create the exec, start it attached (or detached with -d) and exit with its exit code.
#include <unistd.h>

#include <ostream>
#include <thread>

#include "cli/commands/commands.h"
#include "cli/commands/container_create_options.h"
#include "cli/commands/stream_session.h"
#include "cli/terminal.h"
#include "client/exec.h"

namespace berth::cli::commands {
namespace {

// Failures of berth itself exit 1; the process' own status (126/127 when it could not
// be run) comes from the engine's ExitCode.
Result<client::ExecConfig> exec_config(const ParsedArgs &args) {
    client::ExecConfig config;
    config.cmd.assign(args.positional.begin() + 1, args.positional.end());
    for (const auto &file : args.values("env-file")) {
        auto lines = TRY(read_env_file(file));
        config.env.insert(config.env.end(), lines.begin(), lines.end());
    }
    for (const auto &e : args.values("env")) {
        if (e.find('=') == std::string::npos) {
            // "-e KEY" takes the value from our environment, skipped when unset (docker).
            if (const char *v = ::getenv(e.c_str())) config.env.push_back(e + "=" + v);
            continue;
        }
        config.env.push_back(e);
    }
    config.user = args.value("user");
    config.working_dir = args.value("workdir");
    config.privileged = args.flag("privileged");
    config.detach_keys = args.value("detach-keys");
    config.tty = args.flag("tty");
    const bool detach = args.flag("detach");
    config.attach_stdin = args.flag("interactive") && !detach;
    config.attach_stdout = !detach;
    config.attach_stderr = !detach && !config.tty;
    if (config.tty)
        if (auto s = terminal::size(STDOUT_FILENO); s && s->first > 0) config.console_size = s;
    return config;
}

// The exec's exit code once it is recorded (briefly polled: the stream can end first).
Result<int> exit_code(client::EngineClient &client, const std::string &exec_id) {
    for (int i = 0; i < 50; ++i) {
        auto info = TRY(client::exec_inspect(client, exec_id));
        if (!info.value("Running", false) && info.contains("ExitCode") && info["ExitCode"].is_number_integer())
            return info["ExitCode"].get<int>();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return Error::internal("the exec " + exec_id + " did not report an exit code");
}

int run_exec(Context &ctx, const ParsedArgs &args) {
    auto config = exec_config(args);
    if (!config) return ctx.fail(config.error());
    if (config->tty && args.flag("interactive") && !terminal::is_terminal(STDIN_FILENO) && !args.flag("detach")) {
        ctx.err << "the input device is not a TTY\n";
        return kExitFailure;
    }
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    const std::string &container = args.positional[0];
    auto id = client::exec_create(**client, container, *config);
    if (!id) return ctx.fail(id.error());
    if (args.flag("detach")) {
        if (auto r = client::exec_start_detached(**client, *id, config->tty); !r) return ctx.fail(r.error());
        return kExitOk;
    }
    auto conn = client::exec_start_attached(**client, *id, config->tty, config->console_size);
    if (!conn) return ctx.fail(conn.error());
    SessionOptions options;
    options.tty = config->tty;
    options.forward_stdin = config->attach_stdin;
    options.detach_keys = config->detach_keys;
    options.resize = [&](int rows, int cols) { (void)client::exec_resize(**client, *id, rows, cols); };
    auto end = run_session(ctx, *conn, options);
    conn->close();
    if (!end) return ctx.fail(end.error());
    if (*end == SessionEnd::Detached) return kExitOk;
    auto code = exit_code(**client, *id);
    if (!code) return ctx.fail(code.error());
    return *code;
}

}  // namespace

Command exec_command() {
    using Type = FlagSpec::Type;
    Command c;
    c.path = "container exec";
    c.aliases = {"exec"};
    c.usage = "[OPTIONS] CONTAINER COMMAND [ARG...]";
    c.summary = "Execute a command in a running container";
    c.flags = {
        {"detach", 'd', Type::Bool, "Detached mode: run command in the background", "", ""},
        {"detach-keys", 0, Type::String, "Override the key sequence for detaching a container", "", "string"},
        {"env", 'e', Type::List, "Set environment variables", "", "list"},
        {"env-file", 0, Type::List, "Read in a file of environment variables", "", "list"},
        {"interactive", 'i', Type::Bool, "Keep STDIN open even if not attached", "", ""},
        {"privileged", 0, Type::Bool, "Give extended privileges to the command", "", ""},
        {"tty", 't', Type::Bool, "Allocate a pseudo-TTY", "", ""},
        {"user", 'u', Type::String, "Username or UID (format: \"<name|uid>[:<group|gid>]\")", "", "string"},
        {"workdir", 'w', Type::String, "Working directory inside the container", "", "string"},
    };
    c.min_args = 2;
    c.max_args = -1;
    c.stop_at_first_positional = true;
    c.run = run_exec;
    return c;
}

}  // namespace berth::cli::commands
