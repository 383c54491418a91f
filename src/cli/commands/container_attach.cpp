#include "cli/commands/container_attach.h"

#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/stream_session.h"
#include "client/containers.h"
#include "client/exec.h"

namespace berth::cli::commands {

int follow_and_wait(Context &ctx, client::EngineClient &client, const std::string &id, bool tty,
                    int error_exit_code) {
    client::LogsOptions options;
    options.follow = true;
    auto streamed = client::container_logs(client, id, options, tty,
                                           [&](client::StreamKind kind, std::string_view data) {
                                               std::ostream &to = kind == client::StreamKind::Stderr ? ctx.err : ctx.out;
                                               to.write(data.data(), static_cast<std::streamsize>(data.size()));
                                               to.flush();
                                               return true;
                                           });
    ctx.out.flush();
    if (!streamed && streamed.error().kind == ErrorKind::Unavailable) {
        ctx.fail(streamed.error());
        return error_exit_code;
    }
    // A logs stream that ended early (or failed) is not the container's end: wait decides.
    auto code = client::wait_container(client, id);
    if (!code) {
        ctx.fail(code.error());
        return error_exit_code;
    }
    return *code;
}

int attach_and_wait(Context &ctx, client::EngineClient &client, const std::string &id, const AttachSession &session,
                    const std::function<Result<void>()> &start, int error_exit_code) {
    client::AttachOptions options;
    options.stdin = session.stdin;
    options.stderr = !session.tty;
    options.logs = session.logs;
    options.detach_keys = session.detach_keys;
    auto conn = client::attach_container(client, id, options);
    if (!conn) {
        ctx.fail(conn.error());
        return error_exit_code;
    }
    if (start)
        if (auto started = start(); !started) {
            ctx.fail(started.error());
            return error_exit_code;
        }
    SessionOptions o;
    o.tty = session.tty;
    o.forward_stdin = session.stdin;
    o.detach_keys = session.detach_keys;
    o.resize = [&](int rows, int cols) { (void)client::resize_container(client, id, rows, cols); };
    auto end = run_session(ctx, *conn, o);
    conn->close();
    if (!end) {
        ctx.fail(end.error());
        return error_exit_code;
    }
    if (*end == SessionEnd::Detached) return kExitOk;
    auto code = client::wait_container(client, id);
    if (!code) {
        ctx.fail(code.error());
        return error_exit_code;
    }
    return *code;
}

namespace {

int run_attach(Context &ctx, const ParsedArgs &args) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    const std::string &id = args.positional[0];
    auto info = client::inspect_container(**client, id);
    if (!info) return ctx.fail(info.error());
    if (!info->value("/State/Running"_json_pointer, false))
        return ctx.fail("You cannot attach to a stopped container, start it first");
    if (info->value("/State/Paused"_json_pointer, false))
        return ctx.fail("You cannot attach to a paused container, unpause it first");
    AttachSession session;
    session.tty = info->value("/Config/Tty"_json_pointer, false);
    session.stdin = !args.flag("no-stdin") && info->value("/Config/OpenStdin"_json_pointer, false);
    session.detach_keys = args.value("detach-keys");
    return attach_and_wait(ctx, **client, info->value("Id", id), session, nullptr, kExitFailure);
}

}  // namespace

Command attach_command() {
    using Type = FlagSpec::Type;
    Command c;
    c.path = "container attach";
    c.aliases = {"attach"};
    c.usage = "[OPTIONS] CONTAINER";
    c.summary = "Attach local standard input, output, and error streams to a running container";
    c.flags = {
        {"detach-keys", 0, Type::String, "Override the key sequence for detaching a container", "", "string"},
        {"no-stdin", 0, Type::Bool, "Do not attach STDIN", "", ""},
        {"sig-proxy", 0, Type::Bool, "Proxy all received signals to the process", "true", ""},
    };
    c.min_args = 1;
    c.max_args = 1;
    c.run = run_attach;
    return c;
}

}  // namespace berth::cli::commands
