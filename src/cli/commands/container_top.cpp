// berth top CONTAINER [ps OPTIONS]: the container's processes, as the engine lists them.
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/format/table.h"
#include "client/container_resources.h"

namespace berth::cli::commands {
namespace {

std::string cell(const nlohmann::json &v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

int run(Context &ctx, const ParsedArgs &args) {
    std::string ps_args;
    for (std::size_t i = 1; i < args.positional.size(); ++i) ps_args += (i > 1 ? " " : "") + args.positional[i];
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto top = client::top_container(**client, args.positional[0], ps_args);
    if (!top) return ctx.fail(top.error());
    std::vector<std::string> titles;
    for (const auto &t : top->value("Titles", nlohmann::json::array())) titles.push_back(cell(t));
    format::Table table(titles);
    for (const auto &p : top->value("Processes", nlohmann::json::array())) {
        std::vector<std::string> row;
        for (const auto &v : p) row.push_back(cell(v));
        table.add_row(std::move(row));
    }
    table.render(ctx.out);
    return kExitOk;
}

}  // namespace

Command top_command() {
    Command c;
    c.path = "container top";
    c.aliases = {"top"};
    c.usage = "CONTAINER [ps OPTIONS]";
    c.summary = "Display the running processes of a container";
    c.min_args = 1;
    c.max_args = -1;
    c.stop_at_first_positional = true;  // "aux" and "-ef" belong to ps
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
