// berth image prune [-a] [-f]: remove dangling (or all unused) images after confirmation.
#include <istream>
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/format/human.h"

namespace berth::cli::commands {
namespace {

bool confirmed(Context &ctx, const std::string &warning) {
    ctx.out << warning << "\nAre you sure you want to continue? [y/N] ";
    ctx.out.flush();
    std::string answer;
    if (!std::getline(ctx.in, answer)) {
        ctx.out << '\n';
        return false;
    }
    while (!answer.empty() && (answer.back() == '\r' || answer.back() == ' ')) answer.pop_back();
    return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes" || answer == "YES";
}

int run(Context &ctx, const ParsedArgs &args) {
    client::Filters filters;
    for (const auto &f : args.values("filter"))
        if (!client::add_filter_arg(filters, f))
            return ctx.fail("bad format of filter (expected name=value)");
    const bool all = args.flag("all");
    filters["dangling"] = {all ? "false" : "true"};
    const std::string warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                                    : "WARNING! This will remove all dangling images.";
    if (!args.flag("force") && !confirmed(ctx, warning)) return kExitOk;

    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto report = (*client)->prune_images(filters);
    if (!report) return ctx.fail(report.error());

    std::string deleted;
    if (auto list = report->find("ImagesDeleted"); list != report->end() && list->is_array()) {
        for (const auto &item : *list) {
            if (auto u = item.find("Untagged"); u != item.end() && u->is_string())
                deleted += "untagged: " + u->get<std::string>() + "\n";
            if (auto d = item.find("Deleted"); d != item.end() && d->is_string())
                deleted += "deleted: " + d->get<std::string>() + "\n";
        }
    }
    if (!deleted.empty()) ctx.out << "Deleted Images:\n" << deleted << '\n';
    double reclaimed = 0;
    if (auto s = report->find("SpaceReclaimed"); s != report->end() && s->is_number()) reclaimed = s->get<double>();
    ctx.out << "Total reclaimed space: " << format::human_size(reclaimed) << '\n';
    return kExitOk;
}

}  // namespace

Command image_prune_command() {
    Command c;
    c.path = "image prune";
    c.usage = "[OPTIONS]";
    c.summary = "Remove unused images";
    c.flags = {
        {"all", 'a', FlagSpec::Type::Bool, "Remove all unused images, not just dangling ones", "", ""},
        {"filter", 0, FlagSpec::Type::List, "Provide filter values (e.g. \"until=<timestamp>\")", "", "filter"},
        {"force", 'f', FlagSpec::Type::Bool, "Do not prompt for confirmation", "", ""},
    };
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
