// berth volume create|ls|inspect|rm|prune: named volumes through the /volumes API.
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/confirm.h"
#include "cli/commands/inspect_output.h"
#include "cli/format/human.h"
#include "cli/format/table.h"
#include "cli/format/template.h"
#include "client/volumes.h"

namespace berth::cli::commands {
namespace {

using Type = FlagSpec::Type;
using nlohmann::json;

Result<std::map<std::string, std::string>> key_values(const std::vector<std::string> &items, const char *what) {
    std::map<std::string, std::string> out;
    for (const auto &item : items) {
        const auto eq = item.find('=');
        if (eq == 0) return Error::invalid(std::string("invalid ") + what + ": " + item);
        out[item.substr(0, eq)] = eq == std::string::npos ? "" : item.substr(eq + 1);
    }
    return out;
}

Result<client::Filters> filters_of(const ParsedArgs &args) {
    client::Filters filters;
    for (const auto &f : args.values("filter"))
        if (!client::add_filter_arg(filters, f)) return Error::invalid("bad format of filter (expected name=value)");
    return filters;
}

int run_create(Context &ctx, const ParsedArgs &args) {
    std::string name = args.value("name");
    if (!args.positional.empty()) {
        if (!name.empty() && name != args.positional[0])
            return ctx.fail("conflicting options: either specify --name or provide positional arg, not both");
        name = args.positional[0];
    }
    auto labels = key_values(args.values("label"), "label");
    if (!labels) return ctx.fail(labels.error());
    auto opts = key_values(args.values("opt"), "option");
    if (!opts) return ctx.fail(opts.error());
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto v = client::create_volume(**client, name, args.value("driver"), *labels, *opts);
    if (!v) return ctx.fail(v.error());
    ctx.out << v->value("Name", std::string()) << '\n';
    return kExitOk;
}

std::string label_text(const json &labels) {
    std::string out;
    if (labels.is_object())
        for (const auto &[k, v] : labels.items()) out += (out.empty() ? "" : ",") + k + "=" + (v.is_string() ? v.get<std::string>() : "");
    return out;
}

int run_ls(Context &ctx, const ParsedArgs &args) {
    auto filters = filters_of(args);
    if (!filters) return ctx.fail(filters.error());
    std::string fmt = args.value("format");
    bool table_header = false;
    if (fmt.rfind("table", 0) == 0) {
        table_header = true;
        fmt = fmt.substr(5);
        while (!fmt.empty() && fmt[0] == ' ') fmt.erase(0, 1);
    }
    for (std::size_t at; (at = fmt.find("\\t")) != std::string::npos;) fmt.replace(at, 2, "\t");
    std::optional<format::Template> tmpl;
    if (!fmt.empty()) {
        auto t = format::Template::parse(fmt);
        if (!t) return ctx.fail("template parsing error: " + t.error().message());
        tmpl = std::move(*t);
    }
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto list = client::list_volumes(**client, *filters);
    if (!list) return ctx.fail(list.error());
    json volumes = list->value("Volumes", json::array());
    if (volumes.is_null()) volumes = json::array();
    if (args.flag("quiet")) {
        for (const auto &v : volumes) ctx.out << v.value("Name", std::string()) << '\n';
        return kExitOk;
    }
    if (!tmpl) {
        format::Table table({"DRIVER", "VOLUME NAME"});
        for (const auto &v : volumes) table.add_row({v.value("Driver", std::string()), v.value("Name", std::string())});
        table.render(ctx.out);
        return kExitOk;
    }
    format::Table table;
    auto add = [&](const json &fields) -> Result<void> {
        const std::string line = TRY(tmpl->execute(fields));
        if (!table_header) {
            ctx.out << line << '\n';
            return {};
        }
        table.add_row(format::split_tabs(line));
        return {};
    };
    if (table_header)
        (void)add(json{{"Name", "VOLUME NAME"}, {"Driver", "DRIVER"}, {"Mountpoint", "MOUNTPOINT"},
                       {"Scope", "SCOPE"}, {"Labels", "LABELS"}, {"CreatedAt", "CREATED AT"}});
    for (const auto &v : volumes) {
        json f = {{"Name", v.value("Name", std::string())},           {"Driver", v.value("Driver", std::string())},
                  {"Mountpoint", v.value("Mountpoint", std::string())}, {"Scope", v.value("Scope", std::string())},
                  {"Labels", label_text(v.value("Labels", json()))},    {"CreatedAt", v.value("CreatedAt", std::string())}};
        if (auto r = add(f); !r) return ctx.fail(r.error());
    }
    if (table_header) table.render(ctx.out);
    return kExitOk;
}

int run_inspect(Context &ctx, const ParsedArgs &args) {
    auto tmpl = inspect_template(args);
    if (!tmpl) return ctx.fail(tmpl.error());
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    json found = json::array();
    int rc = kExitOk;
    std::vector<Error> errors;
    for (const auto &name : args.positional) {
        auto v = client::inspect_volume(**client, name);
        if (v) found.push_back(*v);
        else errors.push_back(v.error());
    }
    if (!found.empty() || errors.empty()) rc = print_inspected(ctx, found, *tmpl);
    for (const auto &e : errors) rc = ctx.fail(e);
    return rc;
}

int run_rm(Context &ctx, const ParsedArgs &args) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    int rc = kExitOk;
    for (const auto &name : args.positional) {
        if (auto r = client::remove_volume(**client, name, args.flag("force")); !r) {
            ctx.out.flush();
            rc = ctx.fail(r.error());
            continue;
        }
        ctx.out << name << '\n';
    }
    return rc;
}

int run_prune(Context &ctx, const ParsedArgs &args) {
    auto filters = filters_of(args);
    if (!filters) return ctx.fail(filters.error());
    if (args.flag("all")) (*filters)["all"] = {"true"};
    const std::string warning = args.flag("all") ? "WARNING! This will remove all local volumes not used by at least one container."
                                                 : "WARNING! This will remove anonymous local volumes not used by at least one container.";
    if (!args.flag("force") && !confirmed(ctx, warning)) return kExitOk;
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto report = client::prune_volumes(**client, *filters);
    if (!report) return ctx.fail(report.error());
    std::string deleted;
    if (auto list = report->find("VolumesDeleted"); list != report->end() && list->is_array())
        for (const auto &n : *list)
            if (n.is_string()) deleted += n.get<std::string>() + "\n";
    if (!deleted.empty()) ctx.out << "Deleted Volumes:\n" << deleted << '\n';
    double reclaimed = 0;
    if (auto s = report->find("SpaceReclaimed"); s != report->end() && s->is_number()) reclaimed = s->get<double>();
    ctx.out << "Total reclaimed space: " << format::human_size(reclaimed) << '\n';
    return kExitOk;
}

}  // namespace

