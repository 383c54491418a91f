#include "cli/cli.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "cli/command.h"

#ifndef BERTH_VERSION
#define BERTH_VERSION "0.0.0"
#endif

namespace berth::cli {
namespace {

const std::vector<FlagSpec> &global_flags() {
    static const std::vector<FlagSpec> flags = {
        {"host", 'H', FlagSpec::Type::String, "Daemon socket to connect to (unix:///path or tcp://host:port)", "", "string"},
        {"debug", 'D', FlagSpec::Type::Bool, "Enable debug mode (log every request to stderr)", "", ""},
        {"version", 'v', FlagSpec::Type::Bool, "Print version information and quit", "", ""},
        {"help", 'h', FlagSpec::Type::Bool, "Print usage", "", ""},
    };
    return flags;
}

std::string group_of(const Command &c) {
    auto sp = c.path.find(' ');
    return sp == std::string::npos ? std::string() : c.path.substr(0, sp);
}

const std::map<std::string, std::string> &group_summaries() {
    static const std::map<std::string, std::string> g = {{"container", "Manage containers"}, {"image", "Manage images"}, {"volume", "Manage volumes"}, {"network", "Manage networks"}};
    return g;
}

const Command *find_command(const std::string &path) {
    for (const auto &c : all_commands()) {
        if (c.path == path) return &c;
        if (std::find(c.aliases.begin(), c.aliases.end(), path) != c.aliases.end()) return &c;
    }
    return nullptr;
}

void print_main_help(std::ostream &out) {
    out << "Usage:  berth [OPTIONS] COMMAND\n\n"
           "Berth: a container engine and desktop workbench that speaks the Docker Engine API\n\n"
           "Management Commands:\n";
    for (const auto &[g, summary] : group_summaries()) out << "  " << g << std::string(12 - g.size(), ' ') << summary << '\n';
    out << "\nCommands:\n";
    std::map<std::string, std::string> top;
    for (const auto &c : all_commands()) {
        if (c.path.find(' ') == std::string::npos) top[c.path] = c.summary;
        for (const auto &a : c.aliases)
            if (a.find(' ') == std::string::npos) top[a] = c.summary;
    }
    for (const auto &[name, summary] : top)
        out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << summary << '\n';
    out << "\nGlobal Options:\n" << flags_help(global_flags())
        << "\nRun 'berth COMMAND --help' for more information on a command.\n";
}

void print_group_help(std::ostream &out, const std::string &group) {
    out << "Usage:  berth " << group << " COMMAND\n\n" << group_summaries().at(group) << "\n\nCommands:\n";
    for (const auto &c : all_commands()) {
        if (group_of(c) != group) continue;
        std::string sub = c.path.substr(group.size() + 1);
        out << "  " << sub << std::string(sub.size() < 12 ? 12 - sub.size() : 1, ' ') << c.summary << '\n';
    }
    out << "\nRun 'berth " << group << " COMMAND --help' for more information on a command.\n";
}

void print_usage_line(std::ostream &out, const std::string &invoked, const Command &c) {
    out << "Usage:  berth " << invoked << (c.usage.empty() ? "" : " ") << c.usage << "\n\n" << c.summary << '\n';
}

void print_command_help(std::ostream &out, const std::string &invoked, const Command &c) {
    print_usage_line(out, invoked, c);
    if (!c.aliases.empty()) {
        out << "\nAliases:\n  berth " << c.path;
        for (const auto &a : c.aliases) out << ", berth " << a;
        out << '\n';
    }
    if (!c.flags.empty()) out << "\nOptions:\n" << flags_help(c.flags);
}

std::string arg_count_message(const Command &c) {
    auto plural = [](int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); };
    if (c.min_args == c.max_args) return "requires exactly " + plural(c.min_args);
    if (c.max_args < 0) return "requires at least " + plural(c.min_args);
    if (c.min_args == 0) return "accepts at most " + plural(c.max_args);
    return "requires at least " + plural(c.min_args) + " and at most " + plural(c.max_args);
}

}  // namespace

