// berth ps: the container list as docker prints it, or one --format line per container.
#include <cstdlib>
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/container_status.h"
#include "cli/format/human.h"
#include "cli/format/table.h"
#include "cli/format/template.h"
#include "client/containers.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    client::Filters filters;
    for (const auto &f : args.values("filter"))
        if (!client::add_filter_arg(filters, f)) return ctx.fail("bad format of filter (expected name=value)");
    int last = -1;
    if (const auto n = args.value("last"); !n.empty()) {
        char *end = nullptr;
        last = static_cast<int>(std::strtol(n.c_str(), &end, 10));
        if (*end != '\0') return ctx.fail("invalid argument \"" + n + "\" for \"-n, --last\" flag");
    }
    std::string fmt = args.value("format");
    bool table_header = false;
    if (fmt.rfind("table", 0) == 0) {
        table_header = true;
        fmt = fmt.substr(5);
        while (!fmt.empty() && (fmt[0] == ' ' || fmt[0] == '\t')) fmt.erase(0, 1);
    }
    std::optional<format::Template> tmpl;
    if (!fmt.empty()) {
        auto parsed = format::Template::parse(fmt);
        if (!parsed) return ctx.fail("template parsing error: " + parsed.error().message());
        tmpl = std::move(*parsed);
    }

    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    const bool all = args.flag("all") || last > 0 || args.flag("latest");
    if (args.flag("latest")) last = 1;
    auto list = client::list_containers(**client, all, last, filters);
    if (!list) return ctx.fail(list.error());

    const bool no_trunc = args.flag("no-trunc");
    const auto now = format::unix_now();
    if (args.flag("quiet")) {
        for (const auto &c : *list) ctx.out << ps_row(c, no_trunc, now)["ID"].get<std::string>() << '\n';
        return kExitOk;
    }
    if (tmpl) {
        std::vector<std::string> lines;
        if (table_header) {
            nlohmann::json header = {{"ID", "CONTAINER ID"}, {"Image", "IMAGE"},     {"Command", "COMMAND"},
                                     {"CreatedAt", "CREATED AT"}, {"RunningFor", "CREATED"}, {"Ports", "PORTS"},
                                     {"Status", "STATUS"},       {"State", "STATE"},    {"Names", "NAMES"},
                                     {"Labels", "LABELS"}};
            auto text = tmpl->execute(header);
            if (text) lines.push_back(*text);
        }
        for (const auto &c : *list) {
            auto text = tmpl->execute(ps_row(c, no_trunc, now));
            if (!text) return ctx.fail(text.error());
            lines.push_back(*text);
        }
        if (table_header) {
            // Cells are tab-separated in the template, aligned like the default table.
            format::Table table;
            for (const auto &line : lines) {
                table.add_row(format::split_tabs(line));
            }
            table.render(ctx.out);
        } else {
            for (const auto &line : lines) ctx.out << line << '\n';
        }
        return kExitOk;
    }
    format::Table table({"CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"});
    for (const auto &c : *list) {
        auto row = ps_row(c, no_trunc, now);
        table.add_row({row["ID"], row["Image"], row["Command"], row["RunningFor"], row["Status"], row["Ports"], row["Names"]});
    }
    table.render(ctx.out);
    return kExitOk;
}

}  // namespace

Command ps_command() {
    Command c;
    c.path = "container ls";
    c.aliases = {"container list", "container ps", "ps"};
    c.usage = "[OPTIONS]";
    c.summary = "List containers";
    c.flags = {
        {"all", 'a', FlagSpec::Type::Bool, "Show all containers (default shows just running)", "", ""},
        {"filter", 'f', FlagSpec::Type::List, "Filter output based on conditions provided", "", "filter"},
        {"format", 0, FlagSpec::Type::String, "Format output using a custom template (Go template subset)", "", "string"},
        {"last", 'n', FlagSpec::Type::String, "Show n last created containers (includes all states)", "-1", "int"},
        {"latest", 'l', FlagSpec::Type::Bool, "Show the latest created container (includes all states)", "", ""},
        {"no-trunc", 0, FlagSpec::Type::Bool, "Don't truncate output", "", ""},
        {"quiet", 'q', FlagSpec::Type::Bool, "Only display container IDs", "", ""},
    };
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
