// berth image inspect NAME...: the engine's JSON as a pretty array, or --format per image.
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/commands/inspect_output.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    auto tmpl = inspect_template(args);
    if (!tmpl) return ctx.fail(tmpl.error().detail);
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());

    nlohmann::json found = nlohmann::json::array();
    std::vector<Error> errors;
    for (const auto &name : args.positional) {
        auto image = (*client)->inspect_image(name);
        if (!image) {
            // The engine cannot be reached at all: one line, not one per name.
            if (image.error().kind == ErrorKind::Unavailable || image.error().kind == ErrorKind::Forbidden)
                return ctx.fail(image.error());
            errors.push_back(std::move(image).error());
            continue;
        }
        found.push_back(std::move(*image));
    }
    if (const int code = print_inspected(ctx, found, *tmpl); code != kExitOk) return code;
    if (errors.empty()) return kExitOk;
    ctx.out.flush();
    for (const auto &e : errors) ctx.fail(e);
    return kExitFailure;
}

}  // namespace

Command image_inspect_command() {
    Command c;
    c.path = "image inspect";
    c.usage = "[OPTIONS] IMAGE [IMAGE...]";
    c.summary = "Display detailed information on one or more images";
    c.flags = {
        {"format", 'f', FlagSpec::Type::String, "Format output using a custom template (Go template subset)", "", "string"},
    };
    c.min_args = 1;
    c.max_args = -1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