Command volume_create_command() {
    Command c;
    c.path = "volume create";
    c.usage = "[OPTIONS] [VOLUME]";
    c.summary = "Create a volume";
    c.flags = {
        {"driver", 'd', Type::String, "Specify volume driver name", "local", "string"},
        {"label", 0, Type::List, "Set metadata for a volume", "", "list"},
        {"name", 0, Type::String, "Specify volume name", "", "string"},
        {"opt", 'o', Type::List, "Set driver specific options", "", "map"},
    };
    c.max_args = 1;
    c.run = run_create;
    return c;
}

Command volume_ls_command() {
    Command c;
    c.path = "volume ls";
    c.aliases = {"volume list"};
    c.usage = "[OPTIONS]";
    c.summary = "List volumes";
    c.flags = {
        {"filter", 'f', Type::List, "Provide filter values (e.g. 'dangling=true')", "", "filter"},
        {"format", 0, Type::String, "Format output using a custom template (Go template subset)", "", "string"},
        {"quiet", 'q', Type::Bool, "Only display volume names", "", ""},
    };
    c.run = run_ls;
    return c;
}

Command volume_inspect_command() {
    Command c;
    c.path = "volume inspect";
    c.usage = "[OPTIONS] VOLUME [VOLUME...]";
    c.summary = "Display detailed information on one or more volumes";
    c.flags = {{"format", 'f', Type::String, "Format output using a custom template (Go template subset)", "", "string"}};
    c.min_args = 1;
    c.max_args = -1;
    c.run = run_inspect;
    return c;
}

Command volume_rm_command() {
    Command c;
    c.path = "volume rm";
    c.aliases = {"volume remove"};
    c.usage = "[OPTIONS] VOLUME [VOLUME...]";
    c.summary = "Remove one or more volumes";
    c.flags = {{"force", 'f', Type::Bool, "Force the removal of one or more volumes", "", ""}};
    c.min_args = 1;
    c.max_args = -1;
    c.run = run_rm;
    return c;
}

Command volume_prune_command() {
    Command c;
    c.path = "volume prune";
    c.usage = "[OPTIONS]";
    c.summary = "Remove unused local volumes";
    c.flags = {
        {"all", 'a', Type::Bool, "Remove all unused volumes, not just anonymous ones", "", ""},
        {"filter", 0, Type::List, "Provide filter values (e.g. 'label=<label>')", "", "filter"},
        {"force", 'f', Type::Bool, "Do not prompt for confirmation", "", ""},
    };
    c.run = run_prune;
    return c;
}

}  // namespace berth::cli::commands
