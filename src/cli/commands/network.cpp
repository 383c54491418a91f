// berth network create|ls|inspect|rm|connect|disconnect|prune through the /networks API.
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/confirm.h"
#include "cli/commands/inspect_output.h"
#include "cli/format/table.h"
#include "cli/format/template.h"
#include "client/networks.h"

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
    const std::string name = args.positional.at(0);
    auto labels = key_values(args.values("label"), "label");
    if (!labels) return ctx.fail(labels.error());
    auto opts = key_values(args.values("opt"), "option");
    if (!opts) return ctx.fail(opts.error());
    const auto subnets = args.values("subnet"), gateways = args.values("gateway"), ranges = args.values("ip-range");
    if (gateways.size() > subnets.size() || ranges.size() > subnets.size())
        return ctx.fail("every --gateway and --ip-range needs a --subnet");
    json config = json::array();
    for (std::size_t i = 0; i < subnets.size(); ++i) {
        json c = {{"Subnet", subnets[i]}};
        if (i < gateways.size()) c["Gateway"] = gateways[i];
        if (i < ranges.size()) c["IPRange"] = ranges[i];
        config.push_back(c);
    }
    json body = {{"Name", name},
                 {"Driver", args.value("driver").empty() ? std::string("bridge") : args.value("driver")},
                 {"Internal", args.flag("internal")},
                 {"Attachable", args.flag("attachable")},
                 {"IPAM", {{"Driver", "default"}, {"Config", config}, {"Options", json::object()}}},
                 {"Labels", *labels},
                 {"Options", *opts}};
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto r = client::create_network(**client, body);
    if (!r) return ctx.fail(r.error());
    ctx.out << r->value("Id", std::string()) << '\n';
    return kExitOk;
}

std::string label_text(const json &labels) {
    std::string out;
    if (labels.is_object())
        for (const auto &[k, v] : labels.items())
            out += (out.empty() ? "" : ",") + k + "=" + (v.is_string() ? v.get<std::string>() : "");
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
    auto list = client::list_networks(**client, *filters);
    if (!list) return ctx.fail(list.error());
    json nets = list->is_array() ? *list : json::array();
    std::sort(nets.begin(), nets.end(), [](const json &a, const json &b) {
        return a.value("Name", std::string()) < b.value("Name", std::string());
    });
    const bool full = args.flag("no-trunc");
    auto id_of = [&](const json &n) {
        const std::string id = n.value("Id", std::string());
        return full ? id : id.substr(0, 12);
    };
    if (args.flag("quiet")) {
        for (const auto &n : nets) ctx.out << id_of(n) << '\n';
        return kExitOk;
    }
    if (!tmpl) {
        format::Table table({"NETWORK ID", "NAME", "DRIVER", "SCOPE"});
        for (const auto &n : nets)
            table.add_row({id_of(n), n.value("Name", std::string()), n.value("Driver", std::string()),
                           n.value("Scope", std::string())});
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
        (void)add(json{{"ID", "NETWORK ID"}, {"Name", "NAME"}, {"Driver", "DRIVER"}, {"Scope", "SCOPE"},
                       {"IPv6", "IPV6"}, {"Internal", "INTERNAL"}, {"Labels", "LABELS"}, {"CreatedAt", "CREATED AT"}});
    for (const auto &n : nets) {
        json f = {{"ID", id_of(n)},
                  {"Name", n.value("Name", std::string())},
                  {"Driver", n.value("Driver", std::string())},
                  {"Scope", n.value("Scope", std::string())},
                  {"IPv6", n.value("EnableIPv6", false) ? "true" : "false"},
                  {"Internal", n.value("Internal", false) ? "true" : "false"},
                  {"Labels", label_text(n.value("Labels", json()))},
                  {"CreatedAt", n.value("Created", std::string())}};
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
    std::vector<Error> errors;
    for (const auto &name : args.positional) {
        auto n = client::inspect_network(**client, name);
        if (n) found.push_back(*n);
        else errors.push_back(n.error());
    }
    int rc = kExitOk;
    if (!found.empty() || errors.empty()) rc = print_inspected(ctx, found, *tmpl);
    for (const auto &e : errors) rc = ctx.fail(e);
    return rc;
}

int run_rm(Context &ctx, const ParsedArgs &args) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    int rc = kExitOk;
    for (const auto &name : args.positional) {
        if (auto r = client::remove_network(**client, name); !r) {
            ctx.out.flush();
            rc = ctx.fail(r.error());
            continue;
        }
        ctx.out << name << '\n';
    }
    return rc;
}

int run_connect(Context &ctx, const ParsedArgs &args) {
    json ep = json::object();
    if (const auto aliases = args.values("alias"); !aliases.empty()) ep["Aliases"] = aliases;
    if (const auto ip = args.value("ip"); !ip.empty()) ep["IPAMConfig"] = {{"IPv4Address", ip}};
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    if (auto r = client::connect_network(**client, args.positional[0], args.positional[1], ep); !r)
        return ctx.fail(r.error());
    return kExitOk;
}

int run_disconnect(Context &ctx, const ParsedArgs &args) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    if (auto r = client::disconnect_network(**client, args.positional[0], args.positional[1], args.flag("force")); !r)
        return ctx.fail(r.error());
    return kExitOk;
}

