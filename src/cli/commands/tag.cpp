// berth tag SOURCE TARGET: another name for an image.
#include "cli/commands/commands.h"
#include "common/reference.h"

namespace berth::cli::commands {
namespace {

int run(Context &ctx, const ParsedArgs &args) {
    const std::string &source = args.positional[0];
    auto target = parse_reference_no_default_tag(args.positional[1]);
    if (!target) return ctx.fail(target.error());
    if (target->has_digest()) return ctx.fail("refusing to create a tag with a digest reference");
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto r = (*client)->tag_image(source, target->familiar_name(), target->tag.empty() ? "latest" : target->tag);
    if (!r) return ctx.fail(r.error());
    return kExitOk;
}

}  // namespace

Command tag_command() {
    Command c;
    c.path = "image tag";
    c.aliases = {"tag"};
    c.usage = "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]";
    c.summary = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE";
    c.min_args = c.max_args = 2;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
