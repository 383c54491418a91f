// The container verbs that act on each named container and print its name back:
// start, stop, kill, restart, rm, pause, unpause; plus wait (prints exit codes) and rename.
#include <cstdlib>
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/container_attach.h"
#include "client/containers.h"

namespace berth::cli::commands {
namespace {

using Action = std::function<Result<void>(client::EngineClient &, const std::string &)>;

// docker's loop: every name is tried, errors printed after the successes so far, exit 1
// if any failed.
int for_each(Context &ctx, const ParsedArgs &args, const Action &action) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    int rc = kExitOk;
    for (const auto &name : args.positional) {
        auto r = action(**client, name);
        if (!r) {
            ctx.out.flush();
            rc = ctx.fail(r.error());
            if (r.error().kind == ErrorKind::Unavailable) return rc;
            continue;
        }
        ctx.out << name << '\n';
    }
    return rc;
}

Result<std::optional<int>> timeout_flag(const ParsedArgs &args) {
    if (!args.was_set("time")) return std::optional<int>();
    const std::string t = args.value("time");
    char *end = nullptr;
    const long v = std::strtol(t.c_str(), &end, 10);
    if (t.empty() || *end != '\0') return Error::invalid("invalid argument \"" + t + "\" for \"-t, --time\" flag");
    return std::optional<int>(static_cast<int>(v));
}

Command names_command(std::string path, std::vector<std::string> aliases, std::string summary) {
    Command c;
    c.path = std::move(path);
    c.aliases = std::move(aliases);
    c.usage = "[OPTIONS] CONTAINER [CONTAINER...]";
    c.summary = std::move(summary);
    c.min_args = 1;
    c.max_args = -1;
    return c;
}

FlagSpec time_flag() {
    return {"time", 't', FlagSpec::Type::String, "Seconds to wait before killing the container", "", "int"};
}

int run_start(Context &ctx, const ParsedArgs &args) {
    if (!args.flag("attach") && !args.flag("interactive"))
        return for_each(ctx, args, [](client::EngineClient &c, const std::string &id) { return client::start_container(c, id); });
    if (args.positional.size() != 1) return ctx.fail("you cannot start and attach multiple containers at once");
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    const std::string &id = args.positional[0];
    auto info = client::inspect_container(**client, id);
    if (!info) return ctx.fail(info.error());
    const bool tty = info->value("/Config/Tty"_json_pointer, false);
    if (args.flag("interactive") || tty) {
        AttachSession session;
        session.tty = tty;
        session.stdin = args.flag("interactive") && info->value("/Config/OpenStdin"_json_pointer, false);
        session.detach_keys = args.value("detach-keys");
        return attach_and_wait(ctx, **client, info->value("Id", id), session,
                               [&] { return client::start_container(**client, id); }, kExitFailure);
    }
    if (auto started = client::start_container(**client, id); !started) return ctx.fail(started.error());
    return follow_and_wait(ctx, **client, id, tty, kExitFailure);
}

int run_stop(Context &ctx, const ParsedArgs &args) {
    auto t = timeout_flag(args);
    if (!t) return ctx.fail(t.error());
    return for_each(ctx, args, [&](client::EngineClient &c, const std::string &id) { return client::stop_container(c, id, *t); });
}

int run_restart(Context &ctx, const ParsedArgs &args) {
    auto t = timeout_flag(args);
    if (!t) return ctx.fail(t.error());
    return for_each(ctx, args, [&](client::EngineClient &c, const std::string &id) { return client::restart_container(c, id, *t); });
}

int run_kill(Context &ctx, const ParsedArgs &args) {
    const std::string signal = args.value("signal");
    return for_each(ctx, args, [&](client::EngineClient &c, const std::string &id) { return client::kill_container(c, id, signal); });
}

int run_rm(Context &ctx, const ParsedArgs &args) {
    const bool force = args.flag("force"), volumes = args.flag("volumes");
    return for_each(ctx, args, [&](client::EngineClient &c, const std::string &id) {
        return client::remove_container(c, id, force, volumes);
    });
}

int run_pause(Context &ctx, const ParsedArgs &args) {
    return for_each(ctx, args, [](client::EngineClient &c, const std::string &id) { return client::pause_container(c, id); });
}

int run_unpause(Context &ctx, const ParsedArgs &args) {
    return for_each(ctx, args, [](client::EngineClient &c, const std::string &id) { return client::unpause_container(c, id); });
}

int run_wait(Context &ctx, const ParsedArgs &args) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    int rc = kExitOk;
    for (const auto &name : args.positional) {
        auto code = client::wait_container(**client, name);
        if (!code) {
            ctx.out.flush();
            rc = ctx.fail(code.error());
            continue;
        }
        ctx.out << *code << '\n';
    }
    return rc;
}

int run_rename(Context &ctx, const ParsedArgs &args) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    if (args.positional[1].empty()) return ctx.fail("Error: neither old nor new names may be empty");
    auto r = client::rename_container(**client, args.positional[0], args.positional[1]);
    if (!r) return ctx.fail(r.error());
    return kExitOk;
}

}  // namespace

Command start_command() {
    Command c = names_command("container start", {"start"}, "Start one or more stopped containers");
    c.flags = {{"attach", 'a', FlagSpec::Type::Bool, "Attach STDOUT/STDERR and forward signals", "", ""},
               {"detach-keys", 0, FlagSpec::Type::String, "Override the key sequence for detaching a container", "", "string"},
               {"interactive", 'i', FlagSpec::Type::Bool, "Attach container's STDIN", "", ""}};
    c.run = run_start;
    return c;
}

Command stop_command() {
    Command c = names_command("container stop", {"stop"}, "Stop one or more running containers");
    c.flags = {time_flag()};
    c.run = run_stop;
    return c;
}

Command restart_command() {
    Command c = names_command("container restart", {"restart"}, "Restart one or more containers");
    c.flags = {time_flag()};
    c.run = run_restart;
    return c;
}

Command kill_command() {
    Command c = names_command("container kill", {"kill"}, "Kill one or more running containers");
    c.flags = {{"signal", 's', FlagSpec::Type::String, "Signal to send to the container", "", "string"}};
    c.run = run_kill;
    return c;
}

Command rm_command() {
    Command c = names_command("container rm", {"container remove", "rm"}, "Remove one or more containers");
    c.flags = {
        {"force", 'f', FlagSpec::Type::Bool, "Force the removal of a running container (uses SIGKILL)", "", ""},
        {"volumes", 'v', FlagSpec::Type::Bool, "Remove anonymous volumes associated with the container", "", ""},
    };
    c.run = run_rm;
    return c;
}

Command pause_command() {
    Command c = names_command("container pause", {"pause"}, "Pause all processes within one or more containers");
    c.run = run_pause;
    return c;
}

Command unpause_command() {
    Command c = names_command("container unpause", {"unpause"}, "Unpause all processes within one or more containers");
    c.run = run_unpause;
    return c;
}

Command wait_command() {
    Command c = names_command("container wait", {"wait"}, "Block until one or more containers stop, then print their exit codes");
    c.run = run_wait;
    return c;
}

Command rename_command() {
    Command c;
    c.path = "container rename";
    c.aliases = {"rename"};
    c.usage = "CONTAINER NEW_NAME";
    c.summary = "Rename a container";
    c.min_args = c.max_args = 2;
    c.run = run_rename;
    return c;
}

}  // namespace berth::cli::commands
