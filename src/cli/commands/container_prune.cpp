// berth container prune [-f] [--filter]: remove stopped containers after confirmation.
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/confirm.h"
#include "cli/format/human.h"
#include "client/container_resources.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    client::Filters filters;
    for (const auto &f : args.values("filter"))
        if (!client::add_filter_arg(filters, f)) return ctx.fail("bad format of filter (expected name=value)");
    if (!args.flag("force") && !confirmed(ctx, "WARNING! This will remove all stopped containers.")) return kExitOk;
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto report = client::prune_containers(**client, filters);
    if (!report) return ctx.fail(report.error());
    std::string deleted;
    if (auto list = report->find("ContainersDeleted"); list != report->end() && list->is_array())
        for (const auto &id : *list)
            if (id.is_string()) deleted += id.get<std::string>() + "\n";
    if (!deleted.empty()) ctx.out << "Deleted Containers:\n" << deleted << '\n';
    double reclaimed = 0;
    if (auto s = report->find("SpaceReclaimed"); s != report->end() && s->is_number()) reclaimed = s->get<double>();
    ctx.out << "Total reclaimed space: " << format::human_size(reclaimed) << '\n';
    return kExitOk;
}

}  // namespace

Command container_prune_command() {
    Command c;
    c.path = "container prune";
    c.usage = "[OPTIONS]";
    c.summary = "Remove all stopped containers";
    c.flags = {
        {"filter", 0, FlagSpec::Type::List, "Provide filter values (e.g. \"until=<timestamp>\")", "", "filter"},
        {"force", 'f', FlagSpec::Type::Bool, "Do not prompt for confirmation", "", ""},
    };
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
