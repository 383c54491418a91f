// berth image inspect NAME...: the engine's JSON as a pretty array, or --format per image.
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/format/template.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    std::optional<format::Template> tmpl;
    if (const std::string fmt = args.value("format"); !fmt.empty()) {
        auto parsed = format::Template::parse(fmt);
        if (!parsed) return ctx.fail("template parsing error: " + parsed.error().message());
        tmpl = std::move(*parsed);
    }
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
    if (tmpl) {
        for (const auto &image : found) {
            auto text = tmpl->execute(image);
            if (!text) {
                ctx.out.flush();
                return ctx.fail(text.error());
            }
            ctx.out << *text << '\n';
        }
    } else {
        ctx.out << found.dump(4, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
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