int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err, std::istream &in,
        bool out_is_tty) {
    Context ctx(out, err, in, out_is_tty);
    std::size_t i = 0;
    // Global flags come before the command, as with docker: a command's own -H (history's
    // --human) never collides with the host flag.
    for (; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.empty() || a[0] != '-') break;
        if (a == "--") {
            ++i;
            break;
        }
        if (a == "-H" || a == "--host") {
            if (i + 1 >= args.size()) {
                err << "berth: flag needs an argument: " << a << "\nSee 'berth --help'.\n";
                return kExitUsage;
            }
            ctx.host_flag = args[++i];
        } else if (a.rfind("--host=", 0) == 0) {
            ctx.host_flag = a.substr(7);
        } else if (a.rfind("-H", 0) == 0) {
            ctx.host_flag = a.substr(a[2] == '=' ? 3 : 2);
        } else if (a == "-D" || a == "--debug") {
            ctx.debug = true;
        } else if (a == "-v" || a == "--version") {
            out << "Berth version " << BERTH_VERSION << '\n';
            return kExitOk;
        } else if (a == "-h" || a == "--help") {
            print_main_help(out);
            return kExitOk;
        } else {
            err << "berth: unknown flag: " << a << "\nSee 'berth --help'.\n";
            return kExitUsage;
        }
    }
    if (i == args.size()) {
        print_main_help(out);
        return kExitOk;
    }

    std::string invoked = args[i++];
    if (invoked == "help") {
        if (i == args.size()) {
            print_main_help(out);
            return kExitOk;
        }
        // "berth help pull" == "berth pull --help"
        std::vector<std::string> rest(args.begin() + static_cast<long>(i), args.end());
        rest.push_back("--help");
        std::vector<std::string> again;
        if (ctx.host_flag) again = {"-H", *ctx.host_flag};
        again.insert(again.end(), rest.begin(), rest.end());
        return run(again, out, err, in, out_is_tty);
    }
    const Command *cmd = find_command(invoked);
    if (cmd == nullptr && group_summaries().count(invoked)) {
        if (i == args.size() || args[i] == "--help" || args[i] == "-h") {
            print_group_help(out, invoked);
            return kExitOk;
        }
        std::string group = invoked;
        invoked += " " + args[i++];
        cmd = find_command(invoked);
        if (cmd == nullptr) {
            err << "berth: '" << invoked << "' is not a berth command.\nSee 'berth " << group << " --help'\n";
            return kExitFailure;
        }
    }
    if (cmd == nullptr) {
        err << "berth: '" << invoked << "' is not a berth command.\nSee 'berth --help'\n";
        return kExitFailure;
    }

    std::vector<std::string> rest(args.begin() + static_cast<long>(i), args.end());
    auto parsed = parse_args(cmd->flags, rest, cmd->stop_at_first_positional);
    if (!parsed) {
        err << "berth: " << parsed.error().message() << "\nSee 'berth " << invoked << " --help'.\n";
        return cmd->usage_exit_code;
    }
    if (parsed->help) {
        print_command_help(out, invoked, *cmd);
        return kExitOk;
    }
    const int n = static_cast<int>(parsed->positional.size());
    if (n < cmd->min_args || (cmd->max_args >= 0 && n > cmd->max_args)) {
        err << "berth: \"berth " << invoked << "\" " << arg_count_message(*cmd) << ".\nSee 'berth " << invoked
            << " --help'.\n\n";
        print_usage_line(err, invoked, *cmd);
        return cmd->usage_exit_code;
    }
    return cmd->run(ctx, *parsed);
}

int run_main(int argc, char **argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    int rc = run(args, std::cout, std::cerr, std::cin, ::isatty(STDOUT_FILENO) == 1);
    std::cout.flush();
    return rc;
}

}  // namespace berth::cli
