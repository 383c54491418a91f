// berth update [OPTIONS] CONTAINER...: new limits or restart policy for containers.
#include <cstdlib>
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/container_create_options.h"
#include "client/container_resources.h"

namespace berth::cli::commands {
namespace {

using Type = FlagSpec::Type;

Result<std::int64_t> integer(const ParsedArgs &args, const std::string &flag) {
    const std::string v = args.value(flag);
    char *end = nullptr;
    const long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0') return Error::invalid("invalid argument \"" + v + "\" for \"--" + flag + "\" flag");
    return static_cast<std::int64_t>(n);
}

Result<nlohmann::json> update_body(const ParsedArgs &args) {
    nlohmann::json body = nlohmann::json::object();
    auto bytes = [&](const char *flag, const char *field) -> Result<void> {
        if (!args.was_set(flag)) return {};
        const std::string v = args.value(flag);
        // docker's --memory-swap takes -1 for unlimited swap.
        if (v == "-1") body[field] = -1;
        else body[field] = TRY(parse_memory_bytes(v));
        return {};
    };
    TRY(bytes("memory", "Memory"));
    TRY(bytes("memory-swap", "MemorySwap"));
    TRY(bytes("memory-reservation", "MemoryReservation"));
    if (args.was_set("cpus")) body["NanoCpus"] = TRY(parse_nano_cpus(args.value("cpus")));
    if (args.was_set("cpu-shares")) body["CpuShares"] = TRY(integer(args, "cpu-shares"));
    if (args.was_set("cpu-quota")) body["CpuQuota"] = TRY(integer(args, "cpu-quota"));
    if (args.was_set("cpu-period")) body["CpuPeriod"] = TRY(integer(args, "cpu-period"));
    if (args.was_set("pids-limit")) body["PidsLimit"] = TRY(integer(args, "pids-limit"));
    if (args.was_set("restart")) body["RestartPolicy"] = TRY(parse_restart_policy(args.value("restart")));
    if (body.empty()) return Error::invalid("you must provide one or more flags when using this command");
    return body;
}

int run(Context &ctx, const ParsedArgs &args) {
    auto body = update_body(args);
    if (!body) return ctx.fail(body.error());
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    int rc = kExitOk;
    for (const auto &name : args.positional) {
        auto r = client::update_container(**client, name, *body);
        if (!r) {
            ctx.out.flush();
            rc = ctx.fail(r.error());
            continue;
        }
        if (auto w = r->find("Warnings"); w != r->end() && w->is_array())
            for (const auto &line : *w)
                if (line.is_string()) ctx.err << line.get<std::string>() << '\n';
        ctx.out << name << '\n';
    }
    return rc;
}

}  // namespace

Command update_command() {
    Command c;
    c.path = "container update";
    c.aliases = {"update"};
    c.usage = "[OPTIONS] CONTAINER [CONTAINER...]";
    c.summary = "Update configuration of one or more containers";
    c.flags = {
        {"cpu-period", 0, Type::String, "Limit CPU CFS (Completely Fair Scheduler) period", "", "int"},
        {"cpu-quota", 0, Type::String, "Limit CPU CFS (Completely Fair Scheduler) quota", "", "int"},
        {"cpu-shares", 'c', Type::String, "CPU shares (relative weight)", "", "int"},
        {"cpus", 0, Type::String, "Number of CPUs", "", "decimal"},
        {"memory", 'm', Type::String, "Memory limit", "", "bytes"},
        {"memory-reservation", 0, Type::String, "Memory soft limit", "", "bytes"},
        {"memory-swap", 0, Type::String, "Swap limit equal to memory plus swap: -1 to enable unlimited swap", "", "bytes"},
        {"pids-limit", 0, Type::String, "Tune container pids limit (set -1 for unlimited)", "", "int"},
        {"restart", 0, Type::String, "Restart policy to apply when a container exits", "", "string"},
    };
    c.min_args = 1;
    c.max_args = -1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
