// berth logs: the container's stdout to our stdout and its stderr to our stderr.
#include <ostream>

#include "cli/commands/commands.h"
#include "client/containers.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    const std::string &id = args.positional[0];
    // A TTY container's log is one raw stream; the engine tells us which through inspect.
    auto info = client::inspect_container(**client, id);
    if (!info) return ctx.fail(info.error());
    const bool tty = info->value("/Config/Tty"_json_pointer, false);

    client::LogsOptions options;
    options.follow = args.flag("follow");
    options.timestamps = args.flag("timestamps");
    options.tail = args.value("tail");
    options.since = args.value("since");
    auto r = client::container_logs(**client, id, options, tty, [&](client::StreamKind kind, std::string_view data) {
        std::ostream &to = kind == client::StreamKind::Stderr ? ctx.err : ctx.out;
        to.write(data.data(), static_cast<std::streamsize>(data.size()));
        if (options.follow) to.flush();
        return true;
    });
    ctx.out.flush();
    if (!r) return ctx.fail(r.error());
    return kExitOk;
}

}  // namespace

Command logs_command() {
    Command c;
    c.path = "container logs";
    c.aliases = {"logs"};
    c.usage = "[OPTIONS] CONTAINER";
    c.summary = "Fetch the logs of a container";
    c.flags = {
        {"follow", 'f', FlagSpec::Type::Bool, "Follow log output", "", ""},
        {"since", 0, FlagSpec::Type::String, "Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m)", "", "string"},
        {"tail", 'n', FlagSpec::Type::String, "Number of lines to show from the end of the logs", "all", "string"},
        {"timestamps", 't', FlagSpec::Type::Bool, "Show timestamps", "", ""},
    };
    c.min_args = c.max_args = 1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
