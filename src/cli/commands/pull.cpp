// berth pull NAME[:TAG|@DIGEST]: the engine pulls, we show its progress stream.
#include <ostream>

#include "cli/auth_config.h"
#include "cli/commands/commands.h"
#include "cli/progress/json_message_display.h"
#include "common/reference.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    const std::string &name = args.positional[0];
    // Validate and normalise locally first, as docker does: a bad name never reaches the
    // engine and the message names the problem.
    auto as_typed = parse_reference_no_default_tag(name);
    if (!as_typed) return ctx.fail(as_typed.error());
    auto ref = parse_reference(name);
    if (!ref) return ctx.fail(ref.error());
    const bool quiet = args.flag("quiet");

    client::PullOptions options;
    options.image = ref->familiar_name();
    options.tag = ref->has_digest() ? ref->digest : ref->tag;
    options.platform = args.value("platform");
    options.auth = saved_registry_auth(ref->domain);

    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());

    if (!quiet && as_typed->tag.empty() && as_typed->digest.empty())
        ctx.out << "Using default tag: " << ref->tag << '\n';
    JsonMessageDisplay display(ctx.out, ctx.out_is_tty, ctx.out_is_tty ? terminal_width() : 0);
    auto r = (*client)->pull(options, [&](const nlohmann::json &message) {
        if (!quiet) display.show(message);
        return true;
    });
    if (!r) {
        ctx.out.flush();
        return ctx.fail(r.error());
    }
    ctx.out << ref->full() << '\n';
    return kExitOk;
}

}  // namespace

Command pull_command() {
    Command c;
    c.path = "image pull";
    c.aliases = {"pull"};
    c.usage = "[OPTIONS] NAME[:TAG|@DIGEST]";
    c.summary = "Download an image from a registry";
    c.flags = {
        {"platform", 0, FlagSpec::Type::String, "Set platform if server is multi-platform capable", "", "string"},
        {"quiet", 'q', FlagSpec::Type::Bool, "Suppress verbose output", "", ""},
    };
    c.min_args = c.max_args = 1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