int run_prune(Context &ctx, const ParsedArgs &args) {
    auto filters = filters_of(args);
    if (!filters) return ctx.fail(filters.error());
    if (!args.flag("force") && !confirmed(ctx, "WARNING! This will remove all custom networks not used by at least one container."))
        return kExitOk;
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto report = client::prune_networks(**client, *filters);
    if (!report) return ctx.fail(report.error());
    std::string deleted;
    if (auto list = report->find("NetworksDeleted"); list != report->end() && list->is_array())
        for (const auto &n : *list)
            if (n.is_string()) deleted += n.get<std::string>() + "\n";
    if (!deleted.empty()) ctx.out << "Deleted Networks:\n" << deleted;
    return kExitOk;
}

}  // namespace

Command network_create_command() {
    Command c;
    c.path = "network create";
    c.usage = "[OPTIONS] NETWORK";
    c.summary = "Create a network";
    c.flags = {
        {"driver", 'd', Type::String, "Driver to manage the Network", "bridge", "string"},
        {"subnet", 0, Type::List, "Subnet in CIDR format that represents a network segment", "", "strings"},
        {"gateway", 0, Type::List, "IPv4 Gateway for the master subnet", "", "strings"},
        {"ip-range", 0, Type::List, "Allocate container ip from a sub-range", "", "strings"},
        {"internal", 0, Type::Bool, "Restrict external access to the network", "", ""},
        {"attachable", 0, Type::Bool, "Enable manual container attachment", "", ""},
        {"label", 0, Type::List, "Set metadata on a network", "", "list"},
        {"opt", 'o', Type::List, "Set driver specific options", "", "map"},
    };
    c.min_args = 1;
    c.max_args = 1;
    c.run = run_create;
    return c;
}

Command network_ls_command() {
    Command c;
    c.path = "network ls";
    c.aliases = {"network list"};
    c.usage = "[OPTIONS]";
    c.summary = "List networks";
    c.flags = {
        {"filter", 'f', Type::List, "Provide filter values (e.g. 'driver=bridge')", "", "filter"},
        {"format", 0, Type::String, "Format output using a custom template (Go template subset)", "", "string"},
        {"no-trunc", 0, Type::Bool, "Do not truncate the output", "", ""},
        {"quiet", 'q', Type::Bool, "Only display network IDs", "", ""},
    };
    c.run = run_ls;
    return c;
}

Command network_inspect_command() {
    Command c;
    c.path = "network inspect";
    c.usage = "[OPTIONS] NETWORK [NETWORK...]";
    c.summary = "Display detailed information on one or more networks";
    c.flags = {{"format", 'f', Type::String, "Format output using a custom template (Go template subset)", "", "string"}};
    c.min_args = 1;
    c.max_args = -1;
    c.run = run_inspect;
    return c;
}

Command network_rm_command() {
    Command c;
    c.path = "network rm";
    c.aliases = {"network remove"};
    c.usage = "NETWORK [NETWORK...]";
    c.summary = "Remove one or more networks";
    c.min_args = 1;
    c.max_args = -1;
    c.run = run_rm;
    return c;
}

Command network_connect_command() {
    Command c;
    c.path = "network connect";
    c.usage = "[OPTIONS] NETWORK CONTAINER";
    c.summary = "Connect a container to a network";
    c.flags = {
        {"alias", 0, Type::List, "Add network-scoped alias for the container", "", "strings"},
        {"ip", 0, Type::String, "IPv4 address (e.g., \"172.30.100.104\")", "", "string"},
    };
    c.min_args = 2;
    c.max_args = 2;
    c.run = run_connect;
    return c;
}

Command network_disconnect_command() {
    Command c;
    c.path = "network disconnect";
    c.usage = "[OPTIONS] NETWORK CONTAINER";
    c.summary = "Disconnect a container from a network";
    c.flags = {{"force", 'f', Type::Bool, "Force the container to disconnect from a network", "", ""}};
    c.min_args = 2;
    c.max_args = 2;
    c.run = run_disconnect;
    return c;
}

Command network_prune_command() {
    Command c;
    c.path = "network prune";
    c.usage = "[OPTIONS]";
    c.summary = "Remove all unused networks";
    c.flags = {
        {"filter", 0, Type::List, "Provide filter values (e.g. \"until=<timestamp>\")", "", "filter"},
        {"force", 'f', Type::Bool, "Do not prompt for confirmation", "", ""},
    };
    c.run = run_prune;
    return c;
}

}  // namespace berth::cli::commands
