// berth logs: the container's stdout to our stdout and its stderr to our stderr.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "cli/commands/commands.h"
#include "client/containers.h"

namespace berth::cli::commands {
namespace {

// A Go duration ("42m", "1h30m", "1.5s") in seconds, or a negative value when `text` is not one.
double go_duration_seconds(const std::string &text) {
    static const std::pair<const char *, double> units[] = {{"ns", 1e-9}, {"us", 1e-6}, {"µs", 1e-6}, {"ms", 1e-3},
                                                            {"s", 1},     {"m", 60},     {"h", 3600}};
    if (text.empty()) return -1;
    double total = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        char *end = nullptr;
        const double n = std::strtod(text.c_str() + i, &end);
        const std::size_t after = static_cast<std::size_t>(end - text.c_str());
        if (after == i || n < 0) return -1;
        bool matched = false;
        for (const auto &[unit, scale] : units) {
            const std::string u(unit);
            // "ms" before "m", "ns"/"us" before "s": the table's order matters.
            if (text.compare(after, u.size(), u) == 0) {
                total += n * scale;
                i = after + u.size();
                matched = true;
                break;
            }
        }
        if (!matched) return -1;
    }
    return total;
}

// docker's --since/--until: a relative duration becomes "now minus it" as unix seconds;
// timestamps are the engine's to parse.
std::string since_value(const std::string &text) {
    const double ago = go_duration_seconds(text);
    if (ago < 0) return text;
    const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9f", now - ago);
    return buf;
}

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
    options.since = since_value(args.value("since"));
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
