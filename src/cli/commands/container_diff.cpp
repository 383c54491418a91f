// berth diff: the container's file-system changes, one "C|A|D path" line each, as docker diff.
#include <ostream>

#include "cli/commands/commands.h"
#include "client/container_files.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto changes = client::container_changes(**client, args.positional[0]);
    if (!changes) return ctx.fail(changes.error());
    if (!changes->is_array()) return kExitOk;
    for (const auto &c : *changes) {
        const int kind = c.value("Kind", 0);
        const char letter = kind == 1 ? 'A' : kind == 2 ? 'D' : 'C';
        ctx.out << letter << ' ' << c.value("Path", std::string()) << '\n';
    }
    return kExitOk;
}

}  // namespace

Command diff_command() {
    Command c;
    c.path = "container diff";
    c.aliases = {"diff"};
    c.usage = "CONTAINER";
    c.summary = "Inspect changes to files or directories on a container's filesystem";
    c.min_args = c.max_args = 1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
