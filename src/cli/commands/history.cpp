// berth history IMAGE: IMAGE CREATED CREATED BY SIZE COMMENT, newest layer first.
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/format/human.h"
#include "cli/format/table.h"

namespace berth::cli::commands {
namespace {

std::string text(const nlohmann::json &j, const char *key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t number(const nlohmann::json &j, const char *key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<std::int64_t>() : 0;
}

int run(Context &ctx, const ParsedArgs &args) {
    const bool human = args.flag("human");
    const bool trunc = !args.flag("no-trunc");
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto history = (*client)->image_history(args.positional[0]);
    if (!history) return ctx.fail(history.error());
    if (!history->is_array()) return ctx.fail("unexpected answer from the engine: history is not a list");

    auto id_of = [&](const nlohmann::json &h) {
        std::string id = text(h, "Id");
        if (id.empty() || id == "<missing>") return std::string("<missing>");
        return trunc ? format::short_id(id) : id;
    };
    if (args.flag("quiet")) {
        for (const auto &h : *history) ctx.out << id_of(h) << '\n';
        return kExitOk;
    }
    const auto now = format::unix_now();
    format::Table t({"IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"});
    for (const auto &h : *history) {
        const auto created = number(h, "Created");
        std::string created_text = human ? (created > 0 ? format::time_ago(created, now) : "N/A")
                                         : format::rfc3339(created);
        std::string by = text(h, "CreatedBy");
        for (auto &c : by)
            if (c == '\t') c = ' ';
        if (trunc) by = format::ellipsis(by, 45);
        const auto size = number(h, "Size");
        t.add_row({id_of(h), created_text, by,
                   human ? format::human_size(static_cast<double>(size), 3) : std::to_string(size),
                   text(h, "Comment")});
    }
    t.render(ctx.out);
    return kExitOk;
}

}  // namespace

Command history_command() {
    Command c;
    c.path = "image history";
    c.aliases = {"history"};
    c.usage = "[OPTIONS] IMAGE";
    c.summary = "Show the history of an image";
    c.flags = {
        {"human", 'H', FlagSpec::Type::Bool, "Print sizes and dates in human readable format", "true", ""},
        {"no-trunc", 0, FlagSpec::Type::Bool, "Don't truncate output", "", ""},
        {"quiet", 'q', FlagSpec::Type::Bool, "Only show image IDs", "", ""},
    };
    c.min_args = c.max_args = 1;
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
