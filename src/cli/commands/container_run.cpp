// berth create / berth run: build the create request from the flags, pull the image when
// the engine does not have it (as docker does), then start and attach or print the ID.
#include <ostream>

#include "cli/auth_config.h"
#include "cli/commands/commands.h"
#include "cli/commands/container_attach.h"
#include "cli/commands/container_create_options.h"
#include "cli/progress/json_message_display.h"
#include "client/containers.h"
#include "common/reference.h"

namespace berth::cli::commands {
namespace {

bool is_missing_image(const Error &e) {
    return e.kind == ErrorKind::NotFound && e.detail.find("No such image") != std::string::npos;
}

// Pull progress goes to stderr so that `berth run` stdout is only the container's output.
Result<void> pull_missing(Context &ctx, client::EngineClient &client, const std::string &image) {
    auto ref = TRY(parse_reference(image));
    ctx.err << "Unable to find image '" << ref.familiar() << "' locally\n";
    client::PullOptions options;
    options.image = ref.familiar_name();
    options.tag = ref.has_digest() ? ref.digest : ref.tag;
    options.auth = saved_registry_auth(ref.domain);
    JsonMessageDisplay display(ctx.err, false);
    TRY(client.pull(options, [&](const nlohmann::json &message) {
        display.show(message);
        return true;
    }));
    ctx.err.flush();
    return {};
}

// The container's ID, pulling its image first if needed. Prints the error itself.
std::optional<std::string> create(Context &ctx, client::EngineClient &client, const CreateRequest &req) {
    auto created = client::create_container(client, req.body, req.name);
    if (!created && is_missing_image(created.error())) {
        if (auto pulled = pull_missing(ctx, client, req.image); !pulled) {
            ctx.fail(pulled.error());
            return std::nullopt;
        }
        created = client::create_container(client, req.body, req.name);
    }
    if (!created) {
        ctx.fail(created.error());
        return std::nullopt;
    }
    if (auto w = created->find("Warnings"); w != created->end() && w->is_array())
        for (const auto &warning : *w)
            if (warning.is_string()) ctx.err << "WARNING: " << warning.get<std::string>() << '\n';
    return created->value("Id", std::string());
}

int run_create(Context &ctx, const ParsedArgs &args) {
    auto req = build_create_request(args);
    if (!req) {
        ctx.fail(req.error());
        return kExitRunFailure;
    }
    auto client = ctx.client();
    if (!client) {
        ctx.fail(client.error());
        return kExitRunFailure;
    }
    auto id = create(ctx, **client, *req);
    if (!id) return kExitRunFailure;
    ctx.out << *id << '\n';
    return kExitOk;
}

int run_run(Context &ctx, const ParsedArgs &args) {
    auto req = build_create_request(args);
    if (!req) {
        ctx.fail(req.error());
        return kExitRunFailure;
    }
    const bool detach = args.flag("detach");
    const bool remove = args.flag("rm");
    const bool interactive = args.flag("interactive") && !detach;
    const bool tty = args.flag("tty");
    // Attached, the CLI removes the container itself after reading its exit code, so that
    // the engine's auto-removal cannot race the wait.
    if (!detach) req->body["HostConfig"].erase("AutoRemove");
    auto client = ctx.client();
    if (!client) {
        ctx.fail(client.error());
        return kExitRunFailure;
    }
    auto id = create(ctx, **client, *req);
    if (!id) return kExitRunFailure;
    int code = kExitOk;
    if (interactive || (tty && !detach)) {
        // Attached before the start, so the first output and the first stdin byte count.
        AttachSession session;
        session.tty = tty;
        session.stdin = interactive;
        session.detach_keys = args.value("detach-keys");
        code = attach_and_wait(ctx, **client, *id, session,
                               [&] { return client::start_container(**client, *id); }, kExitRunFailure);
    } else {
        if (auto started = client::start_container(**client, *id); !started) {
            ctx.fail(started.error());
            if (remove) (void)client::remove_container(**client, *id, true, true);
            return kExitRunFailure;
        }
        if (detach) {
            ctx.out << *id << '\n';
            return kExitOk;
        }
        code = follow_and_wait(ctx, **client, *id, tty, kExitRunFailure);
    }
    if (auto running = client::inspect_container(**client, *id);
        running && running->value("/State/Running"_json_pointer, false))
        return code;  // detached with the detach keys: the container lives on
    if (remove) {
        auto removed = client::remove_container(**client, *id, true, true);
        if (!removed && removed.error().kind != ErrorKind::NotFound) ctx.fail(removed.error());
    }
    return code;
}

}  // namespace

Command create_command() {
    Command c;
    c.path = "container create";
    c.aliases = {"create"};
    c.usage = "[OPTIONS] IMAGE [COMMAND] [ARG...]";
    c.summary = "Create a new container";
    c.flags = container_create_flags();
    c.min_args = 1;
    c.max_args = -1;
    c.stop_at_first_positional = true;
    c.usage_exit_code = kExitRunFailure;
    c.run = run_create;
    return c;
}

Command run_command() {
    Command c;
    c.path = "container run";
    c.aliases = {"run"};
    c.usage = "[OPTIONS] IMAGE [COMMAND] [ARG...]";
    c.summary = "Create and run a new container from an image";
    c.flags = container_create_flags();
    c.flags.push_back({"detach", 'd', FlagSpec::Type::Bool, "Run container in background and print container ID", "", ""});
    c.flags.push_back({"detach-keys", 0, FlagSpec::Type::String, "Override the key sequence for detaching a container", "", "string"});
    c.min_args = 1;
    c.max_args = -1;
    c.stop_at_first_positional = true;
    c.usage_exit_code = kExitRunFailure;
    c.run = run_run;
    return c;
}

}  // namespace berth::cli::commands
