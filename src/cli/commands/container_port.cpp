// berth port CONTAINER [PRIVATE_PORT[/PROTO]]: the host addresses a container's ports are
// published on, from NetworkSettings.Ports, in the docker CLI's words:
//   80/tcp -> 0.0.0.0:8080        (all ports)
//   0.0.0.0:8080                  (one port asked for)
#include <algorithm>
#include <ostream>

#include "cli/commands/commands.h"
#include "client/containers.h"

namespace berth::cli::commands {
namespace {

std::string host_address(const nlohmann::json &binding) {
    return binding.value("HostIp", std::string()) + ":" + binding.value("HostPort", std::string());
}

int run(Context &ctx, const ParsedArgs &args) {
    const std::string &name = args.positional[0];
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto info = client::inspect_container(**client, name);
    if (!info) return ctx.fail(info.error());
    nlohmann::json ports = nlohmann::json::object();
    if (auto ns = info->find("NetworkSettings"); ns != info->end() && ns->is_object())
        ports = ns->value("Ports", nlohmann::json::object());
    if (!ports.is_object()) ports = nlohmann::json::object();

    if (args.positional.size() > 1) {
        std::string wanted = args.positional[1];
        if (wanted.find('/') == std::string::npos) wanted += "/tcp";
        auto it = ports.find(wanted);
        if (it == ports.end() || !it->is_array() || it->empty())
            return ctx.fail(Error::not_found("No public port '" + wanted + "' published for " + name));
        for (const auto &b : *it) ctx.out << host_address(b) << "\n";
        return kExitOk;
    }

    std::vector<std::string> lines;
    for (auto &[key, bindings] : ports.items()) {
        if (!bindings.is_array()) continue;
        for (const auto &b : bindings) lines.push_back(key + " -> " + host_address(b));
    }
    std::sort(lines.begin(), lines.end());
    for (const auto &l : lines) ctx.out << l << "\n";
    return kExitOk;
}

}  // namespace

Command port_command() {
    Command c;
    c.path = "container port";
    c.aliases = {"port"};
    c.usage = "CONTAINER [PRIVATE_PORT[/PROTO]]";
    c.summary = "List port mappings or a specific mapping for the container";
    c.min_args = 1;
    c.max_args = 2;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
