// berth rmi [-f] IMAGE...: untag and delete, one "Untagged:"/"Deleted:" line per effect.
#include <ostream>

#include "cli/commands/commands.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    int rc = kExitOk;
    for (const auto &name : args.positional) {
        auto deleted = (*client)->remove_image(name, args.flag("force"), args.flag("no-prune"));
        if (!deleted) {
            ctx.out.flush();
            rc = ctx.fail(deleted.error());
            if (deleted.error().kind == ErrorKind::Unavailable) return rc;
            continue;
        }
        if (!deleted->is_array()) continue;
        for (const auto &item : *deleted) {
            if (auto u = item.find("Untagged"); u != item.end() && u->is_string())
                ctx.out << "Untagged: " << u->get<std::string>() << '\n';
            if (auto d = item.find("Deleted"); d != item.end() && d->is_string())
                ctx.out << "Deleted: " << d->get<std::string>() << '\n';
        }
    }
    return rc;
}

}  // namespace

Command rmi_command() {
    Command c;
    c.path = "image rm";
    c.aliases = {"image remove", "rmi"};
    c.usage = "[OPTIONS] IMAGE [IMAGE...]";
    c.summary = "Remove one or more images";
    c.flags = {
        {"force", 'f', FlagSpec::Type::Bool, "Force removal of the image", "", ""},
        {"no-prune", 0, FlagSpec::Type::Bool, "Do not delete untagged parents", "", ""},
    };
    c.min_args = 1;
    c.max_args = -1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
