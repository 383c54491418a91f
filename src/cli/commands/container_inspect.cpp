// berth inspect NAME...: a container or, when there is none by that name, an image (as
// docker's top-level inspect does); `berth container inspect` only looks at containers.
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/inspect_output.h"
#include "client/containers.h"

namespace berth::cli::commands {
namespace {

int inspect(Context &ctx, const ParsedArgs &args, bool images_too) {
    auto tmpl = inspect_template(args);
    if (!tmpl) return ctx.fail(tmpl.error().detail);
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    const std::string type = args.value("type");

    nlohmann::json found = nlohmann::json::array();
    std::vector<std::string> missing;
    for (const auto &name : args.positional) {
        Result<nlohmann::json> object = Error::not_found(name);
        if (type.empty() || type == "container") object = client::inspect_container(**client, name);
        if (!object && object.error().kind == ErrorKind::NotFound && images_too && (type.empty() || type == "image"))
            object = (*client)->inspect_image(name);
        if (!object) {
            if (object.error().kind != ErrorKind::NotFound) return ctx.fail(object.error());
            missing.push_back(name);
            continue;
        }
        found.push_back(std::move(*object));
    }
    if (const int code = print_inspected(ctx, found, *tmpl); code != kExitOk) return code;
    if (missing.empty()) return kExitOk;
    ctx.out.flush();
    for (const auto &name : missing) ctx.err << "Error: No such " << (images_too ? "object" : "container") << ": " << name << '\n';
    return kExitFailure;
}

std::vector<FlagSpec> inspect_flags(bool with_type) {
    std::vector<FlagSpec> flags = {
        {"format", 'f', FlagSpec::Type::String, "Format output using a custom template (Go template subset)", "", "string"},
        {"size", 's', FlagSpec::Type::Bool, "Display total file sizes", "", ""},
    };
    if (with_type) flags.push_back({"type", 0, FlagSpec::Type::String, "Only inspect objects of the given type (container, image)", "", "string"});
    return flags;
}

}  // namespace

Command inspect_command() {
    Command c;
    c.path = "inspect";
    c.usage = "[OPTIONS] NAME|ID [NAME|ID...]";
    c.summary = "Return low-level information on Berth objects";
    c.flags = inspect_flags(true);
    c.min_args = 1;
    c.max_args = -1;
    c.run = [](Context &ctx, const ParsedArgs &args) { return inspect(ctx, args, true); };
    return c;
}

Command container_inspect_command() {
    Command c;
    c.path = "container inspect";
    c.usage = "[OPTIONS] CONTAINER [CONTAINER...]";
    c.summary = "Display detailed information on one or more containers";
    c.flags = inspect_flags(false);
    c.min_args = 1;
    c.max_args = -1;
    c.run = [](Context &ctx, const ParsedArgs &args) { return inspect(ctx, args, false); };
    return c;
}

}  // namespace berth::cli::commands
